"""A document (text, Markdown, HTML, .docx) stored as a report and queued for review.

``sulh ingest text FILE --source ID [--report-date YYYY-MM-DD] [--user NAME]``
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from sulh.intake.actions import do_ingest_text
from sulh.sources.models import ReportKind, Source


def add_arguments(parser) -> None:
    parser.add_argument("file")
    parser.add_argument("--source", type=int, required=True, help="id of the source it came from")
    parser.add_argument("--report-date", help="the day it was received (YYYY-MM-DD)")
    parser.add_argument("--lang", choices=["en", "ar"], default="")
    parser.add_argument("--format", choices=["text", "markdown", "html", "docx"], default="")
    parser.add_argument("--kind", choices=ReportKind.values, default=ReportKind.INTERVIEW)
    parser.add_argument("--title", default="")
    parser.add_argument("--user", default="", help="username recorded as the one who stored it")


def handle(command, **options) -> None:
    handle_text(options, command.stdout)


def handle_text(options: dict, stdout) -> None:
    """The same, for a registry whose handlers take (options, stdout)."""
    from sulh.accounts.models import User
    from sulh.intake.management.commands.extract import read_document, report_date_option

    source = Source.objects.filter(pk=options["source"]).first()
    if source is None:
        raise CommandError(f"--source: no source with id {options['source']}")
    user = None
    if options["user"]:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"--user: no user {options['user']!r}")
    text = read_document(options["file"], options["format"])
    day = report_date_option(options["report_date"])
    received = timezone.make_aware(datetime.combine(day, time(12, 0)))
    try:
        report, proposals = do_ingest_text(
            user,
            source=source,
            text=text,
            received_at=received,
            kind=options["kind"],
            title=options["title"],
            language=options["lang"],
        )
    except ValidationError as exc:
        raise CommandError(
            "; ".join(f"{k}: {', '.join(v)}" for k, v in exc.message_dict.items())
        ) from exc
    stdout.write(
        f"report {report.pk} stored; {len(proposals)} proposals queued for review "
        f"(ids {', '.join(str(p.pk) for p in proposals) or '-'})"
    )
