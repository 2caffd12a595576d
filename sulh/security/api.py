"""REST routes of the security registers, under /api/v1/security."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from ninja import Field, Query, Router, Schema, Status

from sulh.access.policy import can_write, events_for_user
from sulh.actors.models import Actor
from sulh.claims.actions import do_add_claim
from sulh.places.models import Place
from sulh.security import actions
from sulh.security.access import REGISTERS, get_register_for_user
from sulh.security.geojson import aid_geojson, checkpoints_geojson
from sulh.security.models import (
    HISTORY_FIELDS,
    AidMovement,
    ArmedUnit,
    Checkpoint,
    CheckpointProgramme,
)
from sulh.security.public import PUBLIC
from sulh.security.queries import RegisterFilters, registers, span_public, weapons_balance
from sulh.sources.models import Report, Source

router = Router(tags=["security"])
routes = [("/security", router)]
GEOJSON = "application/geo+json"


class FilterIn(Schema):
    place_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


class BalanceFilterIn(FilterIn):
    actor_id: int | None = Field(None, description="only transfers to or from this actor")


class SourcedIn(Schema):
    source_id: int
    credibility: int = Field(6, ge=1, le=6)
    report_id: int | None = None


class GradeIn(SourcedIn):
    quote: str = Field("", max_length=2000, description="the words of the source")


class RecordIn(SourcedIn):
    name: str = Field(..., max_length=300)
    name_ar: str = Field("", max_length=300)
    values: dict[str, Any] = Field(
        ...,
        description="claim field -> value; places and actors by id, numbers as people write "
        "them ('about 80', '30-40'), dates as 2025-03-06, 2025-03 or a range a/b",
    )
    quotes: dict[str, str] = Field({}, description="claim field -> the words of the source")


class CheckpointIn(RecordIn):
    programme_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    sensitive: bool = False
    location_note: str = Field("", max_length=300)
    status: str = ""
    status_date: str = ""


class AidIn(RecordIn):
    retry_of_id: int | None = None
    status: str = "requested"


class StatusIn(GradeIn):
    status: str
    date: str
    note: str = Field("", max_length=2000)
    checkpoint_id: int | None = None
    place_id: int | None = None
    actor_id: int | None = None


class UnitReportIn(GradeIn):
    field: str
    value: str
    date: str
    note: str = Field("", max_length=2000)


class EventLinkIn(Schema):
    event_id: int


class ClaimIn(GradeIn):
    field: str
    value: Any


class RecordOut(Schema):
    id: int
    kind: str
    name: str
    name_ar: str
    place: dict | None
    date: str
    date_start: date | None
    date_end: date | None
    disputed: bool
    disputed_fields: list[str]
    sources: list[dict]
    events: list[dict]
    url: str
    details: dict = Field(..., description="the fields of this kind of register")


def _out(kind: str, record: Any, user: Any) -> dict:
    data = PUBLIC[kind](record, user)
    common = set(RecordOut.model_fields) - {"details"}
    return {
        **{k: data[k] for k in common},
        "details": _jsonable({k: v for k, v in data.items() if k not in common}),
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _grade(payload: SourcedIn) -> dict:
    source = Source.objects.filter(pk=payload.source_id).first()
    if source is None:
        raise ValidationError({"source_id": f"no source with id {payload.source_id}"})
    report = None
    if payload.report_id is not None:
        report = Report.objects.filter(pk=payload.report_id, source=source).first()
        if report is None:
            raise ValidationError({"report_id": f"no report {payload.report_id} from that source"})
    return {"source": source, "credibility": payload.credibility, "report": report}


def _record_kwargs(payload: RecordIn) -> dict:
    return {
        "name": payload.name,
        "name_ar": payload.name_ar,
        "values": payload.values,
        "quotes": payload.quotes,
        **_grade(payload),
    }


def _forbidden() -> Status:
    return Status(403, {"detail": "your role cannot record security arrangements"})


def _list(kind: str, request: HttpRequest, filters: FilterIn) -> list[dict]:
    rows = registers(request.user, REGISTERS[kind], RegisterFilters(**filters.dict()))
    return [_out(kind, r, request.user) for r in rows]


def _get(kind: str, request: HttpRequest, pk: int) -> dict:
    record, _ = get_register_for_user(request.user, REGISTERS[kind], pk)
    return _out(kind, record, request.user)


def _related(model: Any, pk: int | None, field: str) -> Any:
    if pk is None:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise ValidationError({field: f"no {model._meta.verbose_name} with id {pk}"})
    return obj


# GeoJSON first: "/checkpoints/geojson" must not be read as a checkpoint id.
@router.get("/checkpoints/geojson", response=dict, summary="Checkpoints as GeoJSON")
def checkpoints_as_geojson(request: HttpRequest, filters: Query[FilterIn]):
    rows = registers(request.user, Checkpoint, RegisterFilters(**filters.dict()))
    rows = rows.select_related("place__adm1", "place__adm2", "place__adm3", "manned_by")
    return JsonResponse(checkpoints_geojson(rows, request.user), content_type=GEOJSON)


@router.get("/aid-movements/geojson", response=dict, summary="Aid movements as GeoJSON")
def aid_as_geojson(request: HttpRequest, filters: Query[FilterIn]):
    rows = registers(request.user, AidMovement, RegisterFilters(**filters.dict()))
    return JsonResponse(aid_geojson(rows, request.user), content_type=GEOJSON)


@router.get("/weapons/balance", response=dict, summary="Weapons balance, every figure a range")
def weapons_balance_route(request: HttpRequest, filters: Query[BalanceFilterIn]):
    rows = registers(request.user, REGISTERS["transfer"], RegisterFilters(**filters.dict()))
    balance = weapons_balance(request.user, rows)
    return {
        "directions": [
            {
                "direction": d["direction"],
                "qualifier": d["qualifier"],
                "total": span_public(d["total"]),
                "transfers": [t.pk for t in d["transfers"]],
                "sources": d["sources"],
            }
            for d in balance["directions"]
        ],
        "by_actor": [
            {
                "actor": {"id": a["actor"].pk, "name_en": a["actor"].name_en},
                "received": {k: span_public(v) for k, v in a["received"].items()},
                "gave": {k: span_public(v) for k, v in a["gave"].items()},
                "net": {"low": a["net"][0], "high": a["net"][1]},
            }
            for a in balance["by_actor"]
        ],
        "by_place": [
            {
                "place": p["place"],
                "totals": {k: span_public(v) for k, v in p["totals"].items()},
            }
            for p in balance["by_place"]
        ],
        "over_time": [
            {"date": day.isoformat(), "totals": {k: span_public(v) for k, v in totals.items()}}
            for day, totals in balance["over_time"]
        ],
    }


def _register_routes(kind: str, plural: str) -> None:
    @router.get(f"/{plural}", response=list[RecordOut], operation_id=f"list_{kind}")
    def list_rows(request: HttpRequest, filters: Query[FilterIn]):
        return _list(kind, request, filters)

    @router.get(f"/{plural}/{{pk}}", response=RecordOut, operation_id=f"get_{kind}")
    def get_row(request: HttpRequest, pk: int):
        return _get(kind, request, pk)

    @router.post(
        f"/{plural}/{{pk}}/claims",
        response={201: RecordOut, 403: dict},
        operation_id=f"add_{kind}_claim",
    )
    def add_claim(request: HttpRequest, pk: int, payload: ClaimIn):
        record, writable = get_register_for_user(request.user, REGISTERS[kind], pk)
        if not writable:
            return _forbidden()
        if payload.field in HISTORY_FIELDS:
            raise ValidationError({"field": f"{payload.field} is a dated history; use its route"})
        grade = _grade(payload)
        do_add_claim(
            request.user, record, payload.field, payload.value, quote=payload.quote, **grade
        )
        record.refresh_from_db()
        return Status(201, _out(kind, record, request.user))

    @router.post(
        f"/{plural}/{{pk}}/events",
        response={201: RecordOut, 403: dict},
        operation_id=f"link_{kind}_event",
    )
    def link_event(request: HttpRequest, pk: int, payload: EventLinkIn):
        record, writable = get_register_for_user(request.user, REGISTERS[kind], pk)
        if not writable:
            return _forbidden()
        event = events_for_user(request.user).filter(pk=payload.event_id).first()
        if event is None:
            raise ValidationError({"event_id": f"no event with id {payload.event_id}"})
        actions.do_link_event(request.user, record, event)
        return Status(201, _out(kind, record, request.user))


for _kind, _plural in [
    ("programme", "programmes"),
    ("checkpoint", "checkpoints"),
    ("transfer", "transfers"),
    ("unit", "units"),
    ("aid", "aid-movements"),
]:
    _register_routes(_kind, _plural)


@router.post("/programmes", response={201: RecordOut, 403: dict})
def create_programme(request: HttpRequest, payload: RecordIn):
    if not can_write(request.user):
        return _forbidden()
    record = actions.do_create_checkpoint_programme(request.user, **_record_kwargs(payload))
    return Status(201, _out("programme", record, request.user))


@router.post("/checkpoints", response={201: RecordOut, 403: dict})
def create_checkpoint(request: HttpRequest, payload: CheckpointIn):
    if not can_write(request.user):
        return _forbidden()
    record = actions.do_create_checkpoint(
        request.user,
        programme=_related(CheckpointProgramme, payload.programme_id, "programme_id"),
        latitude=payload.latitude,
        longitude=payload.longitude,
        sensitive=payload.sensitive,
        location_note=payload.location_note,
        status=payload.status,
        status_date=payload.status_date or None,
        **_record_kwargs(payload),
    )
    return Status(201, _out("checkpoint", record, request.user))


@router.post("/checkpoints/{pk}/status", response={201: RecordOut, 403: dict})
def checkpoint_status(request: HttpRequest, pk: int, payload: StatusIn):
    record, writable = get_register_for_user(request.user, Checkpoint, pk)
    if not writable:
        return _forbidden()
    actions.do_record_checkpoint_status(
        request.user,
        record,
        payload.status,
        payload.date,
        note=payload.note,
        quote=payload.quote,
        **_grade(payload),
    )
    record.refresh_from_db()
    return Status(201, _out("checkpoint", record, request.user))


@router.post("/transfers", response={201: RecordOut, 403: dict})
def create_transfer(request: HttpRequest, payload: RecordIn):
    if not can_write(request.user):
        return _forbidden()
    record = actions.do_create_weapons_transfer(request.user, **_record_kwargs(payload))
    return Status(201, _out("transfer", record, request.user))


@router.post("/units", response={201: RecordOut, 403: dict})
def create_unit(request: HttpRequest, payload: RecordIn):
    if not can_write(request.user):
        return _forbidden()
    record = actions.do_create_armed_unit(request.user, **_record_kwargs(payload))
    return Status(201, _out("unit", record, request.user))


@router.post("/units/{pk}/reports", response={201: RecordOut, 403: dict})
def unit_report(request: HttpRequest, pk: int, payload: UnitReportIn):
    record, writable = get_register_for_user(request.user, ArmedUnit, pk)
    if not writable:
        return _forbidden()
    actions.do_record_unit_report(
        request.user,
        record,
        payload.field,
        payload.value,
        payload.date,
        note=payload.note,
        quote=payload.quote,
        **_grade(payload),
    )
    return Status(201, _out("unit", record, request.user))


@router.post("/aid-movements", response={201: RecordOut, 403: dict})
def create_aid(request: HttpRequest, payload: AidIn):
    if not can_write(request.user):
        return _forbidden()
    retry_of = None
    if payload.retry_of_id is not None:
        retry_of, _ = get_register_for_user(request.user, AidMovement, payload.retry_of_id)
    record = actions.do_create_aid_movement(
        request.user, retry_of=retry_of, status=payload.status, **_record_kwargs(payload)
    )
    return Status(201, _out("aid", record, request.user))


@router.post("/aid-movements/{pk}/status", response={201: RecordOut, 403: dict})
def aid_status(request: HttpRequest, pk: int, payload: StatusIn):
    record, writable = get_register_for_user(request.user, AidMovement, pk)
    if not writable:
        return _forbidden()
    checkpoint = None
    if payload.checkpoint_id is not None:
        checkpoint, _ = get_register_for_user(request.user, Checkpoint, payload.checkpoint_id)
    actions.do_record_aid_status(
        request.user,
        record,
        payload.status,
        payload.date,
        checkpoint=checkpoint,
        place=_related(Place, payload.place_id, "place_id"),
        actor=_related(Actor, payload.actor_id, "actor_id"),
        note=payload.note,
        quote=payload.quote,
        **_grade(payload),
    )
    record.refresh_from_db()
    return Status(201, _out("aid", record, request.user))
