"""Every write of the mediation app: views, API routes, commands and the demo loader call these.

Each runs in a transaction and leaves an audit entry; a ValidationError names the field at fault
and stores nothing. Dates, numbers and commitment statuses given by a source become claims.
"""

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from sulh.actors.models import Actor
from sulh.audit.actions import do_audit
from sulh.claims.actions import do_add_claim, reconcile_record
from sulh.claims.models import Claim
from sulh.events.models import Event
from sulh.lib.numbers import NumberError, parse_range
from sulh.mediation.models import (
    Agreement,
    AgreementRole,
    AgreementSignatory,
    Attendee,
    Case,
    CaseEvent,
    CaseStatus,
    Commitment,
    CommitmentChange,
    CommitmentStatus,
    ContactKind,
    ContactPerson,
    Meeting,
    Party,
    PartyRole,
    Position,
    PositionKind,
)
from sulh.sources.models import Report, Source


def _real(user: Any) -> Any:
    return user if getattr(user, "pk", None) else None


def _touch(case: Case) -> None:
    case.updated_at = timezone.now()
    case.save(update_fields=["updated_at"])


def _require(errors: dict[str, str]) -> None:
    errors = {field: message for field, message in errors.items() if message}
    if errors:
        raise ValidationError(errors)


def _choice(value: str, choices: type[models.TextChoices], field: str) -> str:
    if value not in choices.values:
        return f"{value!r} is not one of {', '.join(choices.values)}"
    return ""


def _case_actor(case: Case, actor: Actor | None, field: str) -> str:
    if actor is None:
        return f"say which actor ({field})"
    if not case.parties.filter(actor=actor).exists():
        return f"{actor} is not a party of this case; add it to the parties first"
    return ""


def _claims(
    user: Any,
    record: models.Model,
    values: dict[str, Any],
    *,
    source: Source,
    credibility: int,
    report: Report | None = None,
    quote: str = "",
) -> None:
    for field, value in values.items():
        if value is None or value == "":
            continue
        do_add_claim(
            user,
            record,
            field,
            value,
            source=source,
            credibility=credibility,
            report=report,
            quote=quote,
            reconcile_now=False,
        )
    reconcile_record(record)


def _check_source(source: Source | None, credibility: int) -> None:
    _require(
        {
            "source": "" if source is not None else "say who told us (a source)",
            "credibility": "" if 1 <= int(credibility) <= 6 else "credibility is graded 1 to 6",
        }
    )


# Cases -----------------------------------------------------------------------------------------


@transaction.atomic
def do_create_case(
    user: Any,
    *,
    title: str,
    title_ar: str = "",
    summary: str = "",
    status: str = CaseStatus.OPEN,
    closed_reason: str = "",
    areas: Iterable[Any] = (),
    mediators: Iterable[Any] = (),
) -> Case:
    _require(
        {
            "title": "" if (title or title_ar or "").strip() else "a case needs a short title",
            "status": _choice(status, CaseStatus, "status"),
            "closed_reason": "say why the case was closed"
            if status == CaseStatus.CLOSED and not closed_reason.strip()
            else "",
        }
    )
    case = Case.objects.create(
        title=(title or "").strip(),
        title_ar=(title_ar or "").strip(),
        summary=summary,
        status=status,
        closed_reason=closed_reason.strip(),
        created_by=_real(user),
    )
    case.areas.set(list(areas))
    case.mediators.set(list(mediators))
    do_audit(user, "mediation.case.create", case, summary=case.title[:200])
    return case


@transaction.atomic
def do_set_case_status(user: Any, case: Case, status: str, reason: str = "") -> Case:
    _require(
        {
            "status": _choice(status, CaseStatus, "status"),
            "closed_reason": "say why the case is closed"
            if status == CaseStatus.CLOSED and not reason.strip()
            else "",
        }
    )
    before = case.status
    case.status = status
    case.closed_reason = reason.strip() if status == CaseStatus.CLOSED else ""
    case.updated_at = timezone.now()
    case.save(update_fields=["status", "closed_reason", "updated_at"])
    do_audit(user, "mediation.case.status", case, changes={"status": [before, status]})
    return case


