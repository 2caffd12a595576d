from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sulh.audit.actions import do_audit
from sulh.core.backup import BackupError, write_backup
from sulh.lib import crypto


class Command(BaseCommand):
    help = "Write an encrypted, integrity-checked archive of the database and uploaded files"

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write (the key is not in it)")

    def handle(self, *args, file, **options):
        destination = Path(file)
        if destination.exists():
            raise CommandError(f"{destination} exists; give a new file name")
        try:
            manifest = write_backup(destination, crypto.current_key())
        except (BackupError, crypto.KeyError_) as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        do_audit(None, "backup", summary=f"backup of {rows} rows to {destination.name}")
        self.stdout.write(
            f"wrote {destination} ({destination.stat().st_size} bytes, {rows} rows, "
            f"{len(manifest['files'])} files). Keep the identity key apart from it: "
            "restoring needs both."
        )
