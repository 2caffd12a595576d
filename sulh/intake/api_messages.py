"""API of the messaging half of intake: import an export, read the threat series."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from sulh.access.policy import can_write
from sulh.intake.actions_messages import do_import_messages
from sulh.intake.messaging.cli import resolve_place
from sulh.intake.messaging.threats import reason_label
from sulh.intake.threats import days_shown, threat_day_for_user, threat_rows
from sulh.intake.views_messages import get_import_for_user
from sulh.sources.models import Source

threats_router = Router(tags=["intake"])
imports_router = Router(tags=["intake"])
routes = [("/intake/threats", threats_router), ("/intake/message-imports", imports_router)]
MAX_CONTENT = 20 * 1024 * 1024


class ImportIn(Schema):
    format: str = Field(..., pattern="^(whatsapp|telegram)$")
    content: str = Field(..., description="the export file's text (a .txt or result.json)")
    source_id: int | None = None
    place: str = Field("", description="place id, P-code or name")
    date_order: str | None = Field(None, pattern="^(dmy|mdy|ymd)$")
    tz: str | None = None


class ImportOut(Schema):
    id: int
    format: str
    source_id: int
    place_id: int | None
    messages_total: int
    messages_new: int
    messages_duplicate: int
    threats_new: int
    system_lines: int


class ReasonOut(Schema):
    code: str
    label: str
    messages: int


class ThreatDayOut(Schema):
    day: date
    place: dict
    count: int
    reasons: list[ReasonOut]


class ThreatFilter(Schema):
    place: str = Field("", description="place id, P-code or name; places inside it count too")
    start: date | None = Field(None, alias="from")
    end: date | None = Field(None, alias="to")


class ThreatMessageOut(Schema):
    report_id: int
    sent_at: str
    sender: str
    text: str
    reasons: list[dict]


@imports_router.post("", response={201: ImportOut, 403: dict})
def create_import(request: HttpRequest, payload: ImportIn):
    if not can_write(request.user):
        return Status(403, {"detail": "your role cannot import messages"})
    if len(payload.content) > MAX_CONTENT:
        raise ValidationError({"content": "the export is larger than 20 MB"})
    source = None
    if payload.source_id is not None:
        source = Source.objects.filter(pk=payload.source_id).first()
        if source is None:
            raise ValidationError({"source_id": f"no source with id {payload.source_id}"})
    place = resolve_place(payload.place)
    if payload.place and place is None:
        raise ValidationError({"place": f"no place found for {payload.place!r}"})
    batch = do_import_messages(
        request.user,
        fmt=payload.format,
        data=payload.content,
        source=source,
        place=place,
        date_order=payload.date_order,
        tz=payload.tz,
    )
    return Status(201, batch)


@imports_router.get("/{import_id}", response={200: ImportOut, 403: dict})
def get_import(request: HttpRequest, import_id: int):
    try:
        return get_import_for_user(request.user, import_id)
    except PermissionDenied:
        return Status(403, {"detail": "your role cannot use intake"})


@threats_router.get("", response=list[ThreatDayOut])
def threat_series(request: HttpRequest, filters: Query[ThreatFilter]):
    """Threatening messages per day and targeted place, in the caller's areas; counts only."""
    place, start, end = filters.place, filters.start, filters.end
    where = resolve_place(place) if place else None
    if place and where is None:
        raise ValidationError({"place": f"no place found for {place!r}"})
    start, end = days_shown(request.user, start, end)
    if start > end:
        raise ValidationError({"from": "from is after to"})
    return [
        {
            "day": row.day,
            "place": row.place,
            "count": row.count,
            "reasons": [{"code": c, "label": label, "messages": n} for c, label, n in row.reasons],
        }
        for row in threat_rows(request.user, where, start, end)
    ]


@threats_router.get("/{place_id}/{day}", response=list[ThreatMessageOut])
def threat_day(request: HttpRequest, place_id: int, day: date):
    """The flagged messages behind one count (not for partners)."""
    try:
        reports = threat_day_for_user(request.user, place_id, day)
    except PermissionDenied:
        raise HttpError(403, "partners see counts only") from None
    except Http404:
        raise HttpError(404, "no threats there that day") from None
    return [
        {
            "report_id": r.pk,
            "sent_at": r.received_at.isoformat(),
            "sender": r.imported_message.short_sender,
            "text": r.text,
            "reasons": [
                {"code": x["code"], "label": reason_label(x["code"]), "match": x["match"]}
                for x in r.imported_message.threat_reasons
            ],
        }
        for r in reports
    ]