@transaction.atomic
def do_add_case_mediator(user: Any, case: Case, mediator: Any) -> Case:
    case.mediators.add(mediator)
    _touch(case)
    do_audit(user, "mediation.case.mediator", case, changes={"mediator": mediator.pk})
    return case


@transaction.atomic
def do_link_case_event(
    user: Any, case: Case, event: Event, relation: str = CaseEvent.Relation.DURING
) -> CaseEvent:
    _require({"relation": _choice(relation, CaseEvent.Relation, "relation")})
    link, _created = CaseEvent.objects.get_or_create(
        case=case, event=event, defaults={"relation": relation}
    )
    _touch(case)
    do_audit(user, "mediation.case.event", case, changes={"event": event.pk, "relation": relation})
    return link


@transaction.atomic
def do_add_party(
    user: Any, case: Case, actor: Actor | None, role: str = PartyRole.PARTY, note: str = ""
) -> Party:
    _require(
        {
            "actor": "" if actor is not None else "say which actor",
            "role": _choice(role, PartyRole, "role"),
        }
    )
    if case.parties.filter(actor=actor, role=role).exists():
        raise ValidationError({"actor": f"{actor} is already a {role} of this case"})
    party = Party.objects.create(case=case, actor=actor, role=role, note=note)
    _touch(case)
    do_audit(user, "mediation.party.add", party, changes={"actor": actor.pk, "role": role})
    return party


@transaction.atomic
def do_add_contact_person(
    user: Any,
    case: Case,
    *,
    role: str,
    party: Party | None = None,
    actor: Actor | None = None,
    source: Source | None = None,
) -> ContactPerson:
    """A person by role; ``source`` links a protected person without copying who they are."""
    _require(
        {
            "role": "" if (role or "").strip() else "describe the person by role (a mukhtar)",
            "party": "" if party is None or party.case_id == case.pk else "not a party of the case",
        }
    )
    contact = ContactPerson.objects.create(
        case=case, role=role.strip(), party=party, actor=actor, source=source
    )
    _touch(case)
    do_audit(user, "mediation.contact.add", contact, summary=contact.role[:200])
    return contact


# Meetings ---------------------------------------------------------------------------------------


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _attendees(case: Case, items: Iterable[dict]) -> list[Attendee]:
    rows = []
    for item in items:
        actor, contact, role = item.get("actor"), item.get("contact"), item.get("role", "")
        if actor is None and contact is None and not (role or "").strip():
            raise ValidationError({"attendees": "each attendee is an actor, a contact or a role"})
        if contact is not None and contact.case_id != case.pk:
            raise ValidationError({"attendees": "that contact person belongs to another case"})
        low = best = high = None
        if item.get("count") not in (None, ""):
            try:
                count = parse_range(str(item["count"]))
            except NumberError as exc:
                raise ValidationError({"attendees": f"count: {exc}"}) from exc
            low, best, high = count.low, count.best, count.high
        rows.append(
            Attendee(
                actor=actor,
                contact=contact,
                role=(role or "").strip(),
                count_low=low,
                count_best=best,
                count_high=high,
            )
        )
    return rows


