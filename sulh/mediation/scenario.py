"""Demo loaders for mediation cases (sulh/core/scenarios/qadmus/50-mediation.yaml)."""

from datetime import date, datetime
from typing import Any

from django.contrib.auth import get_user_model

from sulh.core.scenario import ScenarioContext, ScenarioError, section
from sulh.events.models import Event
from sulh.mediation import actions
from sulh.mediation.models import Agreement, Case, Commitment, Meeting
from sulh.sources.models import Report, Source


def _opt(ctx: ScenarioContext, item: dict, name: str, model: type) -> Any:
    return ctx.get(item[name], model) if item.get(name) else None


def _sourced(ctx: ScenarioContext, item: dict) -> dict:
    return {
        "source": ctx.get(item["source"], Source),
        "credibility": item.get("credibility", 6),
        "report": _opt(ctx, item, "report", Report),
        "quote": item.get("quote", ""),
    }


def _when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise ScenarioError(f"held_at {value!r} is not an ISO date and time") from exc


@section("mediation_cases", order=60)
def load_case(ctx: ScenarioContext, item: dict) -> Case:
    users = get_user_model().objects.filter(username__in=item.get("mediators", []))
    case = actions.do_create_case(
        ctx.user,
        title=item["title"],
        title_ar=item.get("title_ar", ""),
        summary=item.get("summary", ""),
        status=item.get("status", "open"),
        closed_reason=item.get("closed_reason", ""),
        areas=[ctx.place(ref) for ref in item.get("areas", [])],
        mediators=list(users),
    )
    parties = {}
    for party in item.get("parties", []):
        parties[party["actor"]] = actions.do_add_party(
            ctx.user,
            case,
            ctx.actor(party["actor"]),
            party.get("role", "party"),
            party.get("note", ""),
        )
    for contact in item.get("contacts", []):
        actions.do_add_contact_person(
            ctx.user,
            case,
            role=contact["role"],
            party=parties.get(contact.get("party", "")),
            source=_opt(ctx, contact, "source", Source),
        )
    for link in item.get("events", []):
        actions.do_link_case_event(
            ctx.user, case, ctx.get(link["event"], Event), link.get("relation", "during")
        )
    return case


@section("mediation_meetings", order=61)
def load_meeting(ctx: ScenarioContext, item: dict) -> Meeting:
    attendees = [
        {
            "actor": ctx.actor(a["actor"]) if a.get("actor") else None,
            "role": a.get("role", ""),
            "count": a.get("count"),
        }
        for a in item.get("attendees", [])
    ]
    return actions.do_record_meeting(
        ctx.user,
        ctx.get(item["case"], Case),
        title=item["title"],
        kind=item.get("kind", "meeting"),
        held_at=_when(item["held_at"]),
        date=item.get("date"),
        place=ctx.place(item["place"]) if item.get("place") else None,
        convener=ctx.actor(item["convener"]) if item.get("convener") else None,
        attendees=attendees,
        attendance=item.get("attendance"),
        agenda=item.get("agenda", ""),
        notes=item.get("notes", ""),
        outcome=item.get("outcome", ""),
        follow_ups=item.get("follow_ups", ""),
        **_sourced(ctx, item),
    )


@section("mediation_positions", order=62)
def load_position(ctx: ScenarioContext, item: dict):
    return actions.do_record_position(
        ctx.user,
        ctx.get(item["case"], Case),
        party=ctx.actor(item["party"]),
        kind=item["kind"],
        text=item["text"],
        text_ar=item.get("text_ar", ""),
        date=item["date"],
        quantity=item.get("quantity"),
        meeting=_opt(ctx, item, "meeting", Meeting),
        **_sourced(ctx, item),
    )


@section("mediation_agreements", order=63)
def load_agreement(ctx: ScenarioContext, item: dict) -> Agreement:
    return actions.do_record_agreement(
        ctx.user,
        ctx.get(item["case"], Case),
        title=item["title"],
        title_ar=item.get("title_ar", ""),
        form=item.get("form", "verbal"),
        date=item["date"],
        signatories=[(ctx.actor(s["actor"]), s.get("role", "party")) for s in item["signatories"]],
        meeting=_opt(ctx, item, "meeting", Meeting),
        **_sourced(ctx, item),
    )


@section("mediation_commitments", order=64)
def load_commitment(ctx: ScenarioContext, item: dict) -> Commitment:
    commitment = actions.do_add_commitment(
        ctx.user,
        ctx.get(item["case"], Case),
        obliged=ctx.actor(item["obliged"]),
        action=item["action"],
        action_ar=item.get("action_ar", ""),
        deadline=item.get("deadline"),
        quantity=item.get("quantity"),
        agreement=_opt(ctx, item, "agreement", Agreement),
        meeting=_opt(ctx, item, "meeting", Meeting),
        condition=_opt(ctx, item, "condition", Commitment),
        **_sourced(ctx, item),
    )
    for change in item.get("changes", []):
        effective = change.get("effective_on")
        actions.do_change_commitment_status(
            ctx.user,
            commitment,
            change["status"],
            event=_opt(ctx, change, "event", Event),
            source=_opt(ctx, change, "source", Source),
            credibility=change.get("credibility", 6),
            report=_opt(ctx, change, "report", Report),
            quote=change.get("quote", ""),
            effective_on=date.fromisoformat(str(effective)) if effective else None,
            note=change.get("note", ""),
        )
        commitment.refresh_from_db()
    return commitment
