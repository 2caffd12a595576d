"""The dashboard's figures: events and fatalities (low, best, high) by week, area and type.

Whole weeks are read from the summary tables (``sulh.reports.models``); the days of a date range
that cut a week in two, and scopes the summary cannot express (a user or a filter limited to one
village), are counted from the events themselves. Both paths give the same numbers.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce

from sulh.access.policy import events_for_user, is_active, sees_everywhere
from sulh.access.redact import place_public
from sulh.events.queries import place_scope
from sulh.events.taxonomy import EVENT_TYPES
from sulh.lib.dates import week_start
from sulh.places.models import Place
from sulh.reports.models import CUBES, Cell

ONE_WEEK = timedelta(days=7)


@dataclass
class DashboardFilters:
    area: Place | None = None
    date_from: date | None = None
    date_to: date | None = None
    event_type: str = ""
    actor_id: int | None = None


@dataclass
class Row:
    """Events and fatalities of one group; ``unknown`` events gave no fatality figure."""

    key: Any
    label: str = ""
    events: int = 0
    unknown: int = 0
    low: int = 0
    best: int = 0
    high: int = 0

    def add(self, other: "Row") -> None:
        self.events += other.events
        self.unknown += other.unknown
        self.low += other.low
        self.best += other.best
        self.high += other.high


@dataclass
class Dashboard:
    filters: DashboardFilters
    total: Row
    by_week: list[Row] = field(default_factory=list)
    by_area: list[Row] = field(default_factory=list)
    by_type: list[Row] = field(default_factory=list)
    area_level: str = "adm1"


CELL_MEASURES = {
    "events": Sum("events"),
    "unknown": Sum("unknown"),
    "low": Sum("fatalities_low"),
    "best": Sum("fatalities_best"),
    "high": Sum("fatalities_high"),
}


def _event_measures(distinct: bool) -> dict:
    return {
        "events": Count("id", distinct=distinct),
        "unknown": Sum(
            Case(When(fatalities_best__isnull=True, then=Value(1)), default=Value(0)),
            output_field=IntegerField(),
        ),
        "low": Sum(Coalesce("fatalities_low", "fatalities_best")),
        "best": Sum("fatalities_best"),
        "high": Sum(Coalesce("fatalities_high", "fatalities_best")),
    }


def _user_scope(user: Any) -> tuple[Q, set[str]] | None:
    """The user's areas as a condition on admin-unit columns and the levels it needs; None when
    one area is a single place (the summary does not go below sub-districts)."""
    if sees_everywhere(user):
        return Q(), set()
    q, levels = Q(adm1__isnull=True), {"adm1"}
    for area in user.areas.all():
        level = area.admin_level
        if not level:
            return None
        q |= Q(**{f"adm{level}_id": area.pk})
        levels.add(f"adm{level}")
    return q, levels


def choose_cube(dimensions: set[str]) -> str | None:
    """The smallest cube keeping every dimension asked for (and an actor only when asked)."""
    for name, kept in CUBES.items():
        if dimensions <= kept and ("actor" in kept) == ("actor" in dimensions):
            return name
    return None


def _full_weeks(f: DashboardFilters) -> tuple[date | None, date | None]:
    """The first and last week wholly inside the date range (None: open-ended)."""
    first = last = None
    if f.date_from:
        first = week_start(f.date_from)
        if first < f.date_from:
            first += ONE_WEEK
    if f.date_to:
        last = week_start(f.date_to)
        if last + timedelta(days=6) > f.date_to:
            last -= ONE_WEEK
    return first, last


DIMENSION_OF = {
    "adm1": "adm1",
    "adm2": "adm2",
    "adm3": "adm3",
    "place": "place",
    "event_type": "type",
}


def _cells(user: Any, f: DashboardFilters, column: str | None) -> QuerySet | None:
    """The summary rows answering these filters, or None when only the events can."""
    scope = _user_scope(user)
    if scope is None or (f.area is not None and not f.area.admin_level):
        return None
    q, dimensions = scope
    if column in DIMENSION_OF:
        dimensions.add(DIMENSION_OF[column])
    if f.area is not None:
        dimensions.add(f"adm{f.area.admin_level}")
    if f.event_type:
        dimensions.add("type")
    if f.actor_id:
        dimensions.add("actor")
    cube = choose_cube(dimensions)
    if cube is None:
        return None
    cells = Cell.objects.filter(q, cube=cube)
    if f.actor_id:
        cells = cells.filter(actor_id=f.actor_id)
    if f.area is not None:
        cells = cells.filter(**{f"adm{f.area.admin_level}_id": f.area.pk})
    if f.event_type:
        cells = cells.filter(event_type=f.event_type)
    first, last = _full_weeks(f)
    if first and last and first > last:
        return cells.none()  # no whole week in the range: the events answer alone
    if first:
        cells = cells.filter(week__gte=first)
    if last:
        cells = cells.filter(week__lte=last)
    return cells


def _events(user: Any, f: DashboardFilters) -> QuerySet:
    events = events_for_user(user)
    if f.area is not None:
        events = events.filter(place_scope(f.area))
    if f.event_type:
        events = events.filter(event_type=f.event_type)
    if f.actor_id:
        events = events.filter(actor_roles__actor_id=f.actor_id)
    return events


def _edge_ranges(f: DashboardFilters) -> list[tuple[date, date]]:
    """The days of the range outside its whole weeks: at most six at each end."""
    first, last = _full_weeks(f)
    if first and last and first > last:
        return [(f.date_from, f.date_to)]
    ranges = []
    if f.date_from and first and first > f.date_from:
        ranges.append((f.date_from, first - timedelta(days=1)))
    if f.date_to and last is not None and last + timedelta(days=6) < f.date_to:
        ranges.append((last + ONE_WEEK, f.date_to))
    return ranges


def _edge_rows(user: Any, f: DashboardFilters, column: str | None) -> dict[Any, Row]:
    """Events of the partial weeks, counted here: a few thousand rows at most, fetched through
    the date index (a GROUP BY lets the planner walk the week index over the whole table)."""
    rows: dict[Any, Row] = {}
    seen: set[int] = set()
    for start, end in _edge_ranges(f):
        events = _events(user, f).filter(date_start__gte=start, date_start__lte=end).order_by()
        fields = ("id", column or "id", "fatalities_low", "fatalities_best", "fatalities_high")
        for pk, key, low, best, high in events.values_list(*fields):
            if pk in seen:  # one event, several roles of the same actor
                continue
            seen.add(pk)
            key = key if column else None
            row = rows.setdefault(key, Row(key))
            row.events += 1
            if best is None:
                row.unknown += 1
                continue
            row.low += best if low is None else low
            row.best += best
            row.high += best if high is None else high
    return rows


def _all_events(user: Any, f: DashboardFilters) -> QuerySet:
    events = _events(user, f)
    if f.date_from:
        events = events.filter(date_start__gte=f.date_from)
    if f.date_to:
        events = events.filter(date_start__lte=f.date_to)
    return events


def _grouped(user: Any, f: DashboardFilters, column: str | None) -> dict[Any, Row]:
    """Rows keyed by the value of ``column`` (None: one total row)."""
    cells = _cells(user, f, column)
    if cells is None:
        return _rows(_all_events(user, f), _event_measures(bool(f.actor_id)), column)
    rows = _rows(cells, CELL_MEASURES, column)
    for key, row in _edge_rows(user, f, column).items():
        rows.setdefault(key, Row(key)).add(row)
    return rows


def _rows(queryset: QuerySet, measures: dict, column: str | None) -> dict[Any, Row]:
    queryset = queryset.order_by()
    if column is None:
        results = [queryset.aggregate(**measures)]
    else:
        results = list(queryset.values(column).annotate(**measures))
    rows: dict[Any, Row] = {}
    for result in results:
        key = result.get(column) if column else None
        if not result["events"]:
            continue
        row = rows.setdefault(key, Row(key))
        row.add(
            Row(
                key,
                events=result["events"] or 0,
                unknown=result["unknown"] or 0,
                low=result["low"] or 0,
                best=result["best"] or 0,
                high=result["high"] or 0,
            )
        )
    return rows


def area_column(area: Place | None) -> str:
    """The level one step below the area chosen (governorates when none is)."""
    level = area.admin_level if area is not None else 0
    if area is None or level is None:
        return "adm1"
    return f"adm{level + 1}" if level < 3 else "place"


def _label_areas(rows: dict[Any, Row], user: Any, language: str) -> list[Row]:
    ids = [k for k in rows if k is not None]
    places = {p.pk: p for p in Place.objects.filter(pk__in=ids).select_related("adm3")}
    merged: dict[Any, Row] = {}
    for key, row in rows.items():
        place = places.get(key)
        shown = place_public(place, user) if place is not None else None
        label_key = shown["id"] if shown else None
        target = merged.setdefault(label_key, Row(label_key))
        if shown:
            target.label = (
                shown["name_ar"] if language == "ar" and shown["name_ar"] else (shown["name_en"])
            )
        target.add(row)
    for row in merged.values():
        if row.key is None:
            row.label = ""
    return sorted(merged.values(), key=lambda r: (-r.events, r.label))


def total(user: Any, f: DashboardFilters, language: str = "en") -> Row:
    return _grouped(user, f, None).get(None, Row(None))


def by_week(user: Any, f: DashboardFilters, language: str = "en") -> list[Row]:
    weeks = _grouped(user, f, "week")
    rows = [weeks[k] for k in sorted(k for k in weeks if k is not None)]
    for row in rows:
        row.label = row.key.isoformat()
    return rows


def by_area(user: Any, f: DashboardFilters, language: str = "en") -> list[Row]:
    return _label_areas(_grouped(user, f, area_column(f.area)), user, language)


def by_type(user: Any, f: DashboardFilters, language: str = "en") -> list[Row]:
    rows = sorted(_grouped(user, f, "event_type").values(), key=lambda r: -r.events)
    for row in rows:
        etype = EVENT_TYPES.get(row.key)
        row.label = str(etype.label) if etype else str(row.key or "")
    return rows


# Each query the dashboard runs, by name: the page and bench/dashboard.py call the same ones.
QUERIES = {"total": total, "by_week": by_week, "by_area": by_area, "by_type": by_type}


def build_dashboard(user: Any, f: DashboardFilters, language: str = "en") -> Dashboard:
    if not is_active(user):
        return Dashboard(f, Row(None))
    return Dashboard(
        f,
        total(user, f, language),
        by_week=by_week(user, f, language),
        by_area=by_area(user, f, language),
        by_type=by_type(user, f, language),
        area_level=area_column(f.area),
    )


def events_in(user: Any, f: DashboardFilters) -> QuerySet:
    """The events the dashboard counts under these filters (the map shows the same)."""
    events = _all_events(user, f)
    return events.distinct() if f.actor_id else events
