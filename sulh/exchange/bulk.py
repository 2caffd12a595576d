"""Writing parsed rows in bulk: raw ``executemany`` on SQLite, ``COPY`` on PostgreSQL.

The ORM would build SQL for every row (about 10k rows/s); here each batch becomes three plain
inserts (events, their compact claim rows, their actor roles) with ids reserved in advance, and
each event's reconciled columns are computed with the same reconciliation functions as any other
event, memoised because a dataset repeats the same few values millions of times.
"""

import json
import os
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
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

EVENT_COLUMNS = (
    "id", "uid", "title", "title_ar", "event_type", "sub_event_type", "date_start", "date_end",
    "date_precision", "week", "place_id", "adm1_id", "adm2_id", "adm3_id", "latitude",
    "longitude", "geo_precision", "fatalities_low", "fatalities_best", "fatalities_high",
    "disputed", "disputed_fields", "reconciled", "origin", "external_key", "created_by_id",
    "created_at", "updated_at",
)  # fmt: skip
ROW_COLUMNS = (
    "event_id", "source_id", "row_hash", "expanded", "credibility", "event_type",
    "sub_event_type", "date_start", "date_end", "date_precision", "place_id", "killed_low",
    "killed_best", "killed_high", "actor1_id", "actor2_id", "description", "recorded_by_id",
    "recorded_at",
)  # fmt: skip
ACTOR_COLUMNS = ("event_id", "role", "actor_id", "disputed")


