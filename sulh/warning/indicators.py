"""Indicators per locality, as a registry: ``@indicator("name", ...)`` registers a fact source.

An indicator lists dated *facts* (an event, a broken commitment, a blocked aid movement, a day's
threat messages at a place), each with the places it touches. ``measure`` then counts, for each
locality, the facts within ``radius_km`` (haversine over place coordinates, or the place itself and
the sites under it) whose dates overlap the window of ``window_days`` ending on the day, and the
same count on each of the ``baseline_days`` before for a baseline. The built-in indicators below
are registered exactly like a plugin's would be.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import floor
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sulh.lib.haversine import haversine_km
from sulh.places.models import Place, PlaceKind

# A point a fact touches: (place id, ids of the places above it, latitude, longitude).
Point = tuple[int | None, tuple[int | None, ...], float | None, float | None]
FactSource = Callable[[Any, date, date], list["Fact"]]
LOCALITY_KINDS = (PlaceKind.LOCALITY, PlaceKind.SITE)


@dataclass(frozen=True)
class Fact:
    """One record behind an indicator, counting on the days ``start``..``end``."""

    kind: str  # event, commitment, aid, threats
    id: int  # the record's id (for threats: the place's id)
    start: date
    end: date
    points: tuple[Point, ...]
    weight: int = 1  # threats: the number of messages that day

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and self.end >= first

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "weight": self.weight,
        }


@dataclass(frozen=True)
class Indicator:
    name: str
    label: Any
    description: Any
    facts: FactSource
    window_days: int  # the default window for rules and the risk table
    risk_weight: float  # weight in the risk score
    saturation: float  # the value at which its risk component is full

    @property
    def component_note(self) -> str:
        return f"{self.risk_weight:g} × min(1, value / {self.saturation:g})"


_INDICATORS: dict[str, Indicator] = {}


def indicator(
    name: str,
    *,
    label: Any,
    description: Any,
    window_days: int,
    risk_weight: float,
    saturation: float,
) -> Callable[[FactSource], FactSource]:
    """Register a fact source ``facts(user, first, last)`` as the indicator ``name``.

    ``user`` is the reader whose scope applies, or None for the worker (everything).
    """

    def register(facts: FactSource) -> FactSource:
        _INDICATORS[name] = Indicator(
            name, label, description, facts, window_days, risk_weight, saturation
        )
        return facts

    return register


def indicators() -> dict[str, Indicator]:
    return dict(_INDICATORS)


def get_indicator(name: str) -> Indicator:
    try:
        return _INDICATORS[name]
    except KeyError:
        raise KeyError(f"no indicator {name!r}; known: {', '.join(sorted(_INDICATORS))}") from None


def indicator_choices() -> list[tuple[str, Any]]:
    return [(i.name, i.label) for i in _INDICATORS.values()]


@dataclass
class Measure:
    place: Place
    value: float
    facts: list[Fact]
    baseline: float | None = None
    series: list[float] = field(default_factory=list)  # the baseline days, oldest first


def is_near(point: Point, place: Place, radius_km: float) -> bool:
    """At the place, under it (a site of a village, a village of an area), or within the radius."""
    place_id, above, lat, lon = point
    if place_id is not None and (place_id == place.pk or place.pk in above):
        return True
    if lat is None or lon is None or place.latitude is None or place.longitude is None:
        return False
    return haversine_km(lat, lon, place.latitude, place.longitude) <= radius_km


def measure(
    ind: Indicator,
    localities: Iterable[Place],
    day: date,
    *,
    user: Any = None,
    window_days: int | None = None,
    radius_km: float = 10,
    baseline_days: int = 0,
    facts: list[Fact] | None = None,
) -> dict[int, Measure]:
    """The indicator at each locality on ``day``; with ``baseline_days``, the mean before it."""
    window = window_days or ind.window_days
    first = day - timedelta(days=window - 1 + baseline_days)
    if facts is None:
        facts = ind.facts(user, first, day)
    index = FactIndex(facts, radius_km)
    results = {}
    for place in localities:
        near = [
            f
            for f in index.candidates(place)
            if any(is_near(point, place, radius_km) for point in f.points)
        ]
        near.sort(key=lambda f: (-f.start.toordinal(), f.kind, f.id))  # newest first

        def value_on(d: date, near: list[Fact] = near) -> tuple[float, list[Fact]]:
            counted = [f for f in near if f.overlaps(d - timedelta(days=window - 1), d)]
            return float(sum(f.weight for f in counted)), counted

        value, counted = value_on(day)
        series = [value_on(day - timedelta(days=i))[0] for i in range(baseline_days, 0, -1)]
        baseline = sum(series) / len(series) if series else None
        results[place.pk] = Measure(place, value, counted, baseline, series)
    return results


class FactIndex:
    """Facts bucketed by grid cell and by place, so a locality checks only the facts that could be
    near it (a cell is at least the radius wide, so the 3×3 cells around a place hold them all)."""

    def __init__(self, facts: list[Fact], radius_km: float) -> None:
        # 1° of longitude is 111 km × cos(latitude): 80 km holds up to about 44° N or S.
        self.size = max(radius_km / 80.0, 0.01)
        self.cells: dict[tuple[int, int], list[Fact]] = defaultdict(list)
        self.by_place: dict[int, list[Fact]] = defaultdict(list)
        for f in facts:
            for place_id, above, lat, lon in f.points:
                if lat is not None and lon is not None:
                    self.cells[self._cell(lat, lon)].append(f)
                for pk in (place_id, *above):
                    if pk is not None:
                        self.by_place[pk].append(f)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return floor(lat / self.size), floor(lon / self.size)

    def candidates(self, place: Place) -> list[Fact]:
        found = {id(f): f for f in self.by_place.get(place.pk, [])}
        if place.latitude is not None and place.longitude is not None:
            row, col = self._cell(place.latitude, place.longitude)
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    found.update((id(f), f) for f in self.cells.get((row + dr, col + dc), []))
        return list(found.values())


def candidate_localities(facts: Iterable[Fact], within: Q | None = None) -> list[Place]:
    """The towns, villages and sites the facts touch (by place), limited by ``within``."""
    ids = {p[0] for f in facts for p in f.points if p[0] is not None}
    rows = Place.objects.filter(pk__in=ids, kind__in=LOCALITY_KINDS).select_related(
        "adm1", "adm2", "adm3"
    )
    if within is not None:
        rows = rows.filter(within)
    return list(rows.order_by("name_en", "pk"))


def _points(places: Iterable[Place | None]) -> tuple[Point, ...]:
    seen: dict[int, Point] = {}
    for p in places:
        if p is not None and p.pk not in seen:
            seen[p.pk] = (
                p.pk,
                (p.parent_id, p.adm1_id, p.adm2_id, p.adm3_id),
                p.latitude,
                p.longitude,
            )
    return tuple(seen.values())


# --- built-in indicators -------------------------------------------------------------------------


@indicator(
    "violent_events",
    label=_("Violent events"),
    description=_(
        "Events of a violent type (battles, explosions and remote violence, violence against "
        "civilians, riots) whose dates overlap the window, within the radius."
    ),
    window_days=14,
    risk_weight=3,
    saturation=5,
)
def violent_event_facts(user: Any, first: date, last: date) -> list[Fact]:
    from sulh.access.policy import events_for_user
    from sulh.events.models import Event
    from sulh.events.taxonomy import EVENT_TYPES

    violent = [key for key, t in EVENT_TYPES.items() if t.violent]
    rows = (events_for_user(user) if user is not None else Event.objects.all()).filter(
        event_type__in=violent, date_start__isnull=False, date_start__lte=last
    )
    rows = rows.filter(Q(date_end__gte=first) | Q(date_end__isnull=True, date_start__gte=first))
    columns = ("pk", "date_start", "date_end", "place_id", "latitude", "longitude")
    above = ("place__parent_id", "adm1_id", "adm2_id", "adm3_id")
    return [
        Fact("event", pk, start, end or start, ((place_id, tuple(units), lat, lon),))
        for pk, start, end, place_id, lat, lon, *units in rows.values_list(*columns, *above)
    ]


@indicator(
    "commitments",
    label=_("Broken or overdue commitments"),
    description=_(
        "Commitments of mediation cases in the area that were broken or refused, or whose "
        "deadline passed while they were still pending, until a later change (kept, superseded)."
    ),
    window_days=7,
    risk_weight=2,
    saturation=3,
)
def commitment_facts(user: Any, first: date, last: date) -> list[Fact]:
    from sulh.mediation.access import cases_for_user
    from sulh.mediation.models import Case, Commitment

    cases = cases_for_user(user) if user is not None else Case.objects.all()
    rows = (
        Commitment.objects.filter(case__in=cases)
        .select_related("meeting__place")
        .prefetch_related("changes", "case__areas")
    )
    facts = []
    for c in rows:
        points = _points(c.case.areas.all()) or _points([c.meeting.place if c.meeting else None])
        for start, end in trouble_spans(c, last):
            if start <= last and end >= first:
                facts.append(Fact("commitment", c.pk, start, end, points))
    return facts


TROUBLE = {"broken", "refused"}


def trouble_spans(commitment: Any, last: date) -> list[tuple[date, date]]:
    """Spans of days (to ``last``) a commitment stood broken, refused, or pending past due."""
    changes = sorted(commitment.changes.all(), key=lambda ch: (ch.effective_on, ch.pk))
    cuts = [(ch.effective_on, ch.status) for ch in changes]
    spans: list[tuple[date, date]] = []
    status, since = "pending", date.min
    for when, new in [*cuts, (last + timedelta(days=1), None)]:
        until = when - timedelta(days=1)
        if status in TROUBLE:
            spans.append((since, until))
        elif status == "pending" and commitment.deadline is not None:
            overdue = commitment.deadline + timedelta(days=1)
            if overdue <= until:
                spans.append((max(since, overdue), until))
        if new is None:
            break
        status, since = new, when
    merged: list[tuple[date, date]] = []
    for start, end in spans:
        if start > end:
            continue
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@indicator(
    "aid_blocked",
    label=_("Blocked aid movements"),
    description=_(
        "Aid movements recorded as blocked on dates overlapping the window, at or near their "
        "origin, destination or the place where they were stopped."
    ),
    window_days=7,
    risk_weight=1,
    saturation=2,
)
def aid_blocked_facts(user: Any, first: date, last: date) -> list[Fact]:
    from sulh.security.access import registers_for_user
    from sulh.security.models import AidMovement, AidStatus, AidStatusChange

    movements = (
        registers_for_user(user, AidMovement) if user is not None else AidMovement.objects.all()
    )
    changes = AidStatusChange.objects.filter(
        movement__in=movements,
        status=AidStatus.BLOCKED,
        date_start__lte=last,
        date_end__gte=first,
    ).select_related(
        "place",
        "checkpoint__place",
        "movement__blocked_at",
        "movement__origin_place",
        "movement__destination_place",
    )
    return [
        Fact(
            "aid",
            ch.movement_id,
            ch.date_start,
            ch.date_end,
            _points(
                [
                    ch.place,
                    ch.checkpoint.place if ch.checkpoint else None,
                    ch.movement.blocked_at,
                    ch.movement.origin_place,
                    ch.movement.destination_place,
                ]
            ),
        )
        for ch in changes
    ]


def threat_source() -> Any:
    """``sulh.intake.threats`` when the intake app provides it, else None (no threat facts)."""
    try:
        from sulh.intake import threats
    except ImportError:
        return None
    return threats if hasattr(threats, "daily_threat_counts") else None


@indicator(
    "threat_messages",
    label=_("Threat messages per day"),
    description=_(
        "Messages flagged as threats by intake, counted per day at or near the locality; compare "
        "a day with the mean of the days before it."
    ),
    window_days=1,
    risk_weight=2,
    saturation=10,
)
def threat_facts(user: Any, first: date, last: date) -> list[Fact]:
    threats = threat_source()
    if threats is None:
        return []
    counts = threats.daily_threat_counts(None, first, last)
    places = Place.objects.in_bulk([pk for pk in counts if pk is not None])
    facts = []
    for place_id, by_day in counts.items():
        points = _points([places.get(place_id)])
        for day, n in by_day.items():
            if n and points:
                facts.append(Fact("threats", place_id, day, day, points, weight=int(n)))
    return facts
