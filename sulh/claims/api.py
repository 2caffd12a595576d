from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from sulh.access.policy import can_write, get_event_for_user
from sulh.access.redact import claim_public
from sulh.claims.actions import do_add_claim, do_review_claim
from sulh.claims.models import Claim
from sulh.sources.models import Report, Source

router = Router(tags=["claims"])
routes = [("/claims", router)]


class SourceRef(Schema):
    id: int
    kind: str
    safe_description: str
    safe_description_ar: str
    reliability: str


class ClaimOut(Schema):
    id: int
    field: str
    kind: str
    display: str
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    date_start: date | None
    date_end: date | None
    date_precision: str
    place: dict | None
    actor_id: int | None
    value: str
    text: str
    source: SourceRef
    credibility: int
    grade: str
    status: str
    report_id: int | None
    quote: str
    span: list[int] | None
    recorded_at: datetime
    supersedes_id: int | None


class ClaimIn(Schema):
    event_id: int
    field: str = Field(..., max_length=64)
    value: Any = Field(
        ..., description="number or range text, date text, place/actor id, category key"
    )
    source_id: int
    credibility: int = Field(6, ge=1, le=6)
    report_id: int | None = None
    quote: str = ""
    status: str = Field("accepted", pattern="^(accepted|proposed)$")
    note: str = ""


class ReviewIn(Schema):
    decision: str = Field(..., pattern="^(accepted|rejected)$")
    note: str = ""


def _claim_for_user(request: HttpRequest, claim_id: int) -> Claim:
    claim = Claim.objects.select_related("source", "place").filter(pk=claim_id).first()
    if claim is None:
        raise ValidationError({"claim_id": f"no claim with id {claim_id}"})
    get_event_for_user(request.user, claim.record_id)  # 404 unless the user sees the record
    return claim


@router.get("", response=list[ClaimOut])
def list_claims(request: HttpRequest, event_id: int):
    event, _ = get_event_for_user(request.user, event_id)
    from sulh.claims.models import record_claims

    claims = record_claims(event).select_related("source", "place", "record_type")
    return [claim_public(c, request.user) for c in claims]


@router.post("", response={201: ClaimOut, 403: dict})
def create_claim(request: HttpRequest, payload: ClaimIn):
    event, writable = get_event_for_user(request.user, payload.event_id)
    if not writable:
        return Status(403, {"detail": "your role cannot add claims"})
    source = Source.objects.filter(pk=payload.source_id).first()
    if source is None:
        raise ValidationError({"source_id": f"no source with id {payload.source_id}"})
    report = None
    if payload.report_id is not None:
        report = Report.objects.filter(pk=payload.report_id).first()
        if report is None:
            raise ValidationError({"report_id": f"no report with id {payload.report_id}"})
    claim = do_add_claim(
        request.user,
        event,
        payload.field,
        payload.value,
        source=source,
        credibility=payload.credibility,
        report=report,
        quote=payload.quote,
        status=payload.status,
        note=payload.note,
    )
    return Status(201, claim_public(claim, request.user))


@router.post("/{claim_id}/review", response={200: ClaimOut, 403: dict})
def review_claim(request: HttpRequest, claim_id: int, payload: ReviewIn):
    claim = _claim_for_user(request, claim_id)
    if not can_write(request.user):
        return Status(403, {"detail": "your role cannot review claims"})
    reviewed = do_review_claim(request.user, claim, payload.decision, payload.note)
    return Status(200, claim_public(reviewed, request.user))
