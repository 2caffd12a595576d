from django.core.management.base import BaseCommand, CommandError

from sulh.accounts.actions import do_create_token, do_revoke_token
from sulh.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Create, list or revoke API tokens: sulh token create USERNAME"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        create = sub.add_parser("create", help="print a new token for a user (shown once)")
        create.add_argument("username")
        create.add_argument("--name", default="")
        create.add_argument("--days", type=int, default=90, help="days until it expires (0: never)")
        listing = sub.add_parser("list", help="tokens of a user")
        listing.add_argument("username")
        revoke = sub.add_parser("revoke", help="revoke a token by its prefix")
        revoke.add_argument("prefix")

    def handle(self, *args, verb, **options):
        if verb == "create":
            user = self._user(options["username"])
            secret, _row = do_create_token(
                None, user, name=options["name"], days=options["days"] or None
            )
            self.stdout.write(secret)
        elif verb == "list":
            for row in self._user(options["username"]).api_tokens.order_by("created_at"):
                state = (
                    "revoked" if row.revoked_at else ("active" if row.is_usable() else "expired")
                )
                self.stdout.write(
                    f"{row.prefix}  {state}  created {row.created_at:%Y-%m-%d}  {row.name}"
                )
        else:
            row = ApiToken.objects.filter(prefix=options["prefix"]).first()
            if row is None:
                raise CommandError(f"no token with prefix {options['prefix']!r}")
            do_revoke_token(None, row)
            self.stdout.write(f"revoked {row.prefix}")

    def _user(self, username: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        return user
