"""Revealing a source's identity: only to cleared users, and every reveal is audited."""

from typing import Any

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
