import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sulh.intake.actions import guess_language
from sulh.intake.extract import extract, extractor_names
from sulh.intake.extract.formats import FormatError, guess_format, to_text
from sulh.intake.extract.output import events_json


def read_document(path: str, fmt: str = "") -> str:
    """The words of a file given on the command line; CommandError names what went wrong."""
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"{path}: no such file")
    try:
        return to_text(file.read_bytes(), fmt or guess_format(file.name))
    except FormatError as exc:
        raise CommandError(f"{path}: {exc}") from exc


def report_date_option(value: str | None):
    from sulh.lib.dates import DateError, parse_date_span

    if not value:
        return timezone.localdate()
    try:
        return parse_date_span(value).start
    except DateError as exc:
        raise CommandError(f"--report-date: {exc}") from exc


class Command(BaseCommand):
    help = "Propose events read in a text, storing nothing: sulh extract FILE [--json]"

    def add_arguments(self, parser):
        parser.add_argument("file", help="text, Markdown, HTML or .docx")
        parser.add_argument("--report-date", help="the day the text was received (YYYY-MM-DD)")
        parser.add_argument("--lang", choices=["en", "ar"], default="")
        parser.add_argument("--format", choices=["text", "markdown", "html", "docx"], default="")
        parser.add_argument("--extractor", choices=extractor_names(), default=None)
        parser.add_argument("--json", action="store_true", help="print the proposals as JSON")

    def handle(self, *args, **options):
        text = read_document(options["file"], options["format"])
        day = report_date_option(options["report_date"])
        lang = options["lang"] or guess_language(text)
        events = extract(text, day, lang, options["extractor"])
        data = events_json(events)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not events:
            self.stdout.write("no events proposed")
        for event, shown in zip(events, data["events"], strict=True):
            where = (shown["location"] or {}).get("name", "?")
            when = (shown["date"] or {}).get("start", "?")
            counts = ", ".join(f"{c['what']} {c['best']}" for c in shown["counts"])
            self.stdout.write(
                f"{event.event_type}/{event.sub_event_type or '-'}  {when}  {where}  {counts}\n"
                f"  “{text[event.span[0] : event.span[1]][:160]}”"
            )
