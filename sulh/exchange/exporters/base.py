"""What every exporter gets: events as the user may see them, a chunk of the database at a time.

``export_rows`` streams events with one ``values_list()`` query, a few thousand at a time, and
shapes each through the one redaction policy (``sulh.access.redact``): partners see a sensitive
place as its sub-district, sources only by their safe description. Memory stays flat however many
events.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models.expressions import RawSQL

from sulh.access.policy import events_for_user
from sulh.access.redact import claim_public, place_public, source_public
from sulh.actors.models import Actor
from sulh.claims.models import Claim, ValueKind
from sulh.events.models import Event, EventActor
from sulh.events.queries import EventFilters, filter_events
from sulh.exchange.compact import row_claim_object, row_claims
from sulh.exchange.models import DatasetRow
from sulh.places.models import Place
from sulh.sources.models import Source

CHUNK = 2000
EVENT_FIELDS = (
    "id", "uid", "title", "title_ar", "event_type", "sub_event_type", "date_start", "date_end",
    "date_precision", "place_id", "geo_precision", "fatalities_low", "fatalities_best",
    "fatalities_high", "disputed", "external_key", "updated_at",
)  # fmt: skip


@dataclass
class ExportRow:
    """One event as an export shows it to one user."""

    id: int
    key: str
    title: str
    title_ar: str
    event_type: str
    sub_event_type: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    place: dict | None  # place_public(...)
    admin: tuple[Place | None, Place | None, Place | None]
    geo_precision: int | None
    fatalities: tuple[int | None, int | None, int | None]
    actors: list[tuple[str, Actor | None]]
    sources: list[dict]
    description: str
    disputed: bool
    updated_at: Any
    claims: list[dict] = field(default_factory=list)


# What differs between compact rows showing the same fact (see ``_Lookups.compact_claims``).
OWN = frozenset({"recorded_at"})
TEXT_OWN = frozenset({"recorded_at", "display", "text"})


class SharedFact(dict):
    """A compact row's claim as ``claim_public`` shows it: the shown form of ``fact``, the same for
    every row with that fact, with the row's own values of the keys in ``own``. An exporter may
    keep what it makes of a fact (the JSON export keeps its text) and fill in only those."""

    __slots__ = ("fact", "own")


class Exporter:
    name = ""
    label = ""
    content_type = "text/plain"
    extension = "txt"
    with_claims = False

    def stream(self, rows: Iterable[ExportRow]) -> Iterator[str]:
        raise NotImplementedError


def csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


def csv_lines(lines: Iterable[list[Any]], block: int = 500) -> Iterator[str]:
    """CSV text, ``block`` lines per string: one writer and one buffer for the whole export. A new
    writer and buffer per line (``csv_line``) was an eighth of an ACLED export (profiled)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    lines = iter(lines)
    while True:
        writer.writerows(islice(lines, block))
        text = buffer.getvalue()
        if not text:
            return
        yield text
        buffer.seek(0)
        buffer.truncate()


class _Lookups:
    """Places, actors and sources held in memory for one export (they are few)."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.places = {p.pk: p for p in Place.objects.all()}
        self.actors: dict[int, Actor] = {}
        self.sources = {s.pk: s for s in Source.objects.all()}
        self.public_places: dict[int, dict | None] = {}
        self.public_sources: dict[int, dict] = {}
        self.public_facts: dict[tuple, dict] = {}

    def place(self, pk: int | None) -> dict | None:
        if pk is None or pk not in self.places:
            return None
        if pk not in self.public_places:
            self.public_places[pk] = place_public(self.places[pk], self.user)
        return self.public_places[pk]

    def source(self, pk: int) -> dict:
        if pk not in self.public_sources:
            self.public_sources[pk] = source_public(self.sources[pk], self.user)
        return self.public_sources[pk]

    def admin(self, place: dict | None) -> tuple[Place | None, Place | None, Place | None]:
        shown = self.places.get(place["id"]) if place else None
        if shown is None:
            return (None, None, None)
        return (
            self.places.get(shown.adm1_id),
            self.places.get(shown.adm2_id),
            self.places.get(shown.adm3_id),
        )

    def compact_claims(self, row: DatasetRow, ctype: Any) -> list[dict]:
        """``claim_public`` of each claim of an unexpanded compact row, without a ``Claim`` each.

        Making a ``Claim`` per fact was most of a JSON export (profiled), and a dataset repeats
        the same few types, days, places, counts and parties. So each distinct fact of a source
        and grade is shown once and copied with what differs between rows: ``recorded_at``, and
        for the description (a text, different in every row) its text, which ``claim_public``
        shows as ``text`` and ``display``. A test compares every claim with ``claim_public``.
        """
        shown = []
        for fact in row_claims(row):
            field, kind, columns = fact
            text = kind == ValueKind.TEXT
            key = (field, kind, row.source_id, row.credibility, *([] if text else columns.values()))
            public = self.public_facts.get(key)
            if public is None:
                claim = row_claim_object(row, ctype, fact, source=self.sources[row.source_id])
                if claim.place_id:
                    claim.place = self.places[claim.place_id]
                if claim.actor_id:
                    claim.actor = self.actor(claim.actor_id)
                if len(self.public_facts) > 100_000:  # bounded whatever the data
                    self.public_facts.clear()
                public = self.public_facts[key] = claim_public(claim, self.user)
            public = SharedFact(public, recorded_at=row.recorded_at)
            if text:
                public["display"] = public["text"] = columns["text"]
            public.fact, public.own = key, TEXT_OWN if text else OWN
            shown.append(public)
        return shown

    def actor(self, pk: int | None) -> Actor | None:
        if pk is None:
            return None
        if pk not in self.actors:
            self.actors.update(Actor.objects.in_bulk([pk]))
        return self.actors.get(pk)


def export_rows(user: Any, filters: EventFilters, with_claims: bool = False) -> Iterator[ExportRow]:
    events = filter_events(events_for_user(user), filters).order_by("date_start", "id")
    look = _Lookups(user)
    ctype = ContentType.objects.get_for_model(Event)
    # One query streams the events' columns, CHUNK rows at a time; reading ids first and then
    # each page by ``id IN (2,000 ids)`` spent most of an export in the ORM building and binding
    # those parameters (profiled).
    rows = (
        events.annotate(stored_description=_stored_description())
        .values_list(*EVENT_FIELDS, "stored_description")
        .iterator(chunk_size=CHUNK)
    )
    while page := list(islice(rows, CHUNK)):
        yield from _rows_of(page, look, ctype, with_claims)


def _stored_description() -> RawSQL:
    """The reconciled description's text, the only part of ``reconciled`` (about a kilobyte) an
    export uses. Not Django's ``KT``: on SQLite it turns a JSON null into the text 'null'."""
    if connection.vendor == "postgresql":
        return RawSQL(""""events_event"."reconciled" #>> '{description,value}'""", [])
    return RawSQL("""json_extract("events_event"."reconciled", '$.description.value')""", [])


