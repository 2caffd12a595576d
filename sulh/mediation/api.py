"""The mediation API: cases and everything recorded in them. Partners get briefs only."""

from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from sulh.access.policy import can_write, events_for_user
from sulh.access.redact import claim_public, is_partner
from sulh.actors.models import Actor
from sulh.claims.actions import do_add_claim
from sulh.claims.api import ClaimOut
from sulh.mediation import actions
from sulh.mediation.access import cases_for_user, get_case_for_user, get_case_page_for_user
from sulh.mediation.brief import brief_data, brief_markdown
from sulh.mediation.models import Case, CaseEvent
from sulh.mediation.public import (
    agreement_public,
    case_public,
    commitment_public,
    contact_public,
    meeting_public,
    party_public,
    position_public,
)
from sulh.mediation.queries import TIMELINE_KINDS, case_timeline, desk_for
from sulh.places.models import Place
from sulh.sources.models import Source

router = Router(tags=["mediation"])
routes = [("/mediation", router)]

DENIED = {403: dict}


# Shapes ----------------------------------------------------------------------------------------


class Numbers(Schema):
    low: int | None
    best: int | None
    high: int | None


class SourceRef(Schema):
    id: int
    kind: str
    safe_description: str
    safe_description_ar: str
    reliability: str


class Sourced(Schema):
    source: SourceRef
    grade: str
    disputed_fields: list[str]
    reconciled: dict


class CaseOut(Schema):
    id: int
    title: str
    title_ar: str
    summary: str
    status: str
    closed_reason: str
    areas: list[dict]
    mediators: list[str]
    updated_at: datetime


class PartyOut(Schema):
    id: int
    actor_id: int
    actor: str
    role: str
    note: str


class ContactOut(Schema):
    id: int
    role: str
    party_id: int | None
    source: SourceRef | None


class MeetingOut(Sourced):
    id: int
    case_id: int
    kind: str
    title: str
    held_at: datetime
    place: dict | None
    convener_id: int | None
    attendees: list[dict]
    attendance: Numbers | None
    agenda: str
    notes: str
    outcome: str
    follow_ups: str


class PositionOut(Sourced):
    id: int
    case_id: int
    party_id: int
    party: str
    kind: str
    text: str
    text_ar: str
    date_start: date | None
    date_end: date | None
    quantity: Numbers | None
    meeting_id: int | None


class AgreementOut(Sourced):
    id: int
    case_id: int
    title: str
    title_ar: str
    form: str
    date_start: date | None
    date_end: date | None
    signatories: list[dict]
    term_ids: list[int]
    meeting_id: int | None


class ChangeOut(Schema):
    id: int
    status: str
    previous: str
    effective_on: date
    event_id: int | None
    claim_id: int | None
    source: SourceRef | None
    note: str
    recorded_at: datetime


class CommitmentOut(Sourced):
    id: int
    case_id: int
    obliged_id: int
    obliged: str
    action: str
    action_ar: str
    deadline: date | None
    quantity: Numbers | None
    status: str
    overdue: bool
    agreement_id: int | None
    meeting_id: int | None
    condition_id: int | None
    history: list[ChangeOut]


class CaseDetailOut(CaseOut):
    parties: list[PartyOut]
    contacts: list[ContactOut]
    event_ids: list[int]
    meetings: list[MeetingOut]
    positions: list[PositionOut]
    agreements: list[AgreementOut]
    commitments: list[CommitmentOut]


class TimelineOut(Schema):
    kind: str
    date: date | None
    id: int
    title: str


class DeskOut(Schema):
    cases: list[CaseOut]
    overdue: list[CommitmentOut]
    due_this_week: list[CommitmentOut]
    broken_or_refused: list[CommitmentOut]
    meetings_today: list[MeetingOut]
    event_ids: list[int]


class CaseIn(Schema):
    title: str = Field(..., max_length=300)
    title_ar: str = Field("", max_length=300)
    summary: str = ""
    status: str = "open"
    closed_reason: str = ""
    area_ids: list[int] = []


class CaseStatusIn(Schema):
    status: str
    reason: str = ""


class PartyIn(Schema):
    actor_id: int
    role: str = "party"
    note: str = ""


class ContactIn(Schema):
    role: str = Field(..., max_length=200)
    party_id: int | None = None
    actor_id: int | None = None
    source_id: int | None = None