@transaction.atomic
def do_record_meeting(
    user: Any,
    case: Case,
    *,
    title: str,
    held_at: datetime | None,
    source: Source | None,
    credibility: int = 6,
    kind: str = ContactKind.MEETING,
    place: Any = None,
    convener: Actor | None = None,
    agenda: str = "",
    notes: str = "",
    outcome: str = "",
    follow_ups: str = "",
    attendees: Iterable[dict] = (),
    attendance: Any = None,
    date: Any = None,
    report: Report | None = None,
    quote: str = "",
) -> Meeting:
    """A meeting or contact; ``date`` (default: the day of ``held_at``) and ``attendance`` are
    claims of ``source``. ``attendees`` are dicts with ``actor``, ``contact``, ``role``, ``count``.
    """
    _check_source(source, credibility)
    _require(
        {
            "title": "" if (title or "").strip() else "say in a few words what the meeting was",
            "held_at": "" if held_at is not None else "say when it was held",
            "kind": _choice(kind, ContactKind, "kind"),
        }
    )
    held_at = _aware(held_at)
    rows = _attendees(case, attendees)
    meeting = Meeting.objects.create(
        case=case,
        kind=kind,
        title=title.strip(),
        held_at=held_at,
        place=place,
        convener=convener,
        agenda=agenda,
        notes=notes,
        outcome=outcome,
        follow_ups=follow_ups,
        source=source,
        credibility=credibility,
        recorded_by=_real(user),
    )
    for row in rows:
        row.meeting = meeting
    Attendee.objects.bulk_create(rows)
    day = date or timezone.localtime(held_at).date()
    _claims(
        user,
        meeting,
        {"date": day, "attendance": attendance},
        source=source,
        credibility=credibility,
        report=report,
        quote=quote,
    )
    _touch(case)
    do_audit(user, "mediation.meeting.record", meeting, summary=meeting.title[:200])
    return meeting


# Positions and agreements ----------------------------------------------------------------------


@transaction.atomic
def do_record_position(
    user: Any,
    case: Case,
    *,
    party: Actor | None,
    kind: str,
    text: str,
    date: Any,
    source: Source | None,
    credibility: int = 6,
    text_ar: str = "",
    quantity: Any = None,
    meeting: Meeting | None = None,
    report: Report | None = None,
    quote: str = "",
) -> Position:
    """A demand or an offer a party made; its date and any number in it are claims."""
    _check_source(source, credibility)
    _require(
        {
            "party": _case_actor(case, party, "party"),
            "kind": _choice(kind, PositionKind, "kind"),
            "text": "" if (text or text_ar or "").strip() else "say what was demanded or offered",
            "date": "" if date not in (None, "") else "say when (a day, a month or a range)",
        }
    )
    position = Position.objects.create(
        case=case,
        party=party,
        kind=kind,
        text=(text or "").strip(),
        text_ar=(text_ar or "").strip(),
        meeting=meeting,
        source=source,
        credibility=credibility,
        recorded_by=_real(user),
    )
    _claims(
        user,
        position,
        {"date": date, "quantity": quantity},
        source=source,
        credibility=credibility,
        report=report,
        quote=quote,
    )
    _touch(case)
    do_audit(user, "mediation.position.record", position, changes={"kind": kind})
    return position


@transaction.atomic
def do_record_agreement(
    user: Any,
    case: Case,
    *,
    title: str,
    date: Any,
    source: Source | None,
    credibility: int = 6,
    form: str = "verbal",
    title_ar: str = "",
    signatories: Iterable[tuple[Actor, str]] = (),
    meeting: Meeting | None = None,
    report: Report | None = None,
    quote: str = "",
) -> Agreement:
    """An agreement between parties, with witnesses and guarantors; terms are added after."""
    _check_source(source, credibility)
    signatories = list(signatories)
    _require(
        {
            "title": "" if (title or title_ar or "").strip() else "give the agreement a title",
            "date": "" if date not in (None, "") else "say when it was agreed",
            "form": "" if form in ("verbal", "written") else "verbal or written",
            "signatories": ""
            if any(role == AgreementRole.PARTY for _a, role in signatories)
            else "an agreement needs at least one party",
        }
    )
    for actor, role in signatories:
        _require(
            {
                "signatories": _choice(role, AgreementRole, "role")
                or _case_actor(case, actor, "signatories")
            }
        )
    agreement = Agreement.objects.create(
        case=case,
        title=(title or "").strip(),
        title_ar=(title_ar or "").strip(),
        form=form,
        meeting=meeting,
        source=source,
        credibility=credibility,
        recorded_by=_real(user),
    )
    AgreementSignatory.objects.bulk_create(
        AgreementSignatory(agreement=agreement, actor=actor, role=role)
        for actor, role in signatories
    )
    _claims(
        user,
        agreement,
        {"date": date},
        source=source,
        credibility=credibility,
        report=report,
        quote=quote,
    )
    _touch(case)
    do_audit(user, "mediation.agreement.record", agreement, summary=agreement.title[:200])
    return agreement


