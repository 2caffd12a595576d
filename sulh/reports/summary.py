"""Keeping the dashboard's summary tables current.

Saving or deleting an event (through the claims machinery or anything else using the ORM) marks its
week, old and new, and the weeks are recomputed when the transaction commits. Bulk importers that
write with raw SQL count their events into a ``Tally`` as they stream past and ``merge`` it at the
end (or call ``refresh_weeks(weeks)`` / ``refresh_all()``); code saving many events through the ORM
wraps the loop in ``refresh_later()`` so each week is recomputed once.
"""

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_init, post_save

from sulh.events.models import Event, EventActor
from sulh.lib.bulksql import index_build_cache, index_statements, insert_rows
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


_INSERT = f"INSERT INTO {Cell._meta.db_table} (cube, {_COLUMNS}, {_MEASURES}) "


def _derive(cursor, weeks: list[date] | None) -> None:
    """The coarser cubes of these weeks, summed from the finest ones (already current)."""
    where, params = _week_condition(weeks)
    cells = Cell._meta.db_table
    derived = list(_FROM_CUBE)
    cursor.execute(
        f"DELETE FROM {cells} WHERE cube IN ({', '.join(['%s'] * len(derived))}) AND {where}",
        [*derived, *params],
    )
    for cube, parent in _FROM_CUBE.items():
        selected, grouped = _select_list(CUBES[cube], False)
        cursor.execute(
            f"{_INSERT} SELECT %s, {selected}, {_FROM_CELLS} FROM {cells} "
            f"WHERE cube = %s AND {where} GROUP BY {grouped}",
            [cube, parent, *params],
        )


def _rebuild(weeks: list[date] | None) -> None:
    cells, events, roles = Cell._meta.db_table, Event._meta.db_table, EventActor._meta.db_table
    where, params = _week_condition(weeks)
    event_where, _ = _week_condition(weeks, "e.week")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {cells} WHERE {where}", params)
        for cube in _FROM_EVENTS_TABLE:
            selected, grouped = _select_list(CUBES[cube], True)
            cursor.execute(
                f"{_INSERT} SELECT %s, {selected}, {_FROM_EVENTS} FROM {events} e "
                f"WHERE {event_where} GROUP BY {grouped}",
                [cube, *params],
            )
        for cube in _FROM_ACTOR_ROLES:
            # An actor named in two roles of one event counts once for that event.
            selected, grouped = _select_list(CUBES[cube], True)
            cursor.execute(
                f"{_INSERT} SELECT %s, {selected}, {_FROM_EVENTS} FROM "
                f"(SELECT DISTINCT event_id, actor_id FROM {roles} WHERE actor_id IS NOT NULL) a "
                f"JOIN {events} e ON e.id = a.event_id WHERE {event_where} GROUP BY {grouped}",
                [cube, *params],
            )
        _derive(cursor, weeks)


def refresh_weeks(weeks: Iterable[date | None]) -> None:
    """Recompute the summary of these weeks (``None`` for undated events) from the events."""
    wanted = sorted({UNDATED if w is None else w for w in weeks})
    for start in range(0, len(wanted), 500):
        _rebuild(wanted[start : start + 500])


def refresh_all() -> None:
    """Rebuild the whole summary: after a bulk import, or by ``sulh reports refresh``."""
    _rebuild(None)


_BASE_CUBES = ("3t", "p", "at", "a1")
_SUMMED = ", ".join(f"SUM({m}) AS {m}" for m in _MEASURES.split(", "))
_CELL_COLUMNS = ["cube", *_COLUMNS.split(", "), *_MEASURES.split(", ")]
# The five measures of a cell travel as one integer, 48 bits each (events, unknown, low, best,
# high): one addition per cell instead of five keeps counting a million rows cheap.
_BITS = 48
_MASK = (1 << _BITS) - 1
_HALF = 1 << (_BITS - 1)


def _packed(low: int | None, best: int | None, high: int | None) -> int:
    """One event's measures; a missing low or high is the best figure (as _FROM_EVENTS)."""
    low = best if low is None else low
    high = best if high is None else high
    if (low or 0) < 0 or (best or 0) < 0 or (high or 0) < 0:
        raise ValueError("fatality counts cannot be negative")
    unknown = int(best is None)
    return (
        (1 << 4 * _BITS) | (unknown << 3 * _BITS) | ((low or 0) << 2 * _BITS)
        | ((best or 0) << _BITS) | (high or 0)
    )  # fmt: skip


