"""The case brief for partners: what was demanded, agreed and kept, with no source in it.

Built only from the shared redaction policy (``sulh.access.redact``): places through
``place_public``, events through ``event_columns_public``. Sources, quotes, report texts,
meeting notes and contact persons are left out for every reader, so a brief can be forwarded as
it is.
"""

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext

from sulh.access.policy import events_for_user
from sulh.access.redact import event_columns_public, place_public
from sulh.lib.numbers import NumberRange
from sulh.mediation.models import Case, Commitment, span_text


def _range(low: int | None, best: int | None, high: int | None) -> str:
    return str(NumberRange(low, best, high)) if low is not None or best is not None else ""


def _place_name(place: dict | None) -> str:
    return place["name_en"] if place else ""


def _commitment(c: Commitment) -> dict:
    return {
        "id": c.pk,
        "obliged": c.obliged.display_name(),
        "action": c.display_action(),
        "deadline": c.deadline,
        "quantity": _range(c.quantity_low, c.quantity_best, c.quantity_high),
        "status": c.status,
        "status_label": str(c.get_status_display()),
        "overdue": c.is_overdue(),
        "condition_id": c.condition_id,
        "condition": c.condition.display_action() if c.condition_id else "",
        "condition_status": str(c.condition.get_status_display()) if c.condition_id else "",
        "history": [
            {
                "status": ch.status,
                "status_label": str(ch.get_status_display()),
                "effective_on": ch.effective_on,
                "evidence": ch.event.display_title()
                if ch.event_id
                else gettext("a graded account"),
            }
            for ch in c.changes.select_related("event")
        ],
    }


def brief_data(case: Case, user: Any) -> dict:
    commitments = case.commitments.select_related("obliged", "condition").order_by("deadline", "id")
    events = events_for_user(user).filter(mediation_cases=case).select_related("place")
    arabic = (get_language() or "en").startswith("ar")
    return {
        "id": case.pk,
        "title": case.display_title(),
        "status": case.status,
        "status_label": str(case.get_status_display()),
        "closed_reason": case.closed_reason,
        "summary": case.summary,
        "generated_at": timezone.now(),
        "areas": [_place_name(place_public(a, user)) for a in case.areas.all()],
        "parties": [
            {
                "actor": p.actor.display_name(),
                "role": p.role,
                "role_label": str(p.get_role_display()),
            }
            for p in case.parties.select_related("actor")
        ],
        "positions": [
            {
                "party": p.party.display_name(),
                "kind": p.kind,
                "kind_label": str(p.get_kind_display()),
                "text": p.display_text(),
                "date_start": p.date_start,
                "date_end": p.date_end,
                "when": p.when_text,
                "quantity": _range(p.quantity_low, p.quantity_best, p.quantity_high),
            }
            for p in case.positions.select_related("party").order_by("date_start", "id")
        ],
        "meetings": [
            {
                "kind": m.kind,
                "kind_label": str(m.get_kind_display()),
                "title": m.title,
                "date": timezone.localtime(m.held_at).date(),
                "place": _place_name(place_public(m.place, user)),
                "convener": m.convener.display_name() if m.convener_id else "",
                "attendees": [
                    a.actor.display_name() if a.actor_id else a.role
                    for a in m.attendees.select_related("actor")
                    if a.actor_id or a.role
                ],
                "attendance": _range(m.attendance_low, m.attendance_best, m.attendance_high),
                "agenda": m.agenda,
                "outcome": m.outcome,
            }
            for m in case.meetings.select_related("place", "convener").order_by("held_at", "id")
        ],
        "agreements": [
            {
                "title": a.display_title(),
                "form": a.form,
                "form_label": str(a.get_form_display()),
                "date_start": a.date_start,
                "when": a.when_text,
                "signatories": [
                    {
                        "actor": s.actor.display_name(),
                        "role": s.role,
                        "role_label": str(s.get_role_display()),
                    }
                    for s in a.signatories.select_related("actor")
                ],
                "terms": [t.pk for t in a.terms.all()],
            }
            for a in case.agreements.order_by("date_start", "id")
        ],
        "commitments": [_commitment(c) for c in commitments],
        "events": [
            {
                "id": e["id"],
                "title": e["title_ar"] if arabic and e["title_ar"] else e["title"],
                "date_start": e["date_start"],
                "when": span_text(e["date_start"], e["date_end"]),
                "event_type": e["event_type"],
                "place": _place_name(e["place"]),
            }
            for e in (event_columns_public(ev, user) for ev in events.order_by("date_start", "id"))
        ],
    }


def brief_markdown(case: Case, user: Any) -> str:
    return render_to_string("mediation/brief.md", {"brief": brief_data(case, user)})