class UuidSequence:
    """Time-ordered UUIDs (the UUIDv7 layout): new events append to the uid index instead of
    landing at random places in it, which keeps a million-row import from thrashing the index."""

    def __init__(self) -> None:
        self.counter = int.from_bytes(os.urandom(8), "big") >> 2

    def next_hex(self) -> str:
        self.counter += 1
        ms = time.time_ns() // 1_000_000
        rand_a = (self.counter >> 62) & 0xFFF
        rand_b = self.counter & ((1 << 62) - 1)
        value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
        return f"{value:032x}"


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
    """The reconciled value of each field of a one-source event, as ``reconcile`` computes it,
    memoised and kept as JSON text so an event's ``reconciled`` column is a string join."""

    def __init__(self, reliability: str, credibility: int) -> None:
        self.rel, self.cred = reliability, credibility
        self.category = lru_cache(maxsize=4096)(self._category)
        self.date = lru_cache(maxsize=65536)(self._date)
        self.number = lru_cache(maxsize=65536)(self._number)
        self.parties = lru_cache(maxsize=65536)(self._parties)
        self.weight = round(Evidence(0, reliability, credibility).weight, 3)

    def _evidence(self, claim_id: int = 0, **values: Any) -> Evidence:
        return Evidence(claim_id, self.rel, self.cred, **values)

    def _dump(self, kind: str, items: list[Evidence], multiple: bool = False) -> Any:
        result = reconcile(kind, items, multiple)
        return result, json.dumps(result.as_dict(), ensure_ascii=False)

    def _category(self, kind: str, key: str) -> str:
        return self._dump(kind, [self._evidence(key=key)])[1]

    def _date(self, start: Any, end: Any) -> tuple[str, str, str, str, str, Any]:
        result, text = self._dump("date", [self._evidence(start=start, end=end)])
        week = week_start(result.start)
        start_text, end_text = result.start.isoformat(), result.end.isoformat()
        return text, start_text, end_text, result.precision, week.isoformat(), week

    def _number(self, low: Any, best: Any, high: Any) -> tuple[str, Any, Any, Any]:
        result, text = self._dump("number", [self._evidence(low=low, best=best, high=high)])
        return text, result.low, result.best, result.high

    def _parties(self, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        items = [self._evidence(i, key=k) for i, k in enumerate(keys)]
        result, text = self._dump("actor", items, multiple=True)
        return text, tuple(result.keys)

    def text(self, value: str) -> str:
        quoted = json.dumps(value, ensure_ascii=False)
        return (
            f'{{"kind": "text", "claims": 1, "disputed": false, "value": {quoted}, '
            f'"values": [{quoted}], "support": {{{quoted}: {self.weight}}}}}'
        )


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

    def insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
        if not rows:
            return
        names = ", ".join(f'"{c}"' for c in columns)
        raw = connection.connection
        if self.vendor == "postgresql":
            with (
                raw.cursor() as cursor,
                cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy,
            ):
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join("?" * len(columns))
        raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)  # noqa: S608

    # -- one batch -----------------------------------------------------------------------------
    def existing(self, keys: Iterable[str]) -> dict[str, tuple[int, str]]:
        """(event id, hash of the row last imported) of the keys already in the database."""
        ids = dict(
            Event.objects.filter(external_key__in=list(keys)).values_list("external_key", "id")
        )
        if not ids:
            return {}
        hashes = dict(
            DatasetRow.objects.filter(event_id__in=ids.values(), source=self.source)
            .order_by("id")
            .values_list("event_id", "row_hash")
        )
        return {key: (pk, hashes.get(pk, "")) for key, pk in ids.items()}

    def new_events(self, batch: list[Parsed]) -> None:
        ids = self.reserve_ids(len(batch))
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        events, rows, roles = [], [], []
        rec = self.reconciler
        for pk, p in zip(ids, batch, strict=True):
            w = p.where
            date_json, start, end, precision, week, monday = rec.date(p.date_start, p.date_end)
            parts = [
                f'"event_type": {rec.category("category", p.event_type)}',
                f'"sub_event_type": {rec.category("category", p.sub_event_type)}',
                f'"date": {date_json}',
            ]
            if w is not None:
                parts.append(f'"location": {rec.category("place", str(w.place_id))}')
            low = best = high = None
            if p.killed is not None:
                killed = p.killed
                num_json, low, best, high = rec.number(killed.low, killed.best, killed.high)
                parts.append(f'"killed": {num_json}')
            actor_ids = [self.actors.id_for(name, cat) for name, cat in p.actors]
            party_ids: tuple[int, ...] = ()
            if actor_ids:
                party_json, party_keys = rec.parties(tuple(str(a) for a in actor_ids))
                parts.append(f'"party": {party_json}')
                party_ids = tuple(int(k) for k in party_keys)
                roles.extend((pk, "party", k, False) for k in party_ids)
            if p.description:
                parts.append(f'"description": {rec.text(p.description)}')
            events.append(
                (
                    pk, self.uids.next_hex(), p.title[:300], "", p.event_type,
                    p.sub_event_type, start, end, precision, week,
                    w.place_id if w else None, w.adm1_id if w else None,
                    w.adm2_id if w else None, w.adm3_id if w else None,
                    w.latitude if w else None, w.longitude if w else None,
                    w.geo_precision if w else None, low, best, high, False, "[]",
                    "{" + ", ".join(parts) + "}", self.origin, p.key, self.user_id, now, now,
                )
            )  # fmt: skip
            self.tally.add(
                monday,
                (w.adm1_id, w.adm2_id, w.adm3_id) if w else (None, None, None),
                p.event_type,
                w.place_id if w else None,
                party_ids,
                (low, best, high),
            )
            a1 = actor_ids[0] if actor_ids else None
            a2 = actor_ids[1] if len(actor_ids) > 1 else None
            k = p.killed
            rows.append(
                (
                    pk, self.source.pk, p.row_hash, False, self.credibility, p.event_type,
                    p.sub_event_type, p.date_start.isoformat(), p.date_end.isoformat(),
                    p.date_precision, w.place_id if w else None,
                    k.low if k else None, k.best if k else None, k.high if k else None,
                    a1, a2, p.description, self.user_id, now,
                )
            )  # fmt: skip
        self.insert(self.event_table, EVENT_COLUMNS, events)
        self.insert(self.row_table, ROW_COLUMNS, rows)
        self.insert(self.actor_table, ACTOR_COLUMNS, roles)

    def compact_row(self, p: Parsed, event_id: int) -> DatasetRow:
        """The compact claim row of one parsed row (unsaved), for the slow path of changes."""
        actor_ids = [self.actors.id_for(name, cat) for name, cat in p.actors]
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
