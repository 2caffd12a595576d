"""Time-based one-time passwords (RFC 6238) through ``cryptography``'s TOTP: six digits, 30 s."""

import base64
import secrets
import time
from urllib.parse import quote, urlencode

from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor import InvalidToken
from cryptography.hazmat.primitives.twofactor.totp import TOTP

STEP = 30
DIGITS = 6


def new_secret() -> str:
    """A random 160-bit secret in base32, as authenticator apps take it."""
    return base64.b32encode(secrets.token_bytes(20)).decode().rstrip("=")


def _totp(secret: str) -> TOTP:
    padded = secret + "=" * (-len(secret) % 8)
    return TOTP(base64.b32decode(padded), DIGITS, SHA1(), STEP, enforce_key_length=False)  # noqa: S303


def code_at(secret: str, when: float) -> str:
    return _totp(secret).generate(int(when)).decode()


def matching_step(
    secret: str, code: str, *, now: float | None = None, drift: int = 1
) -> int | None:
    """The time step a code belongs to (allowing a step of clock drift either way), or None."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != DIGITS:
        return None
    now = time.time() if now is None else now
    totp = _totp(secret)
    for offset in range(-drift, drift + 1):
        moment = int(now) + offset * STEP
        try:
            totp.verify(code.encode(), moment)
        except InvalidToken:
            continue
        return moment // STEP
    return None


def provisioning_uri(secret: str, account: str, issuer: str = "sulh") -> str:
    label = quote(f"{issuer}:{account}")
    query = urlencode({"secret": secret, "issuer": issuer, "digits": DIGITS, "period": STEP})
    return f"otpauth://totp/{label}?{query}"