def _measures(packed: int) -> tuple[int, int, int, int, int]:
    """(events, unknown, low, best, high) of a packed cell. Each field is read as signed, so a
    cell that was taken from (a row counted, then found not to be new) reads right on the way
    through zero, as long as no field passes 2**47 either way."""
    fields = []
    for _ in range(4):
        field = packed & _MASK
        if field >= _HALF:
            field -= 1 << _BITS
        fields.append(field)
        packed = (packed - field) >> _BITS
    high, best, low, unknown = fields
    return packed, unknown, low, best, high


def _derived_cells(base: dict[tuple, int]) -> dict[tuple, int]:
    """The coarser cubes summed from the finest ones, as ``_derive`` does in SQL (the same
    dimensions, spelled out: this runs once per cell of a million-row import)."""
    derived: dict[tuple, int] = {}
    get = derived.get
    for (cube, week, a1, a2, a3, etype, _place, actor), packed in base.items():
        if cube == "3t":
            keys = (
                ("t", week, None, None, None, etype, None, None),
                ("1", week, a1, None, None, "", None, None),
                ("1t", week, a1, None, None, etype, None, None),
                ("2", week, a1, a2, None, "", None, None),
                ("2t", week, a1, a2, None, etype, None, None),
                ("3", week, a1, a2, a3, "", None, None),
            )
        elif cube == "at":
            keys = (("a", week, None, None, None, "", None, actor),)
        else:
            continue
        for key in keys:
            derived[key] = get(key, 0) + packed
    return derived


def _add_into(target: dict[tuple, int], cells: dict[tuple, int], sign: int) -> None:
    if not target and sign == 1:
        target.update(cells)  # the usual case, in C
        return
    get = target.get
    for cell, packed in cells.items():
        target[cell] = get(cell, 0) + sign * packed


class Counts:
    """Events counted into the summary's four finest cubes, without the database, so an import
    can count its rows where it reads them (a second process for a large file) and hand the
    cells over (``take``) to the ``Tally`` that writes them.

    ``count_events`` and ``count_parties`` take whole batches (``Counter.update`` counts in C);
    ``settle`` turns the counts into cells with packed measures. The parties' cells keep what
    names the parties (``count_parties``) in the actor's place until the tally resolves it.
    """

    def __init__(self) -> None:
        # (week, adm1, adm2, adm3, type, place, low, best, high) -> events, and
        # (parties, (week, type, adm1, low, best, high)) -> events with those parties.
        self.events: Counter = Counter()
        self.parties: Counter = Counter()
        self.cells: dict[tuple, int] = {}
        self.party_cells: dict[tuple, int] = {}
        self._packs: dict[tuple, int] = {}  # a dataset repeats a few fatality figures

    def count_events(self, rows: Iterable[tuple]) -> None:
        """Count events: (week, adm1, adm2, adm3, type, place, low, best, high) each."""
        self.events.update(rows)

    def count_parties(self, rows: Iterable[tuple]) -> None:
        """Count each event once under its parties: (what names the event's distinct parties,
        (week, type, adm1, low, best, high)) per event."""
        self.parties.update(rows)

    def _pack(self, fatalities: tuple) -> int:
        packed = self._packs.get(fatalities)
        if packed is None:
            packed = self._packs[fatalities] = _packed(*fatalities)
        return packed

    def settle(self) -> None:
        """Turn the counts into the four finest cubes' cells, with packed measures."""
        cells, get, pack = self.cells, self.cells.get, self._pack
        for (week, a1, a2, a3, etype, place, *fatalities), n in self.events.items():
            measures = n * pack(tuple(fatalities))
            for cell in (
                ("3t", week, a1, a2, a3, etype, None, None),
                ("p", week, a1, a2, a3, "", place, None),
            ):
                cells[cell] = get(cell, 0) + measures
        cells, get = self.party_cells, self.party_cells.get
        for (parties, (week, etype, a1, *fatalities)), n in self.parties.items():
            measures = n * pack(tuple(fatalities))
            for cell in (
                ("at", week, None, None, None, etype, None, parties),
                ("a1", week, a1, None, None, "", None, parties),
            ):
                cells[cell] = get(cell, 0) + measures
        self.events.clear()
        self.parties.clear()

    def size(self) -> int:
        return len(self.cells) + len(self.party_cells) + len(self.events) + len(self.parties)

    def take(self) -> tuple[dict[tuple, int], dict[tuple, int]]:
        """The cells counted so far (events', parties'), forgotten here."""
        self.settle()
        taken = self.cells, self.party_cells
        self.cells, self.party_cells = {}, {}
        return taken


