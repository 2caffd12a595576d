"""Writes to the actor registry."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sulh.actors.models import Actor, ActorKind
from sulh.audit.actions import do_audit


@transaction.atomic
def do_create_actor(
    user: Any,
    *,
    name_en: str,
    kind: str,
    name_ar: str = "",
    aliases: list[str] | None = None,
    acled_category: int | None = None,
    parent: Actor | None = None,
    role: str = "",
    place: Any = None,
    description: str = "",
) -> Actor:
    errors = {}
    if not (name_en or "").strip() and not (name_ar or "").strip():
        errors["name_en"] = "give the actor a name in English or Arabic"
    if kind not in ActorKind.values:
        errors["kind"] = f"{kind!r} is not an actor kind ({', '.join(ActorKind.values)})"
    if errors:
        raise ValidationError(errors)
    actor = Actor(
        name_en=name_en.strip(),
        name_ar=(name_ar or "").strip(),
        aliases=[a.strip() for a in aliases or [] if a.strip()],
        kind=kind,
        acled_category=acled_category,
        parent=parent,
        role=role,
        place=place,
        description=description,
        created_by=user if getattr(user, "pk", None) else None,
    )
    actor.match_keys = actor.compute_match_keys()
    actor.save()
    do_audit(user, "actor.create", actor, summary=actor.name_en or actor.name_ar)
    return actor
