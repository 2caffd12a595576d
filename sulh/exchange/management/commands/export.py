"""``sulh export acled|hxl|geojson|json [--area --from --to --type] -o FILE``."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from sulh.accounts.models import User
from sulh.exchange.exporters import EXPORTERS
from sulh.exchange.exporting import ExportRequest, export_stream


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # the checks load every URL and API module (2 s)
    help = "Export events as ACLED CSV, HXL CSV, GeoJSON or JSON with claims (audited)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("format", choices=sorted(EXPORTERS))
        parser.add_argument("-o", "--output", required=True)
        parser.add_argument("--area", default="", help="P-code, place id or name")
        parser.add_argument("--from", dest="date_from", type=date.fromisoformat)
        parser.add_argument("--to", dest="date_to", type=date.fromisoformat)
        parser.add_argument("--type", dest="event_type", default="")
        parser.add_argument(
            "--user",
            required=True,
            help="export as this user sees the data (a partner gets the redacted view)",
        )

    def handle(self, *args, **options) -> None:
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"no such active user: {options['user']}")
        request = ExportRequest(
            format=options["format"],
            area=options["area"],
            date_from=options["date_from"],
            date_to=options["date_to"],
            event_type=options["event_type"],
        )
        try:
            chunks = export_stream(user, request)
        except ValidationError as exc:
            raise CommandError(
                "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            ) from None
        with open(options["output"], "w", encoding="utf-8", newline="") as out:
            for chunk in chunks:
                out.write(chunk)
        self.stdout.write(f"wrote {options['output']}")