class Tally(Counts):
    """New events counted for the summary as a bulk import writes them, so the summary need not
    re-read them.

    Cells come counted here or handed over (``add``); a party's cells are spread over its actors
    by ``resolve`` (what names the parties -> their actor ids). When the tally holds
    ``FLUSH_AT`` cells (years of a national dataset) they go to a temporary table, so memory
    stays flat however large the file. ``merge`` writes them: straight into the summary, with
    the coarser cubes worked out here, when no cell of those weeks exists yet (a first import);
    otherwise summed with the cells already there in SQL and the coarser cubes of those weeks
    re-derived. Only for events that are new: a changed event is saved through the model, whose
    signals recompute its weeks from the table. Rows counted before they turned out not to be
    new are counted again into ``taken_away``, which every flush and merge subtracts first: a
    cell may pass through zero and below on the way; a cell that ends at zero is not written.
    """

    FLUSH_AT = 500_000
    # Above this many new cells, and more than the table holds, SQLite builds the summary's
    # indexes once after the insert instead of updating them cell by cell.
    REBUILD_INDEXES_AT = 20_000
    STAGING = "sulh_tally_staging"

    def __init__(self, resolve: Callable[[Any], Iterable[int]] | None = None) -> None:
        super().__init__()
        self.resolve = resolve or (lambda actors: actors)
        self.taken_away = Counts()
        self.staged = False

    def add(self, cells: dict[tuple, int], party_cells: dict[tuple, int], sign: int = 1) -> None:
        """Cells counted elsewhere (``Counts.take``); ``sign=-1`` takes them away."""
        _add_into(self.cells, cells, sign)
        _add_into(self.party_cells, party_cells, sign)

    def size(self) -> int:
        return super().size() + self.taken_away.size()

    def _settle(self) -> None:
        if self.taken_away.size():
            self.add(*self.taken_away.take(), sign=-1)
        self.settle()
        cells, get, resolve = self.cells, self.cells.get, self.resolve
        for (cube, week, a1, a2, a3, etype, place, parties), packed in self.party_cells.items():
            for actor in resolve(parties):
                cell = (cube, week, a1, a2, a3, etype, place, actor)
                cells[cell] = get(cell, 0) + packed
        self.party_cells.clear()

    def flush_if_large(self) -> None:
        if self.size() >= self.FLUSH_AT:
            self.flush()

    def flush(self) -> None:
        """Hand the cells to the staging table (created on first use) and forget them."""
        self._settle()
        if not self.cells:
            return
        with connection.cursor() as cursor:
            if not self.staged:
                cursor.execute(f"DROP TABLE IF EXISTS {self.STAGING}")
                cursor.execute(
                    f"CREATE TEMPORARY TABLE {self.STAGING} AS "  # noqa: S608
                    f"SELECT cube, {_COLUMNS}, {_MEASURES} FROM {Cell._meta.db_table} WHERE 1 = 0"
                )
                self.staged = True
        insert_rows(self.STAGING, _CELL_COLUMNS, _cell_rows(self.cells))
        self.cells.clear()

    def merge(self) -> None:
        """Add the counted events to the summary (one transaction)."""
        self._settle()
        if not self.staged and self.cells and not self._weeks_present():
            self._write_new_weeks()
            return
        self.flush()
        if not self.staged:
            return
        table, staging = Cell._meta.db_table, self.STAGING
        merged = staging + "_merged"
        base = ", ".join(f"'{cube}'" for cube in _BASE_CUBES)
        touched = (
            f"(week IN (SELECT week FROM {staging}) "
            f"OR (week IS NULL AND EXISTS (SELECT 1 FROM {staging} WHERE week IS NULL)))"
        )
        dims = f"cube, {_COLUMNS}"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT DISTINCT week FROM {staging}")  # noqa: S608
            weeks = sorted(
                UNDATED if w is None else date.fromisoformat(w) if isinstance(w, str) else w
                for (w,) in cursor.fetchall()
            )
            # The new counts and the cells already there for those weeks, summed.
            cursor.execute(f"DROP TABLE IF EXISTS {merged}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {merged} AS SELECT {dims}, "  # noqa: S608
                f"{_SUMMED} FROM ("
                f"SELECT {dims}, {_MEASURES} FROM {staging} UNION ALL "
                f"SELECT {dims}, {_MEASURES} FROM {table} WHERE cube IN ({base}) AND {touched}"
                # A cell counted and taken away again sums to no events: no row.
                f") AS counted GROUP BY {dims} HAVING SUM(events) <> 0"
            )
            cursor.execute(f"DELETE FROM {table} WHERE cube IN ({base}) AND {touched}")  # noqa: S608
            cursor.execute(f"SELECT COUNT(*) FROM {merged}")  # noqa: S608
            with self._indexes_set_aside(cursor, cursor.fetchone()[0]):
                cursor.execute(
                    f"INSERT INTO {table} ({dims}, {_MEASURES}) "  # noqa: S608
                    f"SELECT {dims}, {_MEASURES} FROM {merged}"
                )
            for start in range(0, len(weeks), 500):
                _derive(cursor, weeks[start : start + 500])
            cursor.execute(f"DROP TABLE {merged}")
            cursor.execute(f"DROP TABLE {staging}")
        self.staged = False

    def _weeks_present(self) -> bool:
        """Whether the summary has any cell in the weeks counted (then they must be summed)."""
        weeks = {key[1] for key in self.cells}
        dated = [connection.ops.adapt_datefield_value(w) for w in weeks if w is not None]
        table = Cell._meta.db_table
        with connection.cursor() as cursor:
            if None in weeks:
                cursor.execute(f"SELECT 1 FROM {table} WHERE week IS NULL LIMIT 1")  # noqa: S608
                if cursor.fetchone():
                    return True
            for start in range(0, len(dated), 500):
                part = dated[start : start + 500]
                cursor.execute(
                    f"SELECT 1 FROM {table} WHERE cube = '3t' AND week IN "  # noqa: S608
                    f"({', '.join(['%s'] * len(part))}) LIMIT 1",
                    part,
                )
                if cursor.fetchone():
                    return True
        return False

    def _write_new_weeks(self) -> None:
        """Weeks the summary has no cell of: every cube written as counted, nothing to sum."""
        cells = self.cells
        cells.update(_derived_cells(cells))
        rows = _cell_rows(cells)
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            self._indexes_set_aside(cursor, len(rows)),
        ):
            insert_rows(Cell._meta.db_table, _CELL_COLUMNS, rows)
        cells.clear()

    @contextmanager
    def _indexes_set_aside(self, cursor, new_cells: int) -> Iterator[None]:
        """Many new cells, more than the table holds (SQLite): drop the summary's indexes and
        build them once after the insert, inside the transaction (a killed run rolls back the
        drop)."""
        indexes = index_statements(Cell) if self.worth_rebuilding(cursor, new_cells) else []
        for name, _sql, _columns in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        yield
        with index_build_cache():
            for _name, sql, _columns in indexes:
                cursor.execute(sql)

    def worth_rebuilding(self, cursor, new_cells: int) -> bool:
        """Many new cells, more than the table holds: drop the indexes and build them after."""
        if connection.vendor != "sqlite" or new_cells < self.REBUILD_INDEXES_AT:
            return False
        cursor.execute(f"SELECT COUNT(*) FROM {Cell._meta.db_table}")  # noqa: S608
        return new_cells > cursor.fetchone()[0]


def _cell_rows(cells: dict[tuple, int]) -> list[tuple]:
    """The cells as table rows; a cell counted and taken away again (zero) is no row."""
    adapt = connection.ops.adapt_datefield_value
    return [
        (cube, adapt(week), *rest, *_measures(packed))
        for (cube, week, *rest), packed in cells.items()
        if packed
    ]


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
