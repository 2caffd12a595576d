"""Encrypted, integrity-checked backups of the database and uploaded files (never the key).

The archive is a tar of the database dump (SQLite's online backup, ``pg_dump``, or Django's
``dumpdata`` when ``pg_dump`` is missing), the media files and a manifest of their SHA-256 sums,
sealed in 1 MiB chunks with AES-256-GCM under a key derived from the instance's identity key.
Each chunk's nonce and associated data carry its number and whether it is the last, so a
changed, dropped, re-ordered or cut-off chunk fails to open.
"""

import hashlib
import io
import json
import os
import secrets
import shutil
import sqlite3
import struct
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection

MAGIC = b"SULHBAK1"
CHUNK = 1 << 20
FORMAT = 1


class BackupError(Exception):
    pass


def backup_key(identity_key: bytes) -> bytes:
    return hashlib.sha256(b"sulh-backup" + identity_key).digest()


# Dump and load ---------------------------------------------------------------------------------


def _pg_args() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432)]
    args += ["-U", db.get("USER") or "postgres", "-d", db["NAME"]]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return args, env


def dump_database(folder: Path) -> str:
    """Write the database into ``folder``; returns the file name (its kind is its suffix)."""
    if connection.vendor == "sqlite":
        target = folder / "db.sqlite3"
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        source.close()
        copy.close()
        return target.name
    if connection.vendor == "postgresql" and shutil.which("pg_dump"):
        args, env = _pg_args()
        target = folder / "db.sql"
        done = subprocess.run(  # noqa: S603
            ["pg_dump", "--no-owner", "--no-privileges", "-f", str(target), *args],  # noqa: S607
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode == 0:
            return target.name
    target = folder / "db.json"
    with target.open("w") as handle:
        call_command(
            "dumpdata",
            "--natural-foreign",
            "--natural-primary",
            *("--exclude", "contenttypes", "--exclude", "auth.permission"),
            *("--exclude", "sessions", "--exclude", "axes"),
            stdout=handle,
        )
    return target.name


def load_database(path: Path) -> None:
    if path.suffix == ".sqlite3":
        if connection.vendor != "sqlite":
            raise BackupError("the archive holds a SQLite database: restore without DATABASE_URL")
        name = Path(settings.DATABASES["default"]["NAME"])
        connection.close()
        for extra in (name, Path(f"{name}-wal"), Path(f"{name}-shm")):
            extra.unlink(missing_ok=True)
        shutil.copyfile(path, name)
        return
    if path.suffix == ".sql":
        if connection.vendor != "postgresql":
            raise BackupError("the archive holds a PostgreSQL dump: set DATABASE_URL")
        args, env = _pg_args()
        done = subprocess.run(  # noqa: S603
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(path), *args],  # noqa: S607
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise BackupError(f"psql could not load the dump: {done.stderr.strip()[:500]}")
        return
    call_command("migrate", verbosity=0)
    call_command("loaddata", str(path), verbosity=0)


def database_is_empty() -> bool:
    return not connection.introspection.table_names()


def row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "axes", "contenttypes", "auth"}
    }


# Sealing the archive ---------------------------------------------------------------------------


def _seal_stream(plain: IO[bytes], out: IO[bytes], key: bytes) -> None:
    aead = AESGCM(key)
    prefix = secrets.token_bytes(7)
    out.write(MAGIC + prefix)
    index = 0
    chunk = plain.read(CHUNK)
    while True:
        following = plain.read(CHUNK)
        last = not following
        nonce = prefix + struct.pack(">I?", index, last)
        body = aead.encrypt(nonce, chunk, MAGIC + nonce)
        out.write(struct.pack(">I", len(body)) + body)
        if last:
            return
        chunk, index = following, index + 1


def _open_stream(sealed: IO[bytes], out: IO[bytes], key: bytes) -> None:
    head = sealed.read(len(MAGIC) + 7)
    if head[: len(MAGIC)] != MAGIC:
        raise BackupError("not a sulh backup")
    prefix, aead, index = head[len(MAGIC) :], AESGCM(key), 0
    while True:
        size_bytes = sealed.read(4)
        if len(size_bytes) < 4:
            raise BackupError("the backup is cut short")
        body = sealed.read(struct.unpack(">I", size_bytes)[0])
        for last in (False, True):
            nonce = prefix + struct.pack(">I?", index, last)
            try:
                out.write(aead.decrypt(nonce, body, MAGIC + nonce))
                break
            except InvalidTag:
                continue
        else:
            raise BackupError(
                f"chunk {index} does not open: the file was changed, or this is not the key "
                "it was made with"
            )
        if last:
            if sealed.read(1):
                raise BackupError("the backup has data after its last chunk")
            return
        index += 1


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(destination: Path, identity_key: bytes) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="sulh-backup-") as tmp:
        folder = Path(tmp) / "payload"
        folder.mkdir()
        database = dump_database(folder)
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            shutil.copytree(media, folder / "media")
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        manifest = {
            "format": FORMAT,
            "database": database,
            "vendor": connection.vendor,
            "counts": row_counts(),
            "files": {str(p.relative_to(folder)): _sha256(p) for p in files},
        }
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        tar_path = Path(tmp) / "backup.tar"
        with tarfile.open(tar_path, "w") as tar:
            tar.add(folder, arcname=".")
        partial = destination.with_name(destination.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with tar_path.open("rb") as plain, os.fdopen(fd, "wb") as out:
            _seal_stream(plain, out, backup_key(identity_key))
        os.replace(partial, destination)
    return manifest


def open_backup(source: Path, identity_key: bytes, folder: Path) -> dict[str, Any]:
    """Decrypt and unpack into ``folder``, checking every chunk and every file's sum."""
    plain = io.BytesIO()
    with source.open("rb") as sealed:
        _open_stream(sealed, plain, backup_key(identity_key))
    plain.seek(0)
    with tarfile.open(fileobj=plain) as tar:
        tar.extractall(folder, filter="data")
    manifest = json.loads((folder / "manifest.json").read_text())
    for name, digest in manifest["files"].items():
        path = folder / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(f"{name} does not match the manifest")
    return manifest


def restore_backup(source: Path, identity_key: bytes) -> dict[str, Any]:
    if not database_is_empty():
        raise BackupError("the database is not empty: restore into a new data dir and database")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(media.iterdir()):
        raise BackupError(f"{media} is not empty: restore into a new data dir")
    with tempfile.TemporaryDirectory(prefix="sulh-restore-") as tmp:
        folder = Path(tmp)
        manifest = open_backup(source, identity_key, folder)
        load_database(folder / manifest["database"])
        if (folder / "media").is_dir():
            shutil.copytree(folder / "media", media, dirs_exist_ok=True)
    return manifest
