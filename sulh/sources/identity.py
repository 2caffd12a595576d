"""Revealing a source's identity: only to cleared users, and every reveal is audited."""

import functools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from sulh.access.policy import can_see_identity
from sulh.audit.actions import do_audit
from sulh.lib.crypto import unseal
from sulh.sources.models import Source


def reveal_identity(user: Any, source: Source, *, where: str, ip: str = "") -> dict | None:
    """The identity for a cleared user (audited), None for anyone else."""
    if not can_see_identity(user):
        return None
    identity = unseal(source.identity_sealed)
    do_audit(
        user,
        "source.reveal",
        source,
        summary=f"identity shown in {where}",
        changes={"fields": sorted(identity)},
        ip=ip,
    )
    return identity


logger = logging.getLogger("sulh.identity")
IDENTITY_POST_FIELDS = ("name", "phone", "contact", "notes")


class IdentityShieldedError(Exception):
    """Stands in for any error raised while an identity was in hand: its message and locals,
    which could hold a name or a phone number, are dropped; its type and place are kept."""


def shields_identity(view: Callable) -> Callable:
    """For views and API routes that handle identity values: an error in them reaches the logs,
    error pages and reports as an ``IdentityShieldedError`` that says where, never what."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return view(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001  (anything: the point is what leaves this frame)
            if _is_expected(exc):
                raise
            where = traceback.extract_tb(exc.__traceback__)[-1]
            place = f"{type(exc).__name__} at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}"
            logger.error("error while handling a source identity: %s", place)
            raise IdentityShieldedError(place) from None

    # Django's error reports (DEBUG pages, mailed reports) hide these POST fields and locals too.
    return sensitive_post_parameters(*IDENTITY_POST_FIELDS)(
        sensitive_variables("identity", "data")(wrapper)
    )


def _is_expected(exc: Exception) -> bool:
    """Errors that are answers, not failures: 404, 403, validation (naming fields, not values)."""
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.http import Http404
    from ninja.errors import HttpError
    from ninja.errors import ValidationError as NinjaValidationError

    return isinstance(
        exc, Http404 | PermissionDenied | ValidationError | HttpError | NinjaValidationError
    )
