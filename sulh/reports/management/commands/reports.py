import time

from django.core.management.base import BaseCommand

from sulh.reports.models import Cell
from sulh.reports.summary import refresh_all


class Command(BaseCommand):
    help = "Reports upkeep: `sulh reports refresh` rebuilds the dashboard's summary tables"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["refresh"])

    def handle(self, *args, **options):
        start = time.perf_counter()
        refresh_all()
        took = time.perf_counter() - start
        self.stdout.write(f"Summary rebuilt: {Cell.objects.count():,} cells in {took:.1f} s.")
