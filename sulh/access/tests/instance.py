"""A fresh sulh instance in a subprocess, with its own data dir and database, as an operator has.

Tests that look at what lands on disk (raw bytes, backups) need committed data in a real database
file, which the rolled-back test database cannot give them.
"""

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SEED = """
from sulh.accounts.actions import do_create_user
from sulh.sources.actions import do_create_source, do_create_report
from sulh.sources.identity import reveal_identity
from django.core.files.base import ContentFile
from sulh.sources.models import Report
admin = do_create_user(None, username="keeper", password="a long passphrase 7",
                       role="administrator", source_clearance=True, is_superuser=True,
                       is_staff=True)
source = do_create_source(admin, kind="person", safe_description="a teacher in Qadmus",
                          identity={"name": "%(name)s", "phone": "%(phone)s",
                                    "notes": "%(notes)s"})
reveal_identity(admin, source, where="seed")
report = do_create_report(admin, source=source, text="The road was closed at dawn.")
report.attachment.save("note.txt", ContentFile(b"an uploaded note"), save=False)
Report.objects.filter(pk=report.pk).update(attachment=report.attachment.name)
"""

IDENTITY = {
    "name": "Plaintext Person Zulu",
    "phone": "+963 955 123 987",
    "notes": "lives behind the Zulu bakery",
}


@dataclass
class Instance:
    data_dir: Path
    database_url: str = ""
    env: dict = field(default_factory=dict)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "sulh.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"sulh {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done

    def shell(self, code: str) -> str:
        return self.run("manage", "shell", "-c", code).stdout


def _env(data_dir: Path, database_url: str) -> dict:
    env = {**os.environ, "SULH_DATA_DIR": str(data_dir), "SULH_LOG_LEVEL": "ERROR"}
    for name in ("DJANGO_SETTINGS_MODULE", "SULH_KEY", "SULH_KEY_FILE", "DATABASE_URL"):
        env.pop(name, None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def new_pg_database(base_url: str) -> str:
    from sulh.browser_fixtures import _pg_database

    return _pg_database(base_url)[0]


def drop_pg_database(url: str) -> None:
    from sulh.browser_fixtures import _drop_pg_database

    base, name = url.rsplit("/", 1)
    _drop_pg_database(base + "/postgres", name)


def on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def empty_instance(*, postgres: bool | None = None) -> Instance:
    postgres = on_postgres() if postgres is None else postgres
    data_dir = Path(tempfile.mkdtemp(prefix="sulh-inst-"))
    url = new_pg_database(os.environ["DATABASE_URL"]) if postgres else ""
    return Instance(data_dir, url, _env(data_dir, url))


def seeded_instance(*, postgres: bool | None = None) -> Instance:
    instance = empty_instance(postgres=postgres)
    instance.run("manage", "migrate", "-v0")
    instance.shell(SEED % IDENTITY)
    return instance


def remove_instance(instance: Instance) -> None:
    import shutil

    if instance.database_url:
        drop_pg_database(instance.database_url)
    shutil.rmtree(instance.data_dir, ignore_errors=True)
