"""Writing parsed rows in bulk: raw ``executemany`` on SQLite, ``COPY`` on PostgreSQL.

The ORM would build SQL for every row (about 10k rows/s); here each batch becomes three plain
inserts (events, their compact claim rows, their actor roles) with ids reserved in advance, and
each event's reconciled columns are computed with the same reconciliation functions as any other
event, memoised because a dataset repeats the same few values millions of times.
"""

import json
import os
import time
import uuid
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from sulh.actors.actions import do_create_actor
from sulh.actors.models import Actor, ActorKind
from sulh.claims.reconcile import Evidence, reconcile
from sulh.events.models import Event, EventActor
from sulh.exchange.importers import IMPORTERS
from sulh.exchange.importers.base import Parsed
from sulh.exchange.models import DatasetRow
from sulh.lib.arabic import normalise
from sulh.lib.bulksql import insert_rows
from sulh.lib.dates import week_start
from sulh.reports.summary import Counts, Tally
from sulh.sources.models import Source

ACLED_KIND = {
    1: ActorKind.STATE_SECURITY,
    2: ActorKind.INSURGENT,
    3: ActorKind.FACTION,
    4: ActorKind.FACTION,
    5: ActorKind.COMMUNITY,
    6: ActorKind.COMMUNITY,
    7: ActorKind.CIVILIANS,
    8: ActorKind.MILITARY,
}

# The columns that vary per row; what every row of an import shares is passed once (constants).
EVENT_COLUMNS = (
    "id", "uid", "title", "event_type", "sub_event_type", "date_start", "date_end",
    "date_precision", "week", "place_id", "adm1_id", "adm2_id", "adm3_id", "latitude",
    "longitude", "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high",
    "external_key",
)  # fmt: skip
ROW_COLUMNS = (
    "event_id", "row_hash", "event_type", "sub_event_type", "date_start", "date_end",
    "date_precision", "place_id", "killed_low", "killed_best", "killed_high", "description",
    "actor1_id", "actor2_id",
)  # fmt: skip
ACTOR_COLUMNS = ("event_id", "actor_id")
NO_FATALITIES = (None, None, None)
NO_PLACE = (None,) * 7
NO_PARTIES = ((None, None), ())

# A row ready to be written: plain tuples worked out where the file is read (beside the writer,
# for a large file), so the writer adds only ids. (key, row hash, actors as (name, category)
# pairs, the event's columns after "uid", the compact row's columns after "event_id" up to
# "description").
READY_KEY, READY_HASH, READY_ACTORS, READY_EVENT, READY_ROW = range(5)
_READY_COLUMNS = EVENT_COLUMNS[2:]
_EVENT_OF = itemgetter(READY_EVENT)
_ACTORS_OF = itemgetter(READY_ACTORS)
# What the summary counts of a ready row's event, and under its parties (see Counts).
_COUNTED = itemgetter(*(_READY_COLUMNS.index(c) for c in (
    "week", "adm1_id", "adm2_id", "adm3_id", "event_type", "place_id", "fatalities_low",
    "fatalities_best", "fatalities_high",
)))  # fmt: skip
_COUNTED_FOR_PARTIES = itemgetter(*(_READY_COLUMNS.index(c) for c in (
    "week", "event_type", "adm1_id", "fatalities_low", "fatalities_best", "fatalities_high",
)))  # fmt: skip


def count_ready(counts: Counts, rows: list[tuple]) -> None:
    """Count ready rows' events for the summary, their parties by the names in the row (the
    writer resolves them to actors): whole lists at a time, in C."""
    counts.count_events(map(_COUNTED, map(_EVENT_OF, rows)))
    counts.count_parties(
        zip(map(_ACTORS_OF, rows), map(_COUNTED_FOR_PARTIES, map(_EVENT_OF, rows)), strict=True)
    )


class CountedCells:
    """The summary's cells of the rows read so far (``Counts.take``), handed to the writer."""

    __slots__ = ("cells", "party_cells")

    def __init__(self, cells: dict[tuple, int], party_cells: dict[tuple, int]) -> None:
        self.cells, self.party_cells = cells, party_cells


