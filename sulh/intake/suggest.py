"""Which existing event a proposal probably describes: same type, a nearby place, a date within a
few days, and actors in common. sulh suggests; the person decides."""

import math
from datetime import date, timedelta
from typing import Any

from sulh.access.policy import events_for_user

DAYS = 3
NEAR_KM = 15.0


def _km(a: Any, b: Any) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def _place_score(place: Any, other: Any) -> int:
    if place is None or other is None:
        return 1
    if place.pk == other.pk:
        return 3
    if place.pk in (other.adm3_id, other.adm2_id) or other.pk in (place.adm3_id, place.adm2_id):
        return 2
    if place.adm3_id and place.adm3_id == other.adm3_id:
        return 2
    km = _km(place, other)
    return 1 if km is not None and km <= NEAR_KM else -1


def suggest_event(
    user: Any,
    event_type: str,
    start: date | None,
    end: date | None,
    place: Any,
    actor_ids: set[int],
) -> Any:
    """The most likely same incident among the events this user may see, or None."""
    if not event_type or start is None:
        return None
    end = end or start
    candidates = (
        events_for_user(user)
        .filter(
            event_type=event_type,
            date_start__lte=end + timedelta(days=DAYS),
            date_start__gte=start - timedelta(days=DAYS + 31),
        )
        .select_related("place")
        .prefetch_related("actor_roles")
    )
    best, best_score = None, 0
    for event in candidates[:200]:
        event_end = event.date_end or event.date_start
        if event_end < start - timedelta(days=DAYS):
            continue
        score = _place_score(place, event.place)
        if score < 0:
            continue
        overlap = event.date_start <= end and start <= event_end
        score += 2 if overlap else 1
        shared = actor_ids & {r.actor_id for r in event.actor_roles.all() if r.actor_id}
        score += len(shared)
        if score >= 4 and score > best_score:
            best, best_score = event, score
    return best
