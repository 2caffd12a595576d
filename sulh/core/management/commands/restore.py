from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sulh.audit.actions import do_audit
from sulh.audit.chain import first_break
from sulh.core.backup import BackupError, restore_backup
from sulh.lib import crypto


class Command(BaseCommand):
    help = "Restore a sulh backup into an empty data dir and database"
    requires_system_checks = []  # the database is empty until this has run

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--key-file",
            default="",
            help="the identity key the backup was made under, when it is not the current one "
            "(e.g. the .previous key kept by 'sulh keys rotate')",
        )

    def handle(self, *args, file, key_file, **options):
        source = Path(file)
        if not source.is_file():
            raise CommandError(f"no backup at {source}")
        try:
            key = self._key(key_file)
            manifest = restore_backup(source, key)
        except (BackupError, crypto.KeyError_, OSError) as exc:
            raise CommandError(str(exc)) from exc
        checked, broken = first_break()
        if broken is not None:
            raise CommandError(f"restored, but the audit log is broken: {broken}")
        do_audit(None, "restore", summary=f"restored from {source.name}")
        self.stdout.write(
            f"restored {sum(manifest['counts'].values())} rows and "
            f"{sum(1 for f in manifest['files'] if f.startswith('media'))} files; "
            f"audit log intact ({checked} entries)"
        )

    def _key(self, key_file: str) -> bytes:
        if not key_file:
            return crypto.current_key()
        key = crypto.decode_key(Path(key_file).read_text())
        try:
            crypto.current_key()
        except crypto.MissingKey:
            crypto.write_key_file(crypto.key_file(), key)  # the restored data's own key
        return key
