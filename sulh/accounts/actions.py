"""Users and API tokens."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sulh.accounts.models import ApiToken, Role, User
from sulh.audit.actions import do_audit


@transaction.atomic
def do_create_user(
    actor: Any,
    *,
    username: str,
    password: str,
    role: str,
    source_clearance: bool = False,
    areas: list | None = None,
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    if role not in Role.values:
        raise ValidationError({"role": f"{role!r} is not a role ({', '.join(Role.values)})"})
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": f"{username!r} is taken"})
    user = User.objects.create_user(
        username=username,
        password=password,
        role=role,
        source_clearance=source_clearance,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    if areas:
        user.areas.set(areas)
    do_audit(
        actor, "user.create", user, changes={"role": role, "source_clearance": source_clearance}
    )
    return user


@transaction.atomic
def do_create_token(
    actor: Any, user: User, *, name: str = "", days: int | None = 90
) -> tuple[str, ApiToken]:
    """A new token: the secret is returned once and only its hash is stored."""
    secret = ApiToken.new_secret()
    row = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=secret[5:13],
        token_hash=ApiToken.hash(secret),
        expires_at=timezone.now() + timedelta(days=days) if days else None,
    )
    do_audit(actor, "token.create", row, summary=f"token {row.prefix} for {user.username}")
    return secret, row


@transaction.atomic
def do_revoke_token(actor: Any, row: ApiToken) -> ApiToken:
    row.revoked_at = timezone.now()
    row.save(update_fields=["revoked_at"])
    do_audit(actor, "token.revoke", row, summary=f"token {row.prefix} of {row.user.username}")
    return row


@transaction.atomic
def do_enrol_totp(actor: Any, user: User, secret: str, code: str) -> User:
    """Turn on (or replace) a user's second factor, once a code from their app proves it."""
    from sulh.lib.crypto import seal
    from sulh.lib.totp import matching_step

    step = matching_step(secret, code)
    if step is None:
        raise ValidationError({"code": "this code does not match; check the phone's clock"})
    user.totp_sealed = seal({"secret": secret})
    user.totp_confirmed_at = timezone.now()
    user.totp_last_step = step
    user.save(update_fields=["totp_sealed", "totp_confirmed_at", "totp_last_step"])
    do_audit(actor, "user.totp.enrol", user, summary=f"second factor set up for {user.username}")
    return user


@transaction.atomic
def do_check_totp(user: User, code: str, *, ip: str = "") -> bool:
    """Whether a code is right for this user now; each code counts once (no replay)."""
    from sulh.lib.crypto import unseal
    from sulh.lib.totp import matching_step

    locked = User.objects.select_for_update().get(pk=user.pk)
    step = matching_step(unseal(locked.totp_sealed)["secret"], code) if locked.has_totp else None
    if step is None or step <= locked.totp_last_step:
        do_audit(user, "login.totp_failed", user, ip=ip)
        return False
    locked.totp_last_step = step
    locked.save(update_fields=["totp_last_step"])
    return True


@transaction.atomic
def do_remove_totp(actor: Any, user: User, *, reset: bool = False) -> User:
    """Turn a second factor off; ``reset`` (an administrator, for a lost phone) also for cleared
    users, who must then set a new one up at their next log-in."""
    if user.source_clearance and not reset:
        raise ValidationError({"code": "users with source clearance must keep a second factor"})
    user.totp_sealed = b""
    user.totp_confirmed_at = None
    user.save(update_fields=["totp_sealed", "totp_confirmed_at"])
    do_audit(actor, "user.totp.remove", user, summary=f"second factor removed for {user.username}")
    return user
