"""``sulh import acled|ucdp FILE``: a dataset file becomes events with one claim per field."""

import gzip
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sulh.accounts.models import User
from sulh.exchange.actions import ImportRejected, do_import_file
from sulh.exchange.importers import IMPORTERS
from sulh.exchange.reading import FileError


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # the checks load every URL and API module (2 s)
    help = "Import an ACLED or UCDP GED CSV file (re-running it adds nothing; resumes if killed)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("format", choices=sorted(IMPORTERS))
        parser.add_argument("file")
        parser.add_argument(
            "--strict", action="store_true", help="stop at any bad row, store nothing"
        )
        parser.add_argument("--encoding", help="utf-8 or cp1256 (detected when not given)")
        parser.add_argument("--user", help="the username recorded as importing (an analyst)")
        parser.add_argument("--batch-size", type=int, default=5000)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        user = None
        if options["user"]:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"no such user: {options['user']}")
        try:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rb") as raw:
                job = do_import_file(
                    user,
                    options["format"],
                    raw,
                    path.name.removesuffix(".gz"),
                    strict=options["strict"],
                    encoding=options["encoding"],
                    progress=not options["no_progress"],
                    batch_size=options["batch_size"],
                    second_process=True,
                )
        except ImportRejected as exc:
            for error in exc.errors[:50]:
                self.stderr.write(str(error))
            raise CommandError(str(exc)) from None
        except FileError as exc:
            raise CommandError(str(exc)) from None
        counts = job.counts
        self.stdout.write(
            f"{counts['created']} event(s) created, {counts['changed']} changed, "
            f"{counts['unchanged']} unchanged, {counts['bad']} bad row(s) skipped"
        )
        for error in job.errors[:50]:
            self.stderr.write(f"row {error['row']}, {error['field']}: {error['message']}")
        if counts["bad"] > 50:
            self.stderr.write(f"... and {counts['bad'] - 50} more bad row(s)")
