from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sulh.accounts.models import User
from sulh.reports.actions import do_record_sitrep
from sulh.reports.forms import resolve_area
from sulh.reports.sections import SitrepRequest
from sulh.reports.sitrep import PartnerReader, render_sitrep_html, render_sitrep_pdf


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"{name}: {text!r} is not a date like 2025-03-17") from error


class Command(BaseCommand):
    help = "Write a situation report for an area over a period, as PDF or HTML"

    def add_arguments(self, parser):
        parser.add_argument("--area", required=True, help="a place id, P-code or name")
        parser.add_argument("--from", dest="date_from", required=True, help="first day, 2025-03-01")
        parser.add_argument("--to", dest="date_to", required=True, help="last day, 2025-03-17")
        parser.add_argument("--lang", choices=["en", "ar"], default="en")
        parser.add_argument("-o", "--output", required=True, help="FILE.pdf or FILE.html")
        parser.add_argument(
            "--user",
            help="write it as this user sees the data (default: as a partner would, with "
            "sensitive places at their sub-district)",
        )

    def handle(self, *args, **options):
        area = resolve_area(options["area"])
        if area is None:
            raise CommandError(f"--area: no place matches {options['area']!r}")
        start, end = _day(options["date_from"], "--from"), _day(options["date_to"], "--to")
        if start > end:
            raise CommandError("--to: the end comes before the start")
        output = Path(options["output"])
        if output.suffix.lower() not in {".pdf", ".html"}:
            raise CommandError("-o: the file must end in .pdf or .html")
        reader = PartnerReader()
        if options["user"]:
            reader = User.objects.filter(username=options["user"], is_active=True).first()
            if reader is None:
                raise CommandError(f"--user: no active user {options['user']!r}")
        report = SitrepRequest(reader, area, start, end, options["lang"])
        if output.suffix.lower() == ".pdf":
            output.write_bytes(render_sitrep_pdf(report))
        else:
            output.write_text(render_sitrep_html(report), encoding="utf-8")
        do_record_sitrep(reader if options["user"] else None, report, output.name)
        self.stdout.write(f"Wrote {output} ({area.display_name()}, {start} to {end}).")