# Commitments -----------------------------------------------------------------------------------


@transaction.atomic
def do_add_commitment(
    user: Any,
    case: Case,
    *,
    obliged: Actor | None,
    action: str,
    source: Source | None,
    credibility: int = 6,
    action_ar: str = "",
    deadline: Any = None,
    quantity: Any = None,
    agreement: Agreement | None = None,
    meeting: Meeting | None = None,
    condition: Commitment | None = None,
    report: Report | None = None,
    quote: str = "",
) -> Commitment:
    """An obligation (a term of ``agreement`` or a promise made in ``meeting``), pending at first.

    ``condition`` is another commitment of the case that must be kept for this one to apply.
    """
    _check_source(source, credibility)
    _require(
        {
            "obliged": _case_actor(case, obliged, "obliged"),
            "action": "" if (action or action_ar or "").strip() else "say what must be done",
            "agreement": ""
            if agreement is None or agreement.case_id == case.pk
            else "that agreement belongs to another case",
            "meeting": ""
            if meeting is None or meeting.case_id == case.pk
            else "that meeting belongs to another case",
            "condition": ""
            if condition is None or condition.case_id == case.pk
            else "the condition must be a commitment of the same case",
        }
    )
    commitment = Commitment.objects.create(
        case=case,
        obliged=obliged,
        action=(action or "").strip(),
        action_ar=(action_ar or "").strip(),
        agreement=agreement,
        meeting=meeting,
        condition=condition,
        source=source,
        credibility=credibility,
        recorded_by=_real(user),
    )
    _claims(
        user,
        commitment,
        {"deadline": deadline, "quantity": quantity},
        source=source,
        credibility=credibility,
        report=report,
        quote=quote,
    )
    _touch(case)
    do_audit(user, "mediation.commitment.add", commitment, changes={"obliged": obliged.pk})
    return commitment


@transaction.atomic
def do_change_commitment_status(
    user: Any,
    commitment: Commitment,
    status: str,
    *,
    source: Source | None = None,
    credibility: int = 6,
    event: Event | None = None,
    effective_on: date | None = None,
    note: str = "",
    report: Report | None = None,
    quote: str = "",
) -> CommitmentChange:
    """A new step in the commitment's history, only with evidence: a source saying so (kept as a
    graded claim) or an event that shows it. Earlier steps are never changed."""
    _require(
        {
            "status": _choice(status, CommitmentStatus, "status")
            or (f"the commitment is already {status}" if status == commitment.status else ""),
            "evidence": ""
            if source is not None or event is not None
            else "give the evidence: a source who says so, or an event that shows it",
            "credibility": "" if 1 <= int(credibility) <= 6 else "credibility is graded 1 to 6",
        }
    )
    claim: Claim | None = None
    if source is not None:
        claim = do_add_claim(
            user,
            commitment,
            "status",
            status,
            source=source,
            credibility=credibility,
            report=report,
            quote=quote,
            note=note,
        )
    if effective_on is None:
        effective_on = (event.date_end or event.date_start) if event is not None else None
        # An old event as evidence does not move the step before the steps already recorded.
        last = commitment.changes.order_by("-effective_on").first()
        if effective_on and last and effective_on < last.effective_on:
            effective_on = last.effective_on
    change = CommitmentChange.objects.create(
        commitment=commitment,
        status=status,
        previous=commitment.status,
        effective_on=effective_on or timezone.localdate(),
        claim=claim,
        event=event,
        note=note,
        recorded_by=_real(user),
    )
    commitment.status = status
    commitment.save(update_fields=["status"])
    _touch(commitment.case)
    do_audit(
        user,
        "mediation.commitment.status",
        commitment,
        changes={
            "status": [change.previous, status],
            "evidence": "event" if event is not None else "claim",
        },
    )
    return change
