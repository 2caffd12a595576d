"""Keeping the dashboard's summary tables current.

Saving or deleting an event (through the claims machinery or anything else using the ORM) marks its
week, old and new, and the weeks are recomputed when the transaction commits. Bulk importers that
write with raw SQL call ``refresh_weeks(weeks)`` (or ``refresh_all()``) themselves; code saving many
events through the ORM wraps the loop in ``refresh_later()`` so each week is recomputed once.
"""

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_init, post_save

from sulh.events.models import Event, EventActor
from sulh.reports.models import CUBES, Cell

# Events without a date are kept under this sentinel while a refresh is pending.
UNDATED = date.min

_state = threading.local()

_DIMENSIONS = (
    ("adm1", "adm1_id"),
    ("adm2", "adm2_id"),
    ("adm3", "adm3_id"),
    ("type", "event_type"),
    ("place", "place_id"),
    ("actor", "actor_id"),
)
_COLUMNS = "week, " + ", ".join(column for _name, column in _DIMENSIONS)
_MEASURES = "events, unknown, fatalities_low, fatalities_best, fatalities_high"
_FROM_EVENTS = (
    "COUNT(*), SUM(CASE WHEN e.fatalities_best IS NULL THEN 1 ELSE 0 END), "
    "COALESCE(SUM(COALESCE(e.fatalities_low, e.fatalities_best)), 0), "
    "COALESCE(SUM(e.fatalities_best), 0), "
    "COALESCE(SUM(COALESCE(e.fatalities_high, e.fatalities_best)), 0)"
)
_FROM_CELLS = (
    "SUM(events), SUM(unknown), SUM(fatalities_low), SUM(fatalities_best), SUM(fatalities_high)"
)
# The finest cubes are counted from the events (and actor roles); the others are summed from them.
_FROM_EVENTS_TABLE = ("3t", "p")
_FROM_ACTOR_ROLES = ("at", "a1")
_FROM_CUBE = {"t": "3t", "1": "3t", "1t": "3t", "2": "3t", "2t": "3t", "3": "3t", "a": "at"}


def _week_condition(weeks: list[date] | None, column: str = "week") -> tuple[str, list]:
    if weeks is None:
        return "1 = 1", []
    dated = [w for w in weeks if w != UNDATED]
    parts = []
    if dated:
        parts.append(f"{column} IN ({', '.join(['%s'] * len(dated))})")
    if UNDATED in weeks:
        parts.append(f"{column} IS NULL")
    return "(" + " OR ".join(parts or ["1 = 0"]) + ")", dated


def _select_list(dims: frozenset[str], from_events: bool) -> tuple[str, str]:
    """The SELECT and GROUP BY lists of a cube: its dimensions, NULL or '' for the others."""
    selected, grouped = ["e.week" if from_events else "week"], []
    grouped.append(selected[0])
    for name, column in _DIMENSIONS:
        if name not in dims:
            selected.append("''" if name == "type" else "NULL")
            continue
        source = column
        if from_events:
            source = f"a.{column}" if name == "actor" else f"e.{column}"
        selected.append(source)
        grouped.append(source)
    return ", ".join(selected), ", ".join(grouped)


def _rebuild(weeks: list[date] | None) -> None:
    cells, events, roles = Cell._meta.db_table, Event._meta.db_table, EventActor._meta.db_table
    where, params = _week_condition(weeks)
    event_where, _ = _week_condition(weeks, "e.week")
    insert = f"INSERT INTO {cells} (cube, {_COLUMNS}, {_MEASURES}) "
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {cells} WHERE {where}", params)
        for cube in _FROM_EVENTS_TABLE:
            selected, grouped = _select_list(CUBES[cube], True)
            cursor.execute(
                f"{insert} SELECT %s, {selected}, {_FROM_EVENTS} FROM {events} e "
                f"WHERE {event_where} GROUP BY {grouped}",
                [cube, *params],
            )
        for cube in _FROM_ACTOR_ROLES:
            # An actor named in two roles of one event counts once for that event.
            selected, grouped = _select_list(CUBES[cube], True)
            cursor.execute(
                f"{insert} SELECT %s, {selected}, {_FROM_EVENTS} FROM "
                f"(SELECT DISTINCT event_id, actor_id FROM {roles} WHERE actor_id IS NOT NULL) a "
                f"JOIN {events} e ON e.id = a.event_id WHERE {event_where} GROUP BY {grouped}",
                [cube, *params],
            )
        for cube, parent in _FROM_CUBE.items():
            selected, grouped = _select_list(CUBES[cube], False)
            cursor.execute(
                f"{insert} SELECT %s, {selected}, {_FROM_CELLS} FROM {cells} "
                f"WHERE cube = %s AND {where} GROUP BY {grouped}",
                [cube, parent, *params],
            )


def refresh_weeks(weeks: Iterable[date | None]) -> None:
    """Recompute the summary of these weeks (``None`` for undated events) from the events."""
    wanted = sorted({UNDATED if w is None else w for w in weeks})
    for start in range(0, len(wanted), 500):
        _rebuild(wanted[start : start + 500])


def refresh_all() -> None:
    """Rebuild the whole summary: after a bulk import, or by ``sulh reports refresh``."""
    _rebuild(None)


def _pending() -> set[date]:
    if not hasattr(_state, "weeks"):
        _state.weeks = set()
        _state.held = 0
    return _state.weeks


def _flush() -> None:
    weeks = _pending()
    if weeks and not _state.held:
        todo = set(weeks)
        weeks.clear()
        refresh_weeks(todo)


def mark_weeks(weeks: Iterable[date | None]) -> None:
    """Recompute these weeks when the current transaction commits (at once outside one)."""
    _pending().update(UNDATED if w is None else w for w in weeks)
    if not _state.held:
        # Scheduled each time: a rolled-back transaction drops its callbacks, not the weeks.
        transaction.on_commit(_flush)


@contextmanager
def refresh_later() -> Iterator[None]:
    """Collect the weeks of every event saved inside and recompute each once at the end."""
    _pending()
    _state.held += 1
    try:
        yield
    finally:
        _state.held -= 1
        if not _state.held and _pending():
            transaction.on_commit(_flush)


def _remember_week(sender, instance: Event, **kwargs) -> None:
    instance._reports_week = instance.__dict__.get("week")


def _event_saved(sender, instance: Event, created: bool = False, **kwargs) -> None:
    before = set() if created else {getattr(instance, "_reports_week", None)}
    mark_weeks({*before, instance.week})
    instance._reports_week = instance.week


def _event_deleted(sender, instance: Event, **kwargs) -> None:
    mark_weeks({instance.week})


def connect() -> None:
    post_init.connect(_remember_week, sender=Event, dispatch_uid="reports_week_init")
    post_save.connect(_event_saved, sender=Event, dispatch_uid="reports_week_save")
    post_delete.connect(_event_deleted, sender=Event, dispatch_uid="reports_week_delete")
