"""Encryption of identity fields at rest, under a key that never enters the database.

The key is 32 random bytes, read from ``SULH_KEY`` (base64) or from the key file (created with
0600 permissions on first use). Values are sealed with AES-256-GCM; a separate HMAC key derived
from the same secret gives stable, keyed hashes for equality lookups (the same phone number).
"""

import base64
import hashlib
import hmac
import json
import os
import secrets
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

VERSION = b"s1"


class KeyError_(Exception):
    """The identity key is missing or does not fit the stored data."""


def generate_key() -> bytes:
    return secrets.token_bytes(32)


def write_key_file(path: Path, key: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(base64.b64encode(key).decode())
    os.replace(tmp, path)


@lru_cache(maxsize=4)
def _load_key(env_key: str, key_file: str) -> bytes:
    if env_key:
        raw = base64.b64decode(env_key)
    else:
        path = Path(key_file)
        if not path.exists():
            write_key_file(path, generate_key())
        raw = base64.b64decode(path.read_text().strip())
    if len(raw) != 32:
        raise KeyError_("the identity key must be 32 bytes, base64-encoded")
    return raw


def current_key() -> bytes:
    return _load_key(settings.SULH_KEY, str(settings.SULH_KEY_FILE))


def forget_cached_key() -> None:
    _load_key.cache_clear()


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
    key = key or current_key()
    if blob[:2] != VERSION:
        raise KeyError_("unknown ciphertext version")
    try:
        plain = AESGCM(_aead_key(key)).decrypt(blob[2:14], blob[14:], VERSION)
    except Exception as exc:  # cryptography raises InvalidTag; say what it means for us
        raise KeyError_("the identity key does not decrypt the stored data") from exc
    return json.loads(plain)


def keyed_hash(value: str, key: bytes | None = None) -> str:
    """A stable pseudonym for an identifier (phone number, handle) under the instance key."""
    key = key or current_key()
    return hmac.new(_hmac_key(key), value.encode(), hashlib.sha256).hexdigest()


def normalise_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    return digits
