"""Writes of events: an event is created with the claims of one source, then grows by claims."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sulh.audit.actions import do_audit
from sulh.claims.actions import do_add_claim, reconcile_record
from sulh.claims.models import ClaimStatus
from sulh.claims.registry import fields_for
from sulh.events.models import Event
from sulh.sources.models import Report, Source


@transaction.atomic
def do_create_event(
    user: Any,
    *,
    title: str,
    source: Source,
    values: dict[str, Any],
    title_ar: str = "",
    credibility: int = 6,
    report: Report | None = None,
    quotes: dict[str, str] | None = None,
    origin: str = "manual",
    external_key: str | None = None,
    status: str = ClaimStatus.ACCEPTED,
) -> Event:
    """Create an event whose every given value is a claim from ``source``.

    ``values`` maps claim fields to values; a list gives several claims for one field (two
    parties). Any invalid value raises a ValidationError naming the field and stores nothing.
    """
    if not (title or "").strip() and not (title_ar or "").strip():
        raise ValidationError({"title": "an event needs a short title"})
    unknown = set(values) - set(fields_for(Event))
    if unknown:
        raise ValidationError({name: "not a field of an event" for name in sorted(unknown)})
    if "event_type" not in values:
        raise ValidationError({"event_type": "say what kind of event this is"})
    event = Event.objects.create(
        title=title.strip(),
        title_ar=(title_ar or "").strip(),
        origin=origin,
        external_key=external_key,
        created_by=user if getattr(user, "pk", None) else None,
    )
    quotes = quotes or {}
    for field, value in values.items():
        for one in value if isinstance(value, list) else [value]:
            do_add_claim(
                user,
                event,
                field,
                one,
                source=source,
                credibility=credibility,
                report=report,
                quote=quotes.get(field, ""),
                status=status,
                reconcile_now=False,
            )
    reconcile_record(event)
    do_audit(user, "event.create", event, summary=event.title[:200])
    return event
