"""API of text intake: a dry run of the extractor, storing a text, the queue and decisions."""

from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from sulh.access.policy import get_event_for_user
from sulh.access.redact import place_public
from sulh.intake.access import can_use_intake, get_proposal_for_user, proposals_for_user
from sulh.intake.actions import (
    do_accept_proposal,
    do_ingest_text,
    do_reject_proposal,
    guess_language,
    proposed_values,
)
from sulh.intake.extract import extract
from sulh.intake.extract.formats import FormatError, to_text
from sulh.intake.extract.output import events_json
from sulh.intake.models import ExtractionProposal, ProposalStatus
from sulh.intake.suggest import suggest_event
from sulh.lib.dates import parse_date_span
from sulh.sources.models import ReportKind, Source

router = Router(tags=["intake"])

FORBIDDEN = {"detail": "your role cannot use intake"}


class ExtractIn(Schema):
    text: str = Field(..., min_length=1, max_length=200_000)
    report_date: date | None = None
    lang: str = Field("", pattern="^(|en|ar)$")
    format: str = Field("text", pattern="^(text|markdown|html)$")


class IngestIn(ExtractIn):
    source_id: int
    kind: str = ReportKind.INTERVIEW
    title: str = Field("", max_length=200)


class ProposalOut(Schema):
    id: int
    report_id: int
    position: int
    status: str
    extractor: str
    event_type: str
    proposal: dict[str, Any]
    place: dict | None
    quote: str
    span: list[int]
    suggested_event_id: int | None
    event_id: int | None


class IngestOut(Schema):
    report_id: int
    proposals: list[ProposalOut]


class AcceptIn(Schema):
    event_id: int | None = Field(None, description="attach to this event; omit for a new one")
    values: dict[str, Any] | None = Field(
        None, description="claim values as edited; omit to accept what was proposed"
    )
    title: str = Field("", max_length=300)
    title_ar: str = Field("", max_length=300)
    credibility: int = Field(6, ge=1, le=6)


class RejectIn(Schema):
    note: str = Field("", max_length=1000)


class QueueFilter(Schema):
    status: str = ProposalStatus.PROPOSED
    report_id: int | None = None


def _text(payload: ExtractIn) -> str:
    try:
        return to_text(payload.text, payload.format)
    except FormatError as exc:
        raise ValidationError({"format": str(exc)}) from exc


def _suggested(request: HttpRequest, proposal: ExtractionProposal):
    if proposal.status != ProposalStatus.PROPOSED:
        return None
    data = proposal.data
    when = data.get("date") or {}
    return suggest_event(
        request.user,
        proposal.event_type,
        parse_date_span(when["start"]).start if when else None,
        parse_date_span(when["end"]).start if when else None,
        proposal.place,
        {a["id"] for a in data.get("actors", [])},
    )


def proposal_out(request: HttpRequest, proposal: ExtractionProposal) -> dict[str, Any]:
    suggested = _suggested(request, proposal)
    return {
        "id": proposal.pk,
        "report_id": proposal.report_id,
        "position": proposal.position,
        "status": proposal.status,
        "extractor": proposal.extractor,
        "event_type": proposal.event_type,
        "proposal": proposal.data,
        "place": place_public(proposal.place, request.user) if proposal.place_id else None,
        "quote": proposal.quote,
        "span": [proposal.span_start, proposal.span_end],
        "suggested_event_id": suggested.pk if suggested else None,
        "event_id": proposal.event_id,
    }


@router.post("/extract", response={200: dict, 403: dict})
def extract_dry_run(request: HttpRequest, payload: ExtractIn):
    """Proposals for a text in the shape ``sulh extract --json`` prints; nothing is stored."""
    if not can_use_intake(request.user):
        return Status(403, FORBIDDEN)
    text = _text(payload)
    day = payload.report_date or timezone.localdate()
    return Status(200, events_json(extract(text, day, payload.lang or guess_language(text))))


@router.post("/texts", response={201: IngestOut, 403: dict})
def ingest_text(request: HttpRequest, payload: IngestIn):
    """Store a text as a report and queue its proposals for review."""
    if not can_use_intake(request.user):
        return Status(403, FORBIDDEN)
    source = Source.objects.filter(pk=payload.source_id).first()
    if source is None:
        raise ValidationError({"source_id": f"no source with id {payload.source_id}"})
    received = None
    if payload.report_date:
        received = timezone.make_aware(datetime.combine(payload.report_date, time(12, 0)))
    report, proposals = do_ingest_text(
        request.user,
        source=source,
        text=_text(payload),
        received_at=received,
        kind=payload.kind,
        title=payload.title,
        language=payload.lang,
    )
    return Status(
        201, {"report_id": report.pk, "proposals": [proposal_out(request, p) for p in proposals]}
    )


@router.get("/proposals", response={200: list[ProposalOut], 403: dict})
def list_proposals(request: HttpRequest, filters: Query[QueueFilter]):
    if not can_use_intake(request.user):
        return Status(403, FORBIDDEN)
    rows = proposals_for_user(request.user).filter(status=filters.status)
    if filters.report_id:
        rows = rows.filter(report_id=filters.report_id)
    rows = rows.select_related("report", "place__adm3").order_by("-report_id", "position")[:500]
    return Status(200, [proposal_out(request, p) for p in rows])


@router.get("/proposals/{proposal_id}", response={200: ProposalOut, 403: dict})
def get_proposal(request: HttpRequest, proposal_id: int):
    if not can_use_intake(request.user):
        return Status(403, FORBIDDEN)
    return Status(200, proposal_out(request, get_proposal_for_user(request.user, proposal_id)))


@router.post("/proposals/{proposal_id}/accept", response={200: ProposalOut, 403: dict})
def accept_proposal(request: HttpRequest, proposal_id: int, payload: AcceptIn):
    """Accept (as proposed, or with ``values`` edited) onto a new event or ``event_id``."""
    if not can_use_intake(request.user):
        return Status(403, FORBIDDEN)
    proposal = get_proposal_for_user(request.user, proposal_id)
    event = None
    if payload.event_id is not None:
        event, _writable = get_event_for_user(request.user, payload.event_id)
    do_accept_proposal(
        request.user,
        proposal,
        values=payload.values or proposed_values(proposal),
        event=event,
        title=payload.title,
        title_ar=payload.title_ar,
        credibility=payload.credibility,
    )
    return Status(200, proposal_out(request, proposal))


@router.post("/proposals/{proposal_id}/reject", response={200: ProposalOut, 403: dict})
def reject_proposal(request: HttpRequest, proposal_id: int, payload: RejectIn):
    if not can_use_intake(request.user):
        return Status(403, FORBIDDEN)
    proposal = get_proposal_for_user(request.user, proposal_id)
    do_reject_proposal(request.user, proposal, payload.note)
    return Status(200, proposal_out(request, proposal))
