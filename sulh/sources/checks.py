"""System checks: sulh refuses to start without the identity key, or with one that does not fit."""

import stat
from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError

from sulh.lib import crypto


@register(Tags.security)
def check_identity_key(app_configs: Any = None, **kwargs: Any) -> list:
    from sulh.sources.sealing import any_sealed_data, samples

    try:
        key = crypto.current_key()
    except crypto.MissingKey:
        try:
            if not any_sealed_data():
                return []  # a new instance: migrate creates the key
        except DatabaseError:
            return []  # no tables yet
        return [
            Error(
                "The identity key is missing but the database holds sealed source identities.",
                hint=f"Put the instance's key back at {crypto.key_file()} (0600) or in SULH_KEY; "
                "a new key cannot open what the old one sealed.",
                id="sulh.E001",
            )
        ]
    except crypto.KeyError_ as exc:
        return [Error(f"The identity key is unusable: {exc}.", id="sulh.E004")]
    errors = _key_file_mode()
    try:
        for label, pk, blob in samples():
            if not crypto.opens_with(blob, key) and not _opens_with_ring(blob):
                errors.append(
                    Error(
                        f"The identity key does not decrypt the stored data ({label} #{pk}).",
                        hint="This is not the key these identities were sealed with: use the "
                        "instance's own key file, or restore the one kept by 'sulh keys rotate'.",
                        id="sulh.E002",
                    )
                )
                break
    except DatabaseError:
        pass
    return errors


def _opens_with_ring(blob: bytes) -> bool:
    try:
        crypto.unseal(blob)
    except crypto.KeyError_:
        return False
    return True


def _key_file_mode() -> list:
    if settings.SULH_KEY:
        return []
    mode = stat.S_IMODE(crypto.key_file().stat().st_mode)
    if mode & 0o077:
        return [
            Error(
                f"The identity key file {crypto.key_file()} can be read by others (mode {mode:o}).",
                hint=f"chmod 600 {crypto.key_file()}",
                id="sulh.E003",
            )
        ]
    return []
