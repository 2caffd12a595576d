"""Mediation records as the API and the command line show them, built on the shared redaction
policy: sources appear only through ``source_public`` (safe description and grade), places through
``place_public``. Partners never get these; they get the brief (``sulh.mediation.brief``)."""

from typing import Any

from django.utils import timezone

from sulh.access.redact import place_public, source_public
from sulh.mediation.models import (
    Agreement,
    Case,
    Commitment,
    CommitmentChange,
    ContactPerson,
    Meeting,
    Party,
    Position,
)


def _numbers(low: int | None, best: int | None, high: int | None) -> dict | None:
    return None if low is None and best is None else {"low": low, "best": best, "high": high}


def _sourced(record: Any, user: Any) -> dict:
    return {
        "source": source_public(record.source, user),
        "grade": f"{record.source.reliability}{record.credibility}",
        "disputed_fields": record.disputed_fields,
        "reconciled": record.reconciled,
    }


def case_public(case: Case, user: Any) -> dict:
    return {
        "id": case.pk,
        "title": case.title,
        "title_ar": case.title_ar,
        "summary": case.summary,
        "status": case.status,
        "closed_reason": case.closed_reason,
        "areas": [place_public(a, user) for a in case.areas.all()],
        "mediators": [u.username for u in case.mediators.all()],
        "updated_at": case.updated_at,
    }


def party_public(party: Party, user: Any) -> dict:
    return {
        "id": party.pk,
        "actor_id": party.actor_id,
        "actor": party.actor.name_en,
        "role": party.role,
        "note": party.note,
    }


def contact_public(contact: ContactPerson, user: Any) -> dict:
    return {
        "id": contact.pk,
        "role": contact.role,
        "party_id": contact.party_id,
        "source": source_public(contact.source, user) if contact.source_id else None,
    }


def meeting_public(meeting: Meeting, user: Any) -> dict:
    return {
        "id": meeting.pk,
        "case_id": meeting.case_id,
        "kind": meeting.kind,
        "title": meeting.title,
        "held_at": meeting.held_at,
        "place": place_public(meeting.place, user),
        "convener_id": meeting.convener_id,
        "attendees": [
            {
                "actor_id": a.actor_id,
                "contact_id": a.contact_id,
                "role": a.role,
                "count": _numbers(a.count_low, a.count_best, a.count_high),
            }
            for a in meeting.attendees.all()
        ],
        "attendance": _numbers(
            meeting.attendance_low, meeting.attendance_best, meeting.attendance_high
        ),
        "agenda": meeting.agenda,
        "notes": meeting.notes,
        "outcome": meeting.outcome,
        "follow_ups": meeting.follow_ups,
        **_sourced(meeting, user),
    }


def position_public(position: Position, user: Any) -> dict:
    return {
        "id": position.pk,
        "case_id": position.case_id,
        "party_id": position.party_id,
        "party": position.party.name_en,
        "kind": position.kind,
        "text": position.text,
        "text_ar": position.text_ar,
        "date_start": position.date_start,
        "date_end": position.date_end,
        "quantity": _numbers(position.quantity_low, position.quantity_best, position.quantity_high),
        "meeting_id": position.meeting_id,
        **_sourced(position, user),
    }


def agreement_public(agreement: Agreement, user: Any) -> dict:
    return {
        "id": agreement.pk,
        "case_id": agreement.case_id,
        "title": agreement.title,
        "title_ar": agreement.title_ar,
        "form": agreement.form,
        "date_start": agreement.date_start,
        "date_end": agreement.date_end,
        "signatories": [
            {"actor_id": s.actor_id, "role": s.role} for s in agreement.signatories.all()
        ],
        "term_ids": [t.pk for t in agreement.terms.all()],
        "meeting_id": agreement.meeting_id,
        **_sourced(agreement, user),
    }


def change_public(change: CommitmentChange, user: Any) -> dict:
    return {
        "id": change.pk,
        "status": change.status,
        "previous": change.previous,
        "effective_on": change.effective_on,
        "event_id": change.event_id,
        "claim_id": change.claim_id,
        "source": source_public(change.claim.source, user) if change.claim_id else None,
        "note": change.note,
        "recorded_at": change.recorded_at,
    }


def commitment_public(commitment: Commitment, user: Any) -> dict:
    return {
        "id": commitment.pk,
        "case_id": commitment.case_id,
        "obliged_id": commitment.obliged_id,
        "obliged": commitment.obliged.name_en,
        "action": commitment.action,
        "action_ar": commitment.action_ar,
        "deadline": commitment.deadline,
        "quantity": _numbers(
            commitment.quantity_low, commitment.quantity_best, commitment.quantity_high
        ),
        "status": commitment.status,
        "overdue": commitment.is_overdue(timezone.localdate()),
        "agreement_id": commitment.agreement_id,
        "meeting_id": commitment.meeting_id,
        "condition_id": commitment.condition_id,
        "history": [
            change_public(c, user) for c in commitment.changes.select_related("claim__source")
        ],
        **_sourced(commitment, user),
    }
