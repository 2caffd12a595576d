from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from sulh.access.policy import can_write, events_for_user, get_event_for_user
from sulh.access.redact import claim_public, event_public
from sulh.claims.api import ClaimOut
from sulh.claims.models import prefetch_reconciled, record_claims
from sulh.events.actions import do_create_event
from sulh.events.queries import EventFilters, filter_events
from sulh.lib.pagination import MappedPage
from sulh.sources.models import Report, Source

router = Router(tags=["events"])
routes = [("/events", router)]


class ActorRole(Schema):
    role: str
    actor_id: int | None
    name: str
    name_ar: str
    disputed: bool


class EventOut(Schema):
    id: int
    uid: str
    title: str
    title_ar: str
    event_type: str
    sub_event_type: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    place: dict | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: dict
    disputed: bool
    disputed_fields: list[str]
    reconciled: dict
    actors: list[ActorRole]
    origin: str


class EventDetailOut(EventOut):
    claims: list[ClaimOut]


class EventFilterIn(Schema):
    date_from: date | None = None
    date_to: date | None = None
    place_id: int | None = None
    event_type: str = ""
    actor_id: int | None = None
    disputed: bool = False
    q: str = ""


class EventIn(Schema):
    title: str = Field(..., max_length=300)
    title_ar: str = Field("", max_length=300)
    source_id: int
    credibility: int = Field(6, ge=1, le=6)
    report_id: int | None = None
    values: dict[str, Any] = Field(
        ...,
        description="claim field -> value, e.g. {'event_type': 'threat', 'date': '2025-03-06', "
        "'killed': 'about 14'}",
    )


def _events(request: HttpRequest):
    return events_for_user(request.user).select_related("place__adm1", "place__adm2", "place__adm3")


@router.get("", response=list[EventOut])
@paginate
def list_events(request: HttpRequest, filters: Query[EventFilterIn]):
    events = filter_events(_events(request), EventFilters(**filters.dict()))

    def items(page: list) -> list[dict]:
        prefetch_reconciled(page)
        return [event_public(e, request.user) for e in page]

    return MappedPage(events.prefetch_related("actor_roles__actor"), items)


@router.get("/{event_id}", response=EventDetailOut)
def get_event(request: HttpRequest, event_id: int):
    event, _ = get_event_for_user(request.user, event_id)
    claims = record_claims(event).select_related("source", "place", "record_type")
    return {
        **event_public(event, request.user),
        "claims": [claim_public(c, request.user) for c in claims],
    }


@router.post("", response={201: EventDetailOut, 403: dict})
def create_event(request: HttpRequest, payload: EventIn):
    if not can_write(request.user):
        return Status(403, {"detail": "your role cannot record events"})
    source = Source.objects.filter(pk=payload.source_id).first()
    if source is None:
        raise ValidationError({"source_id": f"no source with id {payload.source_id}"})
    report = None
    if payload.report_id is not None:
        report = Report.objects.filter(pk=payload.report_id, source=source).first()
        if report is None:
            raise ValidationError({"report_id": f"no report {payload.report_id} from that source"})
    event = do_create_event(
        request.user,
        title=payload.title,
        title_ar=payload.title_ar,
        source=source,
        credibility=payload.credibility,
        report=report,
        values=payload.values,
    )
    return Status(201, get_event(request, event.pk))