def _one_of(model: type[models.Model], column: str, ids: list[int]) -> RawSQL:
    """``column`` is one of ``ids``, with one parameter for the whole page (the pattern of
    ``BulkWriter._select_in``): the ORM's ``__in`` binds and converts a parameter per id. On
    PostgreSQL ``= ANY`` and not ``IN (SELECT unnest(...))``, for which the planner guessed half
    the table and scanned all of it for every page."""
    name = f"{connection.ops.quote_name(model._meta.db_table)}.{connection.ops.quote_name(column)}"
    if connection.vendor == "postgresql":
        where, param = f"{name} = ANY(%s)", ids
    else:
        where, param = f"{name} IN (SELECT value FROM json_each(%s))", json.dumps(ids)  # noqa: S608
    return RawSQL(where, [param], output_field=models.BooleanField())  # noqa: S611 (model names)


def _rows_of(
    page: list[tuple], look: _Lookups, ctype: Any, with_claims: bool
) -> Iterator[ExportRow]:
    ids = [e[0] for e in page]
    roles: dict[int, list[tuple[str, int | None]]] = {}
    for event_id, role, actor_id in EventActor.objects.filter(
        _one_of(EventActor, "event_id", ids)
    ).values_list("event_id", "role", "actor_id"):
        roles.setdefault(event_id, []).append((role, actor_id))
    sources: dict[int, set[int]] = {}
    # Without the model's ordering, whose columns would make DISTINCT keep every claim.
    pairs = (
        Claim.objects.filter(_one_of(Claim, "record_id", ids), record_type=ctype)
        .values_list("record_id", "source_id")
        .order_by()
    )
    compact = DatasetRow.objects.filter(_one_of(DatasetRow, "event_id", ids), expanded=False)
    # Whole rows only when their claims are shown (the JSON export); one query either way.
    rows = list(compact) if with_claims else []
    # An imported event not yet expanded keeps its text in its compact row (docs/exchange.md).
    compact_text: dict[int, str] = {}
    for event_id, source_id, text in (
        [(r.event_id, r.source_id, r.description) for r in rows]
        if with_claims
        else compact.values_list("event_id", "source_id", "description")
    ):
        sources.setdefault(event_id, set()).add(source_id)
        compact_text[event_id] = text
    for event_id, source_id in pairs.distinct():
        sources.setdefault(event_id, set()).add(source_id)
    claims = _claims_of(ids, look, ctype, rows) if with_claims else {}
    for (
        pk, uid, title, title_ar, event_type, sub_event_type, date_start, date_end,
        date_precision, place_id, geo_precision, low, best, high, disputed, external_key,
        updated_at, stored,
    ) in page:  # fmt: skip
        place = look.place(place_id)
        yield ExportRow(
            id=pk,
            key=external_key or f"sulh:{uid.hex if hasattr(uid, 'hex') else uid}",
            title=title,
            title_ar=title_ar,
            event_type=event_type,
            sub_event_type=sub_event_type,
            date_start=date_start,
            date_end=date_end,
            date_precision=date_precision,
            place=place,
            admin=look.admin(place),
            geo_precision=2 if place and place["coarsened"] else geo_precision,
            fatalities=(low, best, high),
            actors=[(role, look.actor(a)) for role, a in roles.get(pk, [])],
            sources=[look.source(s) for s in sorted(sources.get(pk, ()))],
            description=stored or compact_text.get(pk, ""),
            disputed=disputed,
            updated_at=updated_at,
            claims=claims.get(pk, []),
        )


def _claims_of(
    ids: list[int], look: _Lookups, ctype: Any, compact: list[DatasetRow]
) -> dict[int, list[dict]]:
    """Claims as ``claim_public`` shows them; compact rows are shown without being expanded."""
    found: dict[int, list[dict]] = {}
    stored = Claim.objects.filter(
        _one_of(Claim, "record_id", ids), record_type=ctype
    ).select_related("source", "place", "record_type")
    for claim in stored:
        found.setdefault(claim.record_id, []).append(claim_public(claim, look.user))
    for row in compact:
        found.setdefault(row.event_id, []).extend(look.compact_claims(row, ctype))
    return found
