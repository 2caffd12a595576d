"""The one redaction policy: what of each record a user may see.

API schemas, templates, exports and reports build their output from these functions only, so a
rule changed here changes everywhere at once.
"""

from typing import Any

from sulh.access.policy import can_see_identity, can_see_report_text
from sulh.accounts.models import Role


def is_partner(user: Any) -> bool:
    return getattr(user, "role", Role.PARTNER) == Role.PARTNER


def place_public(place: Any, user: Any) -> dict | None:
    """A place as this user may see it; partners see a sensitive site as its sub-district."""
    if place is None:
        return None
    shown = place
    if place.sensitive and is_partner(user):
        shown = place.adm3 or place.adm2 or place.adm1 or place
    return {
        "id": shown.pk,
        "name_en": shown.name_en,
        "name_ar": shown.name_ar,
        "kind": shown.kind,
        "pcode": shown.pcode or (shown.adm3.pcode if shown.adm3_id and shown.adm3 else None),
        "geonames_id": shown.geonames_id,
        "latitude": shown.latitude,
        "longitude": shown.longitude,
        "coarsened": shown.pk != place.pk,
    }


def source_public(source: Any, user: Any) -> dict:
    """Safe fields only; identity is added by sulh.sources.identity for cleared users, audited."""
    return {
        "id": source.pk,
        "kind": source.kind,
        "safe_description": source.safe_description,
        "safe_description_ar": source.safe_description_ar,
        "reliability": source.reliability,
    }


def claim_public(claim: Any, user: Any) -> dict:
    see_text = can_see_report_text(user)
    return {
        "id": claim.pk,
        "field": claim.field,
        "kind": claim.kind,
        "display": _claim_display(claim, user),
        "low": claim.num_low,
        "best": claim.num_best,
        "high": claim.num_high,
        "qualifier": claim.num_qualifier,
        "date_start": claim.date_start,
        "date_end": claim.date_end,
        "date_precision": claim.date_precision,
        "place": place_public(claim.place, user) if claim.place_id else None,
        "actor_id": claim.actor_id,
        "value": claim.value,
        "text": claim.text,
        "source": source_public(claim.source, user),
        "credibility": claim.credibility,
        "grade": f"{claim.source.reliability}{claim.credibility}",
        "status": claim.status,
        "report_id": claim.report_id if see_text else None,
        "quote": claim.quote if see_text else "",
        "span": [claim.span_start, claim.span_end]
        if see_text and claim.span_start is not None
        else None,
        "recorded_at": claim.recorded_at,
        "supersedes_id": claim.supersedes_id,
    }


def _claim_display(claim: Any, user: Any) -> str:
    if claim.place_id and claim.place.sensitive and is_partner(user):
        shown = place_public(claim.place, user) or {}
        return shown.get("name_en", "")
    return claim.display_value()


def event_columns_public(event: Any, user: Any) -> dict:
    """What this user may see of an event's own columns: for lists that show no claims and no
    parties (the map, sitreps, briefs), which then read neither the actor roles nor, for an
    imported event, the compact row its reconciliation is worked out from."""
    place = place_public(event.place, user) if event.place_id else None
    return {
        "id": event.pk,
        "uid": str(event.uid),
        "title": event.title,
        "title_ar": event.title_ar,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "place": place,
        "latitude": place["latitude"] if place else None,
        "longitude": place["longitude"] if place else None,
        "geo_precision": 2 if place and place["coarsened"] else event.geo_precision,
        "fatalities": {
            "low": event.fatalities_low,
            "best": event.fatalities_best,
            "high": event.fatalities_high,
        },
        "disputed": event.disputed,
        "disputed_fields": event.disputed_fields,
        "origin": event.origin,
    }


def event_public(event: Any, user: Any) -> dict:
    """What this user may see of an event: its columns, reconciliation and parties."""
    return {
        **event_columns_public(event, user),
        "reconciled": _reconciled_public(event, user),
        "actors": [
            {
                "role": r.role,
                "actor_id": r.actor_id,
                "name": r.actor.name_en if r.actor_id else "unknown",
                "name_ar": r.actor.name_ar if r.actor_id else "",
                "disputed": r.disputed,
            }
            for r in event.actor_roles.all()
        ],
    }


def _reconciled_public(event: Any, user: Any) -> dict:
    from sulh.claims.models import current_reconciled

    data = dict(current_reconciled(event))
    location = data.get("location")
    if location and event.place_id and event.place.sensitive and is_partner(user):
        data["location"] = {
            **location,
            "value": str((place_public(event.place, user) or {}).get("id")),
            "values": [],
            "support": {},
        }
    return data


def identity_visible(user: Any) -> bool:
    return can_see_identity(user)
