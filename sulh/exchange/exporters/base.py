"""What every exporter gets: events as the user may see them, a chunk of the database at a time.

``export_rows`` reads events with plain ``values()`` queries, a few thousand at a time, and shapes
each through the one redaction policy (``sulh.access.redact``): partners see a sensitive place as
its sub-district, sources only by their safe description. Memory stays flat however many events.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType

from sulh.access.policy import events_for_user
from sulh.access.redact import claim_public, place_public, source_public
from sulh.actors.models import Actor
from sulh.claims.models import Claim
from sulh.events.models import Event, EventActor
from sulh.events.queries import EventFilters, filter_events
from sulh.exchange.compact import row_claim_objects
from sulh.exchange.models import DatasetRow
from sulh.places.models import Place
from sulh.sources.models import Source

CHUNK = 2000
EVENT_FIELDS = (
    "id", "uid", "title", "title_ar", "event_type", "sub_event_type", "date_start", "date_end",
    "date_precision", "place_id", "geo_precision", "fatalities_low", "fatalities_best",
    "fatalities_high", "disputed", "reconciled", "origin", "external_key", "updated_at",
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


class _Lookups:
    """Places, actors and sources held in memory for one export (they are few)."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.places = {p.pk: p for p in Place.objects.all()}
        self.actors: dict[int, Actor] = {}
        self.sources = {s.pk: s for s in Source.objects.all()}
        self.public_places: dict[int, dict | None] = {}
        self.public_sources: dict[int, dict] = {}

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
    # Pages of ids over the filtered events: flat memory and no long-lived cursor.
    ids = events.values_list("id", flat=True)
    chunk: list[int] = []
    for pk in ids.iterator(chunk_size=CHUNK):
        chunk.append(pk)
        if len(chunk) >= CHUNK:
            yield from _rows_of(chunk, look, ctype, with_claims)
            chunk = []
    if chunk:
        yield from _rows_of(chunk, look, ctype, with_claims)


def _rows_of(ids: list[int], look: _Lookups, ctype: Any, with_claims: bool) -> Iterator[ExportRow]:
    events = {e["id"]: e for e in Event.objects.filter(pk__in=ids).values(*EVENT_FIELDS)}
    roles: dict[int, list[tuple[str, int | None]]] = {}
    for event_id, role, actor_id in EventActor.objects.filter(event_id__in=ids).values_list(
        "event_id", "role", "actor_id"
    ):
        roles.setdefault(event_id, []).append((role, actor_id))
    sources: dict[int, set[int]] = {}
    pairs = Claim.objects.filter(record_type=ctype, record_id__in=ids).values_list(
        "record_id", "source_id"
    )
    compact = DatasetRow.objects.filter(event_id__in=ids, expanded=False)
    # An imported event not yet expanded keeps its text in its compact row (docs/exchange.md).
    compact_text: dict[int, str] = {}
    for event_id, source_id, text in compact.values_list("event_id", "source_id", "description"):
        sources.setdefault(event_id, set()).add(source_id)
        compact_text[event_id] = text
    for event_id, source_id in pairs.distinct():
        sources.setdefault(event_id, set()).add(source_id)
    claims = _claims_of(ids, look, ctype, compact) if with_claims else {}
    for pk in ids:
        e = events[pk]
        place = look.place(e["place_id"])
        shown = look.places.get(place["id"]) if place else None
        admin = (
            look.places.get(shown.adm1_id) if shown else None,
            look.places.get(shown.adm2_id) if shown else None,
            look.places.get(shown.adm3_id) if shown else None,
        )
        stored = (e["reconciled"] or {}).get("description", {}).get("value", "")
        description = stored or compact_text.get(pk, "")
        yield ExportRow(
            id=pk,
            key=e["external_key"]
            or f"sulh:{e['uid'].hex if hasattr(e['uid'], 'hex') else e['uid']}",
            title=e["title"],
            title_ar=e["title_ar"],
            event_type=e["event_type"],
            sub_event_type=e["sub_event_type"],
            date_start=e["date_start"],
            date_end=e["date_end"],
            date_precision=e["date_precision"],
            place=place,
            admin=admin,
            geo_precision=2 if place and place["coarsened"] else e["geo_precision"],
            fatalities=(e["fatalities_low"], e["fatalities_best"], e["fatalities_high"]),
            actors=[(role, look.actor(a)) for role, a in roles.get(pk, [])],
            sources=[look.source(s) for s in sorted(sources.get(pk, ()))],
            description=description,
            disputed=e["disputed"],
            updated_at=e["updated_at"],
            claims=claims.get(pk, []),
        )


def _claims_of(ids: list[int], look: _Lookups, ctype: Any, compact: Any) -> dict[int, list[dict]]:
    """Claims as ``claim_public`` shows them; compact rows are shown without being expanded."""
    found: dict[int, list[dict]] = {}
    stored = Claim.objects.filter(record_type=ctype, record_id__in=ids).select_related(
        "source", "place", "record_type"
    )
    for claim in stored:
        found.setdefault(claim.record_id, []).append(claim_public(claim, look.user))
    for row in compact:
        for claim in row_claim_objects(row, ctype, source=look.sources[row.source_id]):
            if claim.place_id:
                claim.place = look.places[claim.place_id]
            if claim.actor_id:
                claim.actor = look.actor(claim.actor_id)
            found.setdefault(row.event_id, []).append(claim_public(claim, look.user))
    return found
