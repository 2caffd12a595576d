"""Encryption of identity fields at rest, under a key that never enters the database.

The key is 32 random bytes, read from ``SULH_KEY`` (base64) or from the key file (created with
0600 permissions by ``migrate`` on a new instance; never re-created over sealed data: the system
check ``sulh.E001`` refuses to start instead, see ``sulh/sources/checks.py``). Values are sealed
with AES-256-GCM; a separate HMAC key derived from the same secret gives stable, keyed hashes for
equality lookups (the same phone number).
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

VERSION = b"s1"


class KeyError_(Exception):
    """The identity key is missing or does not fit the stored data."""


class MissingKey(KeyError_):
    """No key in SULH_KEY and no key file."""


def generate_key() -> bytes:
    return secrets.token_bytes(32)


def write_key_file(path: Path, key: bytes) -> None:
    """Write a key readable by its owner only (0600), replacing any file atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(base64.b64encode(key).decode())
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def decode_key(text: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except ValueError as exc:
        raise KeyError_("the identity key is not valid base64") from exc
    if len(raw) != 32:
        raise KeyError_("the identity key must be 32 bytes, base64-encoded")
    return raw


@lru_cache(maxsize=8)
def _read_key_file(path: str, _mtime_ns: int) -> bytes:
    # Cached per modification time, so a rotated key file is picked up by running processes.
    return decode_key(Path(path).read_text())


def read_key_file(path: Path) -> bytes | None:
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    return _read_key_file(str(path), mtime)


def key_file() -> Path:
    return Path(settings.SULH_KEY_FILE)


def previous_key_file() -> Path:
    return key_file().with_name(key_file().name + ".previous")


def next_key_file() -> Path:
    return key_file().with_name(key_file().name + ".next")


def current_key() -> bytes:
    """The key new values are sealed with: SULH_KEY if set, else the key file."""
    if settings.SULH_KEY:
        return decode_key(settings.SULH_KEY)
    key = read_key_file(key_file())
    if key is None:
        raise MissingKey(f"no identity key: set SULH_KEY or create {key_file()}")
    return key


def key_ring() -> list[bytes]:
    """Keys that may open stored values: the current one, then a rotation's next and previous."""
    ring = [current_key()]
    for path in (next_key_file(), previous_key_file()):
        key = read_key_file(path)
        if key is not None and key not in ring:
            ring.append(key)
    return ring


def ensure_key() -> bytes:
    """The current key, creating the key file when there is none (a new instance)."""
    try:
        return current_key()
    except MissingKey:
        write_key_file(key_file(), generate_key())
        return current_key()


def forget_cached_key() -> None:
    _read_key_file.cache_clear()


def _aead_key(key: bytes) -> bytes:
    return hashlib.sha256(b"sulh-aead" + key).digest()


def _hmac_key(key: bytes) -> bytes:
    return hashlib.sha256(b"sulh-hmac" + key).digest()


def seal(value: dict, key: bytes | None = None) -> bytes:
    """Encrypt a small JSON document; an empty document seals to b''."""
    if not value:
        return b""
    key = key or current_key()
    nonce = secrets.token_bytes(12)
    body = AESGCM(_aead_key(key)).encrypt(nonce, json.dumps(value).encode(), VERSION)
    return VERSION + nonce + body


def unseal(blob: bytes | memoryview | None, key: bytes | None = None) -> dict:
    if not blob:
        return {}
    blob = bytes(blob)
    if blob[:2] != VERSION:
        raise KeyError_("unknown ciphertext version")
    for candidate in [key] if key else key_ring():
        try:
            plain = AESGCM(_aead_key(candidate)).decrypt(blob[2:14], blob[14:], VERSION)
        except InvalidTag:
            continue
        return json.loads(plain)
    raise KeyError_("the identity key does not decrypt the stored data")


def opens_with(blob: bytes | memoryview, key: bytes) -> bool:
    try:
        unseal(blob, key)
    except KeyError_:
        return False
    return True


def keyed_hash(value: str, key: bytes | None = None) -> str:
    """A stable pseudonym for an identifier (phone number, handle) under the instance key."""
    key = key or current_key()
    return hmac.new(_hmac_key(key), value.encode(), hashlib.sha256).hexdigest()


def normalise_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    return digits