class EventLinkIn(Schema):
    event_id: int
    relation: str = "during"


class SourcedIn(Schema):
    source_id: int
    credibility: int = Field(6, ge=1, le=6)
    quote: str = ""


class AttendeeIn(Schema):
    actor_id: int | None = None
    contact_id: int | None = None
    role: str = ""
    count: str = Field("", description="12, about 40, 30-40")


class MeetingIn(SourcedIn):
    title: str = Field(..., max_length=300)
    kind: str = "meeting"
    held_at: datetime
    place_id: int | None = None
    convener_id: int | None = None
    attendees: list[AttendeeIn] = []
    attendance: str | None = None
    agenda: str = ""
    notes: str = ""
    outcome: str = ""
    follow_ups: str = ""


class PositionIn(SourcedIn):
    party_id: int
    kind: str = Field(..., description="demand or offer")
    text: str = ""
    text_ar: str = ""
    date: str = Field(..., description="2025-03-07, 2025-03, 2025-03-10/2025-03-15")
    quantity: str | None = None
    meeting_id: int | None = None


class SignatoryIn(Schema):
    actor_id: int
    role: str = "party"


class AgreementIn(SourcedIn):
    title: str = Field(..., max_length=300)
    title_ar: str = ""
    form: str = "verbal"
    date: str
    signatories: list[SignatoryIn]
    meeting_id: int | None = None


class CommitmentIn(SourcedIn):
    obliged_id: int
    action: str = ""
    action_ar: str = ""
    deadline: str | None = None
    quantity: str | None = None
    agreement_id: int | None = None
    meeting_id: int | None = None
    condition_id: int | None = None


class StatusIn(Schema):
    status: str
    event_id: int | None = None
    source_id: int | None = None
    credibility: int = Field(6, ge=1, le=6)
    quote: str = ""
    effective_on: date | None = None
    note: str = ""


class RecordClaimIn(SourcedIn):
    record: str = Field(..., pattern="^(meeting|position|agreement|commitment)$")
    record_id: int
    field: str
    value: Any


class TimelineFilter(Schema):
    kind: list[str] = []
    actor_id: int | None = None


# Helpers ---------------------------------------------------------------------------------------


def _case(request: HttpRequest, case_id: int) -> Case:
    try:
        case, _writable = get_case_page_for_user(request.user, case_id)
    except PermissionDenied:
        raise HttpError(403, "partners read case briefs: /cases/{id}/brief") from None
    return case


def _writable(request: HttpRequest, case_id: int) -> Case:
    case = _case(request, case_id)
    if not can_write(request.user):
        raise HttpError(403, "your role cannot record in cases")
    return case


def _get(model: type, pk: int | None, field: str, **scope: Any) -> Any:
    if pk is None:
        return None
    found = model.objects.filter(pk=pk, **scope).first()
    if found is None:
        raise ValidationError({field: f"no {model._meta.verbose_name} with id {pk}"})
    return found


def _detail(case: Case, user: Any) -> dict:
    return {
        **case_public(case, user),
        "parties": [party_public(p, user) for p in case.parties.select_related("actor")],
        "contacts": [contact_public(c, user) for c in case.contacts.select_related("source")],
        "event_ids": list(
            events_for_user(user).filter(mediation_cases=case).values_list("pk", flat=True)
        ),
        "meetings": [meeting_public(m, user) for m in _meetings(case)],
        "positions": [position_public(p, user) for p in _positions(case)],
        "agreements": [agreement_public(a, user) for a in _agreements(case)],
        "commitments": [commitment_public(c, user) for c in _commitments(case)],
    }


def _meetings(case: Case):
    return case.meetings.select_related("source", "place").prefetch_related("attendees")


def _positions(case: Case):
    return case.positions.select_related("source", "party")


def _agreements(case: Case):
    return case.agreements.select_related("source").prefetch_related("signatories", "terms")


def _commitments(case: Case):
    return case.commitments.select_related("source", "obliged")


# Cases -----------------------------------------------------------------------------------------


@router.get("/cases", response=list[CaseOut])
def list_cases(request: HttpRequest, status: str = ""):
    """Cases the user may see; partners see them too, to reach their briefs."""
    cases = cases_for_user(request.user).prefetch_related("areas", "mediators")
    if status:
        cases = cases.filter(status=status)
    return [case_public(c, request.user) for c in cases]


