from django.core.management.base import BaseCommand, CommandError

from sulh.audit.chain import first_break, head
from sulh.audit.models import AuditEntry


class Command(BaseCommand):
    help = "Check the audit hash chain (sulh audit verify) or print its head (sulh audit head)"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        verify = sub.add_parser("verify", help="exit non-zero naming the first broken entry")
        verify.add_argument(
            "--head",
            default="",
            help="a head hash noted earlier (sulh audit head): fail if it is no longer in the log, "
            "which is how a cut-off tail shows",
        )
        sub.add_parser("head", help="the newest entry's id and hash, to note down elsewhere")

    def handle(self, *args, verb, **options):
        if verb == "head":
            last = head()
            self.stdout.write(f"{last.pk} {last.hash}" if last else "empty")
            return
        checked, broken = first_break()
        if broken is not None:
            raise CommandError(f"{broken} (checked {checked} entries before it)")
        noted = options["head"].split()[-1] if options["head"] else ""
        if noted and not AuditEntry.objects.filter(hash=noted).exists():
            raise CommandError(f"the noted head {noted[:12]}… is no longer in the log: cut off")
        self.stdout.write(f"audit log intact: {checked} entries")
