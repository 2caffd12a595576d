from importlib import import_module

from django.core.management.base import BaseCommand

# Sub-commands of ``sulh ingest``: name -> module with ``add_arguments(parser)`` and
# ``handle(command, **options)``. The messages branch adds "whatsapp" and "telegram" here, one
# line each, so the two importers never edit the same lines.
SUBCOMMANDS = {
    "text": "sulh.intake.ingest_text",
}


class Command(BaseCommand):
    help = "Store documents as reports and queue what they say for review: sulh ingest text FILE"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True)
        for name, module_path in SUBCOMMANDS.items():
            module = import_module(module_path)
            module.add_arguments(sub.add_parser(name, help=module.__doc__.strip().splitlines()[0]))

    def handle(self, *args, subcommand, **options):
        import_module(SUBCOMMANDS[subcommand]).handle(self, **options)