@router.post("/cases", response={201: CaseDetailOut, **DENIED})
def create_case(request: HttpRequest, payload: CaseIn):
    if is_partner(request.user) or not can_write(request.user):
        return Status(403, {"detail": "your role cannot open cases"})
    areas = [_get(Place, pk, "area_ids") for pk in payload.area_ids]
    case = actions.do_create_case(
        request.user,
        title=payload.title,
        title_ar=payload.title_ar,
        summary=payload.summary,
        status=payload.status,
        closed_reason=payload.closed_reason,
        areas=areas,
        mediators=[request.user],
    )
    return Status(201, _detail(case, request.user))


@router.get("/cases/{case_id}", response={200: CaseDetailOut, **DENIED})
def get_case(request: HttpRequest, case_id: int):
    return Status(200, _detail(_case(request, case_id), request.user))


@router.get("/cases/{case_id}/brief", response=dict)
def get_brief(request: HttpRequest, case_id: int):
    """The redacted brief (also as Markdown): no source, no report text, no meeting notes."""
    case, _writable = get_case_for_user(request.user, case_id)
    return {**brief_data(case, request.user), "markdown": brief_markdown(case, request.user)}


@router.get("/cases/{case_id}/timeline", response={200: list[TimelineOut], **DENIED})
def get_timeline(request: HttpRequest, case_id: int, filters: Query[TimelineFilter]):
    case = _case(request, case_id)
    kinds = {k for k in filters.kind if k in TIMELINE_KINDS} or None
    rows = []
    for entry in case_timeline(case, request.user, kinds, filters.actor_id):
        obj = entry.obj
        title = {
            "meeting": lambda o: o.title,
            "position": lambda o: f"{o.party}: {o.text}",
            "agreement": lambda o: o.title,
            "commitment": lambda o: f"{o.commitment.obliged}: {o.commitment.action} -> {o.status}",
            "event": lambda o: o.title,
        }[entry.kind](obj)
        rows.append({"kind": entry.kind, "date": entry.day, "id": obj.pk, "title": title})
    return Status(200, rows)


@router.post("/cases/{case_id}/status", response={200: CaseOut, **DENIED})
def set_case_status(request: HttpRequest, case_id: int, payload: CaseStatusIn):
    case = _writable(request, case_id)
    actions.do_set_case_status(request.user, case, payload.status, payload.reason)
    return Status(200, case_public(case, request.user))


@router.get("/cases/{case_id}/parties", response={200: list[PartyOut], **DENIED})
def list_parties(request: HttpRequest, case_id: int):
    case = _case(request, case_id)
    return Status(
        200, [party_public(p, request.user) for p in case.parties.select_related("actor")]
    )


@router.post("/cases/{case_id}/parties", response={201: PartyOut, **DENIED})
def add_party(request: HttpRequest, case_id: int, payload: PartyIn):
    case = _writable(request, case_id)
    actor = _get(Actor, payload.actor_id, "actor_id")
    party = actions.do_add_party(request.user, case, actor, payload.role, payload.note)
    return Status(201, party_public(party, request.user))


@router.get("/cases/{case_id}/contacts", response={200: list[ContactOut], **DENIED})
def list_contacts(request: HttpRequest, case_id: int):
    case = _case(request, case_id)
    return Status(
        200, [contact_public(c, request.user) for c in case.contacts.select_related("source")]
    )


@router.post("/cases/{case_id}/contacts", response={201: ContactOut, **DENIED})
def add_contact(request: HttpRequest, case_id: int, payload: ContactIn):
    case = _writable(request, case_id)
    contact = actions.do_add_contact_person(
        request.user,
        case,
        role=payload.role,
        party=_get(case.parties.model, payload.party_id, "party_id", case=case),
        actor=_get(Actor, payload.actor_id, "actor_id"),
        source=_get(Source, payload.source_id, "source_id"),
    )
    return Status(201, contact_public(contact, request.user))


class MediatorIn(Schema):
    username: str


