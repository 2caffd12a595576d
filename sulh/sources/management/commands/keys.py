import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sulh.audit.actions import do_audit
from sulh.lib import crypto
from sulh.sources.checks import check_identity_key
from sulh.sources.sealing import SEALED, reseal_all


class Command(BaseCommand):
    help = "The identity key: sulh keys check | rotate | forget-previous"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("check", help="say whether the key opens the stored identities")
        rotate = sub.add_parser(
            "rotate", help="re-encrypt every identity under a new key, keeping the old one aside"
        )
        rotate.add_argument(
            "--discard-previous",
            action="store_true",
            help="replace a previous key still kept from an earlier rotation",
        )
        sub.add_parser(
            "forget-previous", help="destroy the previous key once nothing needs it any more"
        )

    def handle(self, *args, verb, **options):
        if verb == "check":
            problems = check_identity_key()
            for problem in problems:
                self.stderr.write(f"{problem.id}: {problem.msg} {problem.hint or ''}")
            if problems:
                raise CommandError("the identity key does not fit")
            self.stdout.write(f"the identity key opens the stored data ({self._where()})")
        elif verb == "rotate":
            self._rotate(options["discard_previous"])
        else:
            self._forget_previous()

    def _where(self) -> str:
        return "SULH_KEY" if settings.SULH_KEY else str(crypto.key_file())

    def _rotate(self, discard_previous: bool) -> None:
        if settings.SULH_KEY:
            raise CommandError(
                "the key comes from SULH_KEY: put it in a key file (SULH_KEY_FILE) to rotate it"
            )
        if check_identity_key():
            raise CommandError("the current key does not fit the data; run 'sulh keys check'")
        previous = crypto.previous_key_file()
        if previous.exists() and not discard_previous:
            raise CommandError(
                f"{previous} still holds the key of an earlier rotation; run "
                "'sulh keys forget-previous' first (or pass --discard-previous)"
            )
        old, new = crypto.current_key(), crypto.generate_key()
        # Running servers find the new key beside the old while the rows change under them.
        crypto.write_key_file(crypto.next_key_file(), new)
        count = reseal_all(new)
        crypto.write_key_file(previous, old)
        os.replace(crypto.next_key_file(), crypto.key_file())
        # Values sealed by a server under the old key while this ran: one more pass catches them.
        count += self._reseal_stragglers(new)
        do_audit(None, "keys.rotate", summary=f"{count} sealed values re-encrypted")
        self.stdout.write(
            f"re-encrypted {count} sealed values under a new key in {crypto.key_file()}.\n"
            f"The old key is kept in {previous} for backups made before now; destroy it with "
            "'sulh keys forget-previous' when they are no longer needed."
        )

    def _reseal_stragglers(self, new: bytes) -> int:
        stale = [
            (sealed, row.pk)
            for sealed in SEALED
            for row in sealed.rows().only("pk", sealed.field)
            if not crypto.opens_with(getattr(row, sealed.field), new)
        ]
        return reseal_all(new) if stale else 0

    def _forget_previous(self) -> None:
        previous = crypto.previous_key_file()
        if not previous.exists():
            self.stdout.write("no previous key is kept")
            return
        key = crypto.current_key()
        for sealed in SEALED:
            for row in sealed.rows().only("pk", sealed.field).iterator():
                if not crypto.opens_with(getattr(row, sealed.field), key):
                    raise CommandError(
                        f"{sealed.label} #{row.pk} still needs the previous key; run "
                        "'sulh keys rotate --discard-previous' again"
                    )
        size = previous.stat().st_size
        with open(previous, "r+b") as handle:
            handle.write(os.urandom(size))
            handle.flush()
            os.fsync(handle.fileno())
        previous.unlink()
        crypto.forget_cached_key()
        do_audit(None, "keys.forget-previous", summary="previous identity key destroyed")
        self.stdout.write(f"destroyed {previous}")