class UuidSequence:
    """Time-ordered UUIDs (the UUIDv7 layout): new events append to the uid index instead of
    landing at random places in it, which keeps a million-row import from thrashing the index."""

    def __init__(self) -> None:
        self.counter = int.from_bytes(os.urandom(8), "big") >> 2

    def take(self, count: int) -> list[str]:
        """``count`` uids, made for a whole batch in this millisecond."""
        head = ((time.time_ns() // 1_000_000) << 80) | (0x7 << 76) | (0b10 << 62)
        first = self.counter + 1
        self.counter += count
        mask = (1 << 62) - 1
        return [
            f"{head | (((c >> 62) & 0xFFF) << 64) | (c & mask):032x}"
            for c in range(first, first + count)
        ]


class ActorBook:
    """Actor ids by name; a name seen for the first time becomes an actor (audited)."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.ids: dict[str, int] = {}
        self.by_spelling: dict[str, int] = {}
        for pk, en, ar, aliases in Actor.objects.values_list("id", "name_en", "name_ar", "aliases"):
            for name in (en, ar, *(aliases or [])):
                if name:
                    self.ids.setdefault(normalise(name), pk)

    def id_for(self, name: str, category: int | None) -> int:
        if name in self.by_spelling:
            return self.by_spelling[name]
        key = normalise(name)
        if key not in self.ids:
            actor = do_create_actor(
                self.user,
                name_en=name,
                kind=ACLED_KIND.get(category or 0, ActorKind.UNKNOWN),
                acled_category=category,
                description="Named in an imported dataset.",
            )
            self.ids[key] = actor.pk
        self.by_spelling[name] = self.ids[key]
        return self.ids[key]


class Reconciler:
    """The reconciled columns of a one-source event, as ``reconcile`` computes them, memoised
    because a dataset repeats the same few dates, counts and pairs of parties millions of times.

    The full reconciliation (the ``reconciled`` JSON, about a kilobyte an event and most of what
    an import wrote) is left empty: ``sulh.exchange.compact`` works it out from the compact row
    when something reads it and stores it when the event's claims are expanded.
    """

    def __init__(self, reliability: str, credibility: int) -> None:
        self.rel, self.cred = reliability, credibility
        self.date = lru_cache(maxsize=65536)(self._date)
        self.number = lru_cache(maxsize=65536)(self._number)
        self.parties = lru_cache(maxsize=65536)(self._parties)
        # Keyed by the object's id (hashing a frozen dataclass hashes every field each time);
        # the object is kept beside its columns, so a reused id is noticed.
        self._places: dict[int, tuple] = {}
        self._ranges: dict[int, tuple] = {}

    def _evidence(self, claim_id: int = 0, **values: Any) -> Evidence:
        return Evidence(claim_id, self.rel, self.cred, **values)

    def _date(self, start: Any, end: Any) -> tuple[str, str, str, str]:
        result = reconcile("date", [self._evidence(start=start, end=end)])
        start_text, end_text = result.start.isoformat(), result.end.isoformat()
        return start_text, end_text, result.precision, week_start(result.start).isoformat()

    def _number(self, low: Any, best: Any, high: Any) -> tuple[Any, Any, Any]:
        result = reconcile("number", [self._evidence(low=low, best=best, high=high)])
        return result.low, result.best, result.high

    def _parties(self, actor_ids: tuple[int, ...]) -> tuple[int, ...]:
        items = [self._evidence(i, key=str(a)) for i, a in enumerate(actor_ids)]
        return tuple(int(k) for k in reconcile("actor", items, True).keys)

    def ready(self, p: Parsed) -> tuple:
        """A parsed row as the writer takes it (see READY_*): everything but the ids, which only
        the writer can give. Needs no database, so a second process can do it."""
        start, end, precision, week = self.date(p.date_start, p.date_end)
        place = self._place(p.where)
        low, best, high, *killed = self._killed(p.killed)
        return (
            p.key,
            p.row_hash,
            p.actors,
            (
                p.title[:300], p.event_type, p.sub_event_type, start, end, precision, week,
                *place, low, best, high, p.key,
            ),
            (
                p.row_hash, p.event_type, p.sub_event_type, start, end, p.date_precision,
                place[0], *killed, p.description,
            ),
        )  # fmt: skip

    def _place(self, w: Any) -> tuple:
        """The event's place columns of a match (the parser hands out one object per place)."""
        if w is None:
            return NO_PLACE
        seen = self._places.get(id(w))
        if seen is None or seen[0] is not w:
            columns = (
                w.place_id, w.adm1_id, w.adm2_id, w.adm3_id, w.latitude, w.longitude,
                w.geo_precision,
            )  # fmt: skip
            seen = self._places[id(w)] = (w, columns)
        return seen[1]

    def _killed(self, k: Any) -> tuple:
        """The reconciled fatalities and the row's own, of one shared range."""
        if k is None:
            return NO_FATALITIES * 2
        seen = self._ranges.get(id(k))
        if seen is None or seen[0] is not k:
            seen = self._ranges[id(k)] = (
                k,
                (*self.number(k.low, k.best, k.high), k.low, k.best, k.high),
            )
        return seen[1]


class BulkWriter:
    def __init__(self, user: Any, source: Source, credibility: int, origin: str) -> None:
        self.user = user
        self.user_id = getattr(user, "pk", None)
        self.source = source
        self.credibility = credibility
        self.origin = origin
        self.actors = ActorBook(user)
        self.reconciler = Reconciler(source.reliability, credibility)
        self.uids = UuidSequence()
        self.vendor = connection.vendor
        self.event_table = Event._meta.db_table
        self.row_table = DatasetRow._meta.db_table
        self.actor_table = EventActor._meta.db_table
        self.event_ctype = ContentType.objects.get_for_model(Event)
        self._parties: dict[tuple, tuple[tuple, tuple]] = {}
        # The summary's counts of the new events: rows are counted as they are read; rows that
        # turn out not to be new (already imported, or twice in the file) are taken away again.
        self.tally = Tally(resolve=lambda actors: self.parties_of(actors)[1])

    def add_counted(self, counted: CountedCells) -> None:
        self.tally.add(counted.cells, counted.party_cells)

    def not_new_rows(self, rows: list[tuple]) -> None:
        """Rows counted when read that are not new events after all."""
        count_ready(self.tally.taken_away, rows)

    # -- ids and raw inserts -------------------------------------------------------------------
    def reserve_ids(self, count: int) -> list[int]:
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [self.event_table, count],
                )
                return [r[0] for r in cursor.fetchall()]
            # SQLite: one writer at a time (BEGIN IMMEDIATE), so the next ids are ours.
            cursor.execute(
                f'SELECT MAX(COALESCE((SELECT MAX(id) FROM "{self.event_table}"), 0), '  # noqa: S608
                "COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
                [self.event_table],
            )
            first = cursor.fetchone()[0] + 1
        return list(range(first, first + count))

    # -- one batch -----------------------------------------------------------------------------
    def existing(self, keys: Iterable[str]) -> dict[str, tuple[int, str]]:
        """(event id, hash of the row last imported) of the keys already in the database."""
        ids = dict(self._select_in("external_key, id", self.event_table, "external_key", keys))
        if not ids:
            return {}
        found = self._select_in(
            "id, event_id, source_id, row_hash", self.row_table, "event_id", ids.values()
        )
        # The latest row of this dataset's source for each event (a changed row adds one).
        hashes = {e: h for _id, e, s, h in sorted(found) if s == self.source.pk}
        return {key: (pk, hashes.get(pk, "")) for key, pk in ids.items()}

    def held_elsewhere(self, keys: Iterable[str]) -> set[str]:
        """The keys that name, the way sulh's ACLED export writes them, an event this database
        already holds under another origin: its own (``sulh-<uid>``) or another dataset's
        (``ucdp-<id>``). An export imported back into the sulh that made it is the same events,
        not copies of them from a new source."""
        by_key: dict[str, str] = {}
        by_uid: dict[Any, str] = {}
        for key in keys:
            prefix, dash, rest = key.partition(":")[2].partition("-")
            if not dash or not rest:
                continue
            if prefix == "sulh":
                try:
                    uid = uuid.UUID(rest)
                except ValueError:
                    continue
                by_uid[uid if self.vendor == "postgresql" else uid.hex] = key
            elif prefix in IMPORTERS and prefix != self.origin:
                by_key[f"{prefix}:{rest}"] = key
        found: set[str] = set()
        for column, wanted in (("external_key", by_key), ("uid", by_uid)):
            if wanted:
                rows = self._select_in(f"{column}, id", self.event_table, column, wanted)
                found.update(wanted[value] for value, _id in rows)
        return found

    def _select_in(self, columns: str, table: str, column: str, values: Iterable) -> list[tuple]:
        """Rows whose ``column`` is one of ``values``, with one parameter for the whole batch (the
        ORM would prepare thousands) through the column's index."""
        values = list(values)
        if self.vendor == "postgresql":
            match, param = "= ANY(%s)", values
        else:
            match, param = "IN (SELECT value FROM json_each(%s))", json.dumps(values)
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT {columns} FROM "{table}" WHERE "{column}" {match}', [param])  # noqa: S608
            return cursor.fetchall()

    def new_events(self, batch: list[tuple]) -> None:
        """Write a batch of new events (rows made by ``Reconciler.ready``) with their compact
        rows and parties (the summary counted them when they were read)."""
        ids = self.reserve_ids(len(batch))
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        events, rows, roles = [], [], []
        parties_of = self.parties_of
        for pk, uid, (_key, _hash, actors, event, row) in zip(
            ids, self.uids.take(len(batch)), batch, strict=True
        ):
            pair, parties = parties_of(actors)
            events.append((pk, uid, *event))
            rows.append((pk, *row, *pair))
            for actor_id in parties:
                roles.append((pk, actor_id))
        insert_rows(
            self.event_table,
            EVENT_COLUMNS,
            events,
            {
                "title_ar": "", "disputed": False, "disputed_fields": "[]", "reconciled": "{}",
                "origin": self.origin, "created_by_id": self.user_id, "created_at": now,
                "updated_at": now,
            },
        )  # fmt: skip
        insert_rows(
            self.row_table,
            ROW_COLUMNS,
            rows,
            {
                "source_id": self.source.pk, "expanded": False, "credibility": self.credibility,
                "recorded_by_id": self.user_id, "recorded_at": now,
            },
        )  # fmt: skip
        insert_rows(self.actor_table, ACTOR_COLUMNS, roles, {"role": "party", "disputed": False})

    def parties_of(self, actors: tuple[tuple[str, int | None], ...]) -> tuple[tuple, tuple]:
        """(first and second actor id of the row, the event's parties) of a row's actors,
        remembered per distinct pair of names."""
        found = self._parties.get(actors)
        if found is None:
            if not actors:
                found = NO_PARTIES
            else:
                ids = tuple(self.actors.id_for(name, cat) for name, cat in actors)
                pair = (ids[0], ids[1] if len(ids) > 1 else None)
                found = (pair, self.reconciler.parties(ids))
            self._parties[actors] = found
        return found

    def compact_row(self, ready: tuple, event_id: int) -> DatasetRow:
        """The compact claim row of one ready row (unsaved), for the slow path of changes."""
        (row_hash, event_type, sub_event_type, start, end, precision, place_id, *killed,
         description) = ready[READY_ROW]  # fmt: skip
        (actor1_id, actor2_id), _parties = self.parties_of(ready[READY_ACTORS])
        return DatasetRow(
            event_id=event_id,
            source=self.source,
            row_hash=row_hash,
            credibility=self.credibility,
            event_type=event_type,
            sub_event_type=sub_event_type,
            date_start=date.fromisoformat(start),
            date_end=date.fromisoformat(end),
            date_precision=precision,
            place_id=place_id,
            killed_low=killed[0],
            killed_best=killed[1],
            killed_high=killed[2],
            actor1_id=actor1_id,
            actor2_id=actor2_id,
            description=description,
            recorded_by_id=self.user_id,
        )
