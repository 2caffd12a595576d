"""``sulh ingest FORMAT FILE ...``: store what people already have as reports.

Each format registers an argument builder and a handler below; adding a format is adding a line.
"""

from django.core.management.base import BaseCommand

from sulh.intake.messaging import cli as messaging_cli

# name -> (add_arguments(parser), handle(options, stdout), help)
FORMATS = {
    "whatsapp": (
        messaging_cli.add_whatsapp_arguments,
        messaging_cli.handle_whatsapp,
        "a WhatsApp 'export chat' .txt file: one report per message, threats flagged",
    ),
    "telegram": (
        messaging_cli.add_telegram_arguments,
        messaging_cli.handle_telegram,
        "a Telegram Desktop JSON export: one report per message, queued for extraction",
    ),
}


class Command(BaseCommand):
    help = "Store an export or a text as reports: sulh ingest whatsapp|telegram FILE ..."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="format", required=True)
        for name, (add_arguments, _handle, help_text) in FORMATS.items():
            add_arguments(sub.add_parser(name, help=help_text))

    def handle(self, *args, format: str, **options):
        FORMATS[format][1](options, self.stdout)
