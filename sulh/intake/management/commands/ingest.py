"""``sulh ingest FORMAT FILE ...``: store what people already have as reports.

Each format registers an argument builder, a handler and a help line below; adding a format is
adding a line.
"""

from django.core.management.base import BaseCommand

from sulh.intake import ingest_text
from sulh.intake.messaging import cli as messaging_cli

# name -> (add_arguments(parser), handle(command, options), help)
FORMATS = {
    "text": (
        ingest_text.add_arguments,
        lambda command, options: ingest_text.handle(command, **options),
        "a document (text, Markdown, HTML, .docx) stored as a report and queued for review",
    ),
    "whatsapp": (
        messaging_cli.add_whatsapp_arguments,
        lambda command, options: messaging_cli.handle_whatsapp(options, command.stdout),
        "a WhatsApp 'export chat' .txt file: one report per message, threats flagged",
    ),
    "telegram": (
        messaging_cli.add_telegram_arguments,
        lambda command, options: messaging_cli.handle_telegram(options, command.stdout),
        "a Telegram Desktop JSON export: one report per message, queued for extraction",
    ),
}


class Command(BaseCommand):
    help = (
        "Store a document or a message export as reports: sulh ingest text|whatsapp|telegram FILE"
    )

    def add_arguments(self, parser):
        # "format" is taken: ``ingest text`` has a --format option of its own.
        sub = parser.add_subparsers(dest="export_kind", required=True)
        for name, (add_arguments, _handle, help_text) in FORMATS.items():
            add_arguments(sub.add_parser(name, help=help_text))

    def handle(self, *args, export_kind: str, **options):
        FORMATS[export_kind][1](self, options)
