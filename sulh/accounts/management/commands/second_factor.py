from django.core.management.base import BaseCommand, CommandError

from sulh.accounts.actions import do_remove_totp
from sulh.accounts.models import User


class Command(BaseCommand):
    help = "Reset a user's second factor (a lost phone): sulh second_factor reset USERNAME"

    def add_arguments(self, parser):
        parser.add_argument("verb", choices=["reset"])
        parser.add_argument("username")

    def handle(self, *args, verb, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        do_remove_totp(None, user, reset=True)
        then = "may add one"
        if user.source_clearance:
            then = "must set a new one up at the next log-in"
        self.stdout.write(f"second factor of {username} removed; they {then}")
