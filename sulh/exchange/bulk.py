"""Writing parsed rows in bulk: raw ``executemany`` on SQLite, ``COPY`` on PostgreSQL.

The ORM would build SQL for every row (about 10k rows/s); here each batch becomes three plain
inserts (events, their compact claim rows, their actor roles) with ids reserved in advance, and
each event's reconciled columns are computed with the same reconciliation functions as any other
event, memoised because a dataset repeats the same few values millions of times.
"""

import json
import os
import time
from collections.abc import Iterable
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
from sulh.exchange.importers.base import Parsed
from sulh.exchange.models import DatasetRow
from sulh.lib.arabic import normalise
from sulh.lib.bulksql import insert_rows
from sulh.lib.dates import week_start
from sulh.reports.summary import Tally
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
    "date_precision", "place_id", "killed_low", "killed_best", "killed_high", "actor1_id",
    "actor2_id", "description",
)  # fmt: skip
ACTOR_COLUMNS = ("event_id", "actor_id")
# What the summary counts of an event, read straight from its tuple (see Tally.count_events).
_COUNTED = itemgetter(*(EVENT_COLUMNS.index(c) for c in (
    "week", "adm1_id", "adm2_id", "adm3_id", "event_type", "place_id", "fatalities_low",
    "fatalities_best", "fatalities_high",
)))  # fmt: skip
NO_FATALITIES = (None, None, None)


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

    def _evidence(self, claim_id: int = 0, **values: Any) -> Evidence:
        return Evidence(claim_id, self.rel, self.cred, **values)

    def _date(self, start: Any, end: Any) -> tuple[str, str, str, str, Any]:
        result = reconcile("date", [self._evidence(start=start, end=end)])
        week = week_start(result.start)
        start_text, end_text = result.start.isoformat(), result.end.isoformat()
        return start_text, end_text, result.precision, week.isoformat(), week

    def _number(self, low: Any, best: Any, high: Any) -> tuple[Any, Any, Any]:
        result = reconcile("number", [self._evidence(low=low, best=best, high=high)])
        return result.low, result.best, result.high

    def _parties(self, actor_ids: tuple[int, ...]) -> tuple[int, ...]:
        items = [self._evidence(i, key=str(a)) for i, a in enumerate(actor_ids)]
        return tuple(int(k) for k in reconcile("actor", items, True).keys)


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
        # The new events written, counted for the dashboard's summary.
        self.tally = Tally()
        self._actor_ids: dict[tuple, tuple[int, ...]] = {}

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

    def new_events(self, batch: list[Parsed]) -> None:
        ids = self.reserve_ids(len(batch))
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        events, rows, roles, counted_roles = [], [], [], []
        rec, origin, user_id = self.reconciler, self.origin, self.user_id
        source_id, credibility = self.source.pk, self.credibility
        next_uid = iter(self.uids.take(len(batch))).__next__
        no_place = (None,) * 7
        for pk, p in zip(ids, batch, strict=True):
            w = p.where
            start, end, precision, week, _monday = rec.date(p.date_start, p.date_end)
            k = p.killed
            low, best, high = rec.number(k.low, k.best, k.high) if k else NO_FATALITIES
            actor_ids = self.actor_ids(p.actors)
            party_ids = rec.parties(actor_ids) if actor_ids else ()
            for actor_id in party_ids:
                roles.append((pk, actor_id))
                counted_roles.append(
                    (week, p.event_type, w.adm1_id if w else None, actor_id, low, best, high)
                )
            place = (
                (w.place_id, w.adm1_id, w.adm2_id, w.adm3_id, w.latitude, w.longitude,
                 w.geo_precision) if w else no_place
            )  # fmt: skip
            events.append(
                (
                    pk, next_uid(), p.title[:300], p.event_type, p.sub_event_type, start, end,
                    precision, week, *place, low, best, high, p.key,
                )
            )  # fmt: skip
            rows.append(
                (
                    pk, p.row_hash, p.event_type, p.sub_event_type, start, end,
                    p.date_precision, place[0],
                    k.low if k else None, k.best if k else None, k.high if k else None,
                    actor_ids[0] if actor_ids else None,
                    actor_ids[1] if len(actor_ids) > 1 else None,
                    p.description,
                )
            )  # fmt: skip
        self._count(events, counted_roles)
        insert_rows(
            self.event_table,
            EVENT_COLUMNS,
            events,
            {
                "title_ar": "", "disputed": False, "disputed_fields": "[]", "reconciled": "{}",
                "origin": origin, "created_by_id": user_id, "created_at": now, "updated_at": now,
            },
        )  # fmt: skip
        insert_rows(
            self.row_table,
            ROW_COLUMNS,
            rows,
            {
                "source_id": source_id, "expanded": False, "credibility": credibility,
                "recorded_by_id": user_id, "recorded_at": now,
            },
        )  # fmt: skip
        insert_rows(self.actor_table, ACTOR_COLUMNS, roles, {"role": "party", "disputed": False})

    def _count(self, events: list[tuple], counted_roles: list[tuple]) -> None:
        """The batch's events into the summary's counts, whole lists at a time (``Counter``
        counts in C; one call per event was a seventh of a million-row import)."""
        self.tally.count_events(map(_COUNTED, events))
        self.tally.count_parties(counted_roles)

    def actor_ids(self, actors: tuple[tuple[str, int | None], ...]) -> tuple[int, ...]:
        """The ids of a row's parties, in file order (remembered per distinct pair)."""
        found = self._actor_ids.get(actors)
        if found is None:
            found = self._actor_ids[actors] = tuple(
                self.actors.id_for(name, cat) for name, cat in actors
            )
        return found

    def compact_row(self, p: Parsed, event_id: int) -> DatasetRow:
        """The compact claim row of one parsed row (unsaved), for the slow path of changes."""
        actor_ids = self.actor_ids(p.actors)
        return DatasetRow(
            event_id=event_id,
            source=self.source,
            row_hash=p.row_hash,
            credibility=self.credibility,
            event_type=p.event_type,
            sub_event_type=p.sub_event_type,
            date_start=p.date_start,
            date_end=p.date_end,
            date_precision=p.date_precision,
            place_id=p.where.place_id if p.where else None,
            killed_low=p.killed.low if p.killed else None,
            killed_best=p.killed.best if p.killed else None,
            killed_high=p.killed.high if p.killed else None,
            actor1_id=actor_ids[0] if actor_ids else None,
            actor2_id=actor_ids[1] if len(actor_ids) > 1 else None,
            description=p.description,
            recorded_by_id=self.user_id,
        )