@router.post("/cases/{case_id}/mediators", response={200: CaseOut, **DENIED})
def add_mediator(request: HttpRequest, case_id: int, payload: MediatorIn):
    case = _writable(request, case_id)
    user = get_user_model().objects.filter(username=payload.username, is_active=True).first()
    if user is None:
        raise ValidationError({"username": f"no active user {payload.username!r}"})
    actions.do_add_case_mediator(request.user, case, user)
    return Status(200, case_public(case, request.user))


@router.post("/cases/{case_id}/events", response={201: dict, **DENIED})
def link_event(request: HttpRequest, case_id: int, payload: EventLinkIn):
    case = _writable(request, case_id)
    event = events_for_user(request.user).filter(pk=payload.event_id).first()
    if event is None:
        raise ValidationError({"event_id": f"no event with id {payload.event_id}"})
    if payload.relation not in CaseEvent.Relation.values:
        raise ValidationError({"relation": "trigger or during"})
    actions.do_link_case_event(request.user, case, event, payload.relation)
    return Status(201, {"case_id": case.pk, "event_id": event.pk, "relation": payload.relation})


# Meetings, positions, agreements, commitments --------------------------------------------------


@router.get("/cases/{case_id}/meetings", response={200: list[MeetingOut], **DENIED})
def list_meetings(request: HttpRequest, case_id: int):
    case = _case(request, case_id)
    return Status(200, [meeting_public(m, request.user) for m in _meetings(case)])


@router.post("/cases/{case_id}/meetings", response={201: MeetingOut, **DENIED})
def record_meeting(request: HttpRequest, case_id: int, payload: MeetingIn):
    case = _writable(request, case_id)
    attendees = [
        {
            "actor": _get(Actor, a.actor_id, "attendees"),
            "contact": _get(case.contacts.model, a.contact_id, "attendees", case=case),
            "role": a.role,
            "count": a.count,
        }
        for a in payload.attendees
    ]
    meeting = actions.do_record_meeting(
        request.user,
        case,
        title=payload.title,
        kind=payload.kind,
        held_at=payload.held_at,
        place=_get(Place, payload.place_id, "place_id"),
        convener=_get(Actor, payload.convener_id, "convener_id"),
        attendees=attendees,
        attendance=payload.attendance,
        agenda=payload.agenda,
        notes=payload.notes,
        outcome=payload.outcome,
        follow_ups=payload.follow_ups,
        source=_get(Source, payload.source_id, "source_id"),
        credibility=payload.credibility,
        quote=payload.quote,
    )
    return Status(201, meeting_public(meeting, request.user))


@router.get("/cases/{case_id}/positions", response={200: list[PositionOut], **DENIED})
def list_positions(request: HttpRequest, case_id: int):
    case = _case(request, case_id)
    return Status(200, [position_public(p, request.user) for p in _positions(case)])


@router.post("/cases/{case_id}/positions", response={201: PositionOut, **DENIED})
def record_position(request: HttpRequest, case_id: int, payload: PositionIn):
    case = _writable(request, case_id)
    position = actions.do_record_position(
        request.user,
        case,
        party=_get(Actor, payload.party_id, "party_id"),
        kind=payload.kind,
        text=payload.text,
        text_ar=payload.text_ar,
        date=payload.date,
        quantity=payload.quantity,
        meeting=_get(case.meetings.model, payload.meeting_id, "meeting_id", case=case),
        source=_get(Source, payload.source_id, "source_id"),
        credibility=payload.credibility,
        quote=payload.quote,
    )
    return Status(201, position_public(position, request.user))


@router.get("/cases/{case_id}/agreements", response={200: list[AgreementOut], **DENIED})
def list_agreements(request: HttpRequest, case_id: int):
    case = _case(request, case_id)
    return Status(200, [agreement_public(a, request.user) for a in _agreements(case)])


@router.post("/cases/{case_id}/agreements", response={201: AgreementOut, **DENIED})
def record_agreement(request: HttpRequest, case_id: int, payload: AgreementIn):
    case = _writable(request, case_id)
    agreement = actions.do_record_agreement(
        request.user,
        case,
        title=payload.title,
        title_ar=payload.title_ar,
        form=payload.form,
        date=payload.date,
        signatories=[(_get(Actor, s.actor_id, "signatories"), s.role) for s in payload.signatories],
        meeting=_get(case.meetings.model, payload.meeting_id, "meeting_id", case=case),
        source=_get(Source, payload.source_id, "source_id"),
        credibility=payload.credibility,
        quote=payload.quote,
    )
    return Status(201, agreement_public(agreement, request.user))


