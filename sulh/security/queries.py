"""Filters shared by register pages, the API, GeoJSON and the CLI, and the weapons balance."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from sulh.access.redact import place_public
from sulh.places.models import Place
from sulh.security import ledger
from sulh.security.access import PLACE_PATHS, registers_for_user
from sulh.security.models import Register, WeaponsTransfer
from sulh.security.public import qualifier_of, sources_of


@dataclass
class RegisterFilters:
    place_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    actor_id: int | None = None  # transfers to or from this actor


def find_area(raw: str) -> Place | None:
    """An area as a person types it: an id, an OCHA P-code (SY1006) or a name in any spelling."""
    from sulh.places.search import best_place

    raw = raw.strip()
    if raw.isdigit():
        return Place.objects.filter(pk=raw).first()
    if raw.upper().startswith("SY") and raw[2:].isdigit():
        return Place.objects.filter(pcode=raw.upper()).first()
    return best_place(raw, 70) if raw else None


def _under(place: Place, path: str) -> Q:
    """At or under a place: an admin unit matches its whole area, a village its sites."""
    level = place.admin_level
    if level:
        return Q(**{f"{path}__adm{level}_id": place.pk}) | Q(**{f"{path}_id": place.pk})
    return Q(**{f"{path}_id": place.pk}) | Q(**{f"{path}__parent_id": place.pk})


def filter_registers(rows: QuerySet, f: RegisterFilters) -> QuerySet:
    model = rows.model
    if f.place_id:
        place = Place.objects.filter(pk=f.place_id).first()
        if place is None:
            return rows.none()
        q = Q(pk__in=[])
        for path in PLACE_PATHS[model]:
            q |= _under(place, path)
        rows = rows.filter(q)
    if f.date_from:
        rows = rows.filter(
            Q(date_end__gte=f.date_from) | Q(date_end__isnull=True, date_start__gte=f.date_from)
        )
    if f.date_to:
        rows = rows.filter(date_start__lte=f.date_to)
    if f.actor_id and model is WeaponsTransfer:
        rows = rows.filter(Q(from_actor_id=f.actor_id) | Q(to_actor_id=f.actor_id))
    return rows


def registers(user: Any, model: type[Register], f: RegisterFilters) -> QuerySet:
    return filter_registers(registers_for_user(user, model), f)


def movement_of(t: WeaponsTransfer, place_key: str = "") -> ledger.Movement | None:
    if not t.direction or t.count_low is None and t.count_high is None:
        return None
    return ledger.Movement(
        day=t.date_start,
        direction=t.direction,
        count=ledger.span_of(t.count_low, t.count_best, t.count_high),
        category=t.category or "unknown",
        place=place_key,
        giver=str(t.from_actor_id or ""),
        receiver=str(t.to_actor_id or ""),
    )


def weapons_balance(user: Any, transfers: QuerySet) -> dict:
    """Totals by direction (with the transfers and sources behind each), by actor, by place and
    over time, every figure a range."""
    rows = list(
        transfers.select_related(
            "from_actor", "to_actor", "place__adm1", "place__adm2", "place__adm3"
        )
    )
    # Places as this user may see them: a partner's balance groups sensitive sites by sub-district.
    places = {}
    for t in rows:
        if t.place_id:
            shown = place_public(t.place, user)
            places[str(shown["id"])] = shown
    pairs = [
        (t, m)
        for t in rows
        if (m := movement_of(t, str(place_public(t.place, user)["id"]) if t.place_id else ""))
        is not None
    ]
    movements = [m for _t, m in pairs]
    totals = ledger.by_direction(movements)
    directions = []
    for direction, span in totals.items():
        behind = [t for t, m in pairs if m.direction == direction]
        sources: dict[int, dict] = {}
        for t in behind:
            for s in sources_of(t, user, "count"):
                sources.setdefault(s["id"], s)
        words = {qualifier_of(t, "count") for t in behind}
        directions.append(
            {
                "direction": direction,
                # "about 80": the sources' own word, kept when they all used the same one.
                "qualifier": words.pop() if len(words) == 1 else "",
                "label": str(WeaponsTransfer(direction=direction).get_direction_display()),
                "total": span,
                "transfers": behind,
                "sources": list(sources.values()),
            }
        )
    actors = {str(t.from_actor_id): t.from_actor for t in rows if t.from_actor_id}
    actors |= {str(t.to_actor_id): t.to_actor for t in rows if t.to_actor_id}
    by_actor = [
        {
            "actor": actors[key],
            "received": sides["received"],
            "gave": sides["gave"],
            "net": ledger.net(
                ledger.total(sides["received"].values()), ledger.total(sides["gave"].values())
            ),
        }
        for key, sides in ledger.by_actor(movements).items()
    ]
    return {
        "directions": directions,
        "by_actor": by_actor,
        "by_place": [
            {"place": places.get(key), "totals": totals}
            for key, totals in ledger.by_place(movements).items()
        ],
        "over_time": ledger.over_time(movements),
    }


def span_public(span: ledger.Span) -> dict:
    return {"low": span.low, "best": span.best, "high": span.high, "text": str(span)}