@router.get("/cases/{case_id}/commitments", response={200: list[CommitmentOut], **DENIED})
def list_commitments(request: HttpRequest, case_id: int, status: str = "", overdue: bool = False):
    case = _case(request, case_id)
    rows = [commitment_public(c, request.user) for c in _commitments(case)]
    if status:
        rows = [r for r in rows if r["status"] == status]
    if overdue:
        rows = [r for r in rows if r["overdue"]]
    return Status(200, rows)


@router.post("/cases/{case_id}/commitments", response={201: CommitmentOut, **DENIED})
def add_commitment(request: HttpRequest, case_id: int, payload: CommitmentIn):
    """A commitment; with ``agreement_id`` it is a term of that agreement."""
    case = _writable(request, case_id)
    commitment = actions.do_add_commitment(
        request.user,
        case,
        obliged=_get(Actor, payload.obliged_id, "obliged_id"),
        action=payload.action,
        action_ar=payload.action_ar,
        deadline=payload.deadline,
        quantity=payload.quantity,
        agreement=_get(case.agreements.model, payload.agreement_id, "agreement_id", case=case),
        meeting=_get(case.meetings.model, payload.meeting_id, "meeting_id", case=case),
        condition=_get(case.commitments.model, payload.condition_id, "condition_id", case=case),
        source=_get(Source, payload.source_id, "source_id"),
        credibility=payload.credibility,
        quote=payload.quote,
    )
    return Status(201, commitment_public(commitment, request.user))


@router.post(
    "/cases/{case_id}/commitments/{commitment_id}/status",
    response={200: CommitmentOut, **DENIED},
)
def change_commitment_status(
    request: HttpRequest, case_id: int, commitment_id: int, payload: StatusIn
):
    """A new status, with evidence: ``event_id`` (an event that shows it) or ``source_id``."""
    case = _writable(request, case_id)
    commitment = _get(case.commitments.model, commitment_id, "commitment_id", case=case)
    event = None
    if payload.event_id is not None:
        event = events_for_user(request.user).filter(pk=payload.event_id).first()
        if event is None:
            raise ValidationError({"event_id": f"no event with id {payload.event_id}"})
    actions.do_change_commitment_status(
        request.user,
        commitment,
        payload.status,
        event=event,
        source=_get(Source, payload.source_id, "source_id"),
        credibility=payload.credibility,
        quote=payload.quote,
        effective_on=payload.effective_on,
        note=payload.note,
    )
    commitment.refresh_from_db()
    return Status(200, commitment_public(commitment, request.user))


@router.post("/cases/{case_id}/claims", response={201: ClaimOut, **DENIED})
def add_record_claim(request: HttpRequest, case_id: int, payload: RecordClaimIn):
    """Another source's account of a date or number of a record: graded, then reconciled."""
    case = _writable(request, case_id)
    related = {
        "meeting": case.meetings,
        "position": case.positions,
        "agreement": case.agreements,
        "commitment": case.commitments,
    }[payload.record]
    record = _get(related.model, payload.record_id, "record_id", case=case)
    if payload.field == "status":
        raise ValidationError({"field": "change a status through the commitment's status route"})
    claim = do_add_claim(
        request.user,
        record,
        payload.field,
        payload.value,
        source=_get(Source, payload.source_id, "source_id"),
        credibility=payload.credibility,
        quote=payload.quote,
    )
    return Status(201, claim_public(claim, request.user))


@router.get("/desk", response={200: DeskOut, **DENIED})
def desk(request: HttpRequest):
    if is_partner(request.user):
        return Status(403, {"detail": "partners read case briefs"})
    user = request.user
    found = desk_for(user)
    return Status(
        200,
        {
            "cases": [case_public(c, user) for c in found.cases],
            "overdue": [commitment_public(c, user) for c in found.overdue],
            "due_this_week": [commitment_public(c, user) for c in found.due_this_week],
            "broken_or_refused": [commitment_public(c, user) for c in found.broken],
            "meetings_today": [meeting_public(m, user) for m in found.meetings_today],
            "event_ids": [e.pk for e in found.events],
        },
    )
