"""Writes of intake: a text stored as a report with its proposals; a person's decision on each.

Nothing is stored as an accepted claim without a person: ingesting stores the report and the
proposals only; ``do_accept_proposal`` needs a signed-in user and writes the claims through the
claims and events actions.
"""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sulh.audit.actions import do_audit
from sulh.claims.actions import do_add_claim, reconcile_record
from sulh.claims.registry import fields_for
from sulh.events.actions import do_create_event
from sulh.events.models import Event
from sulh.intake.extract import extract, get_extractor
from sulh.intake.models import ExtractionProposal, ProposalStatus
from sulh.lib.arabic import has_arabic
from sulh.places.models import Place
from sulh.sources.actions import do_create_report
from sulh.sources.models import Report, ReportKind, Source


def guess_language(text: str) -> str:
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if has_arabic(ch))
    return "ar" if letters and arabic * 2 >= len(letters) else "en"


@transaction.atomic
def do_ingest_text(
    user: Any,
    *,
    source: Source,
    text: str,
    received_at: datetime | None = None,
    kind: str = ReportKind.INTERVIEW,
    title: str = "",
    language: str = "",
    extractor: str | None = None,
) -> tuple[Report, list[ExtractionProposal]]:
    """Store the text as a report (immutable) and queue what the extractor reads in it."""
    if received_at is not None and timezone.is_naive(received_at):
        raise ValidationError({"received_at": "give the time with its time zone"})
    received_at = received_at or timezone.now()
    language = language or guess_language(text or "")
    report = do_create_report(
        user,
        source=source,
        text=text,
        kind=kind,
        title=title,
        language=language,
        received_at=received_at,
    )
    proposals = do_extract_report(user, report, extractor=extractor)
    return report, proposals


@transaction.atomic
def do_extract_report(
    user: Any, report: Report, *, extractor: str | None = None
) -> list[ExtractionProposal]:
    """Queue for review what the extractor reads in a stored report (any importer may call it)."""
    chosen = get_extractor(extractor)
    report_day = timezone.localtime(report.received_at).date()
    proposals = []
    found = extract(report.text, report_day, report.language, extractor)
    for position, proposed in enumerate(found):
        proposals.append(
            ExtractionProposal.objects.create(
                report=report,
                position=position,
                extractor=chosen.name,
                data=proposed.as_data(),
                event_type=proposed.event_type,
                place_id=proposed.place_id,
                span_start=proposed.span[0],
                span_end=proposed.span[1],
                created_by=user if getattr(user, "pk", None) else None,
            )
        )
    do_audit(
        user,
        "intake.extract",
        report,
        summary=f"{len(proposals)} proposals",
        changes={"proposals": [p.pk for p in proposals], "extractor": chosen.name},
    )
    return proposals


def proposed_values(proposal: ExtractionProposal) -> dict[str, Any]:
    """The claim values a proposal offers, in the shape ``do_create_event`` takes."""
    data = proposal.data
    values: dict[str, Any] = {"event_type": data["event_type"]}
    if data.get("sub_event_type"):
        values["sub_event_type"] = data["sub_event_type"]
    if data.get("date"):
        values["date"] = data["date"]
    if data.get("place_id"):
        values["location"] = data["place_id"]
    for actor in data.get("actors", []):
        role = actor["role"]
        if role == "perpetrator":
            values.setdefault("perpetrator", actor["id"])
        else:
            values.setdefault(role, []).append(actor["id"])
    for count in data.get("counts", []):
        values[count["what"]] = {
            k: count[k] for k in ("low", "best", "high", "qualifier") if k in count
        }
    return values


def _spans(proposal: ExtractionProposal) -> dict[str, tuple[int, int]]:
    data = proposal.data
    whole = (proposal.span_start, proposal.span_end)
    spans = {"event_type": whole, "sub_event_type": whole}
    if data.get("date_span"):
        spans["date"] = tuple(data["date_span"])
    if data.get("place_span"):
        spans["location"] = tuple(data["place_span"])
    for count in data.get("counts", []):
        spans[count["what"]] = tuple(count["span"])
    for actor in data.get("actors", []):
        spans.setdefault(actor["role"], tuple(actor["span"]))
    return spans


def default_title(values: dict[str, Any], language: str = "en") -> str:
    from django.utils import translation

    from sulh.events.taxonomy import EVENT_TYPES

    etype = EVENT_TYPES.get(values.get("event_type", ""))
    with translation.override(language):
        label = str(etype.label) if etype else ""
        place = Place.objects.filter(pk=values.get("location") or 0).first()
        where = (
            (place.name_ar if language == "ar" and place.name_ar else place.name_en)
            if place
            else ""
        )
    date = values.get("date")
    when = date.get("start") if isinstance(date, dict) else str(date or "")
    joiner = " في " if language == "ar" else " in "
    return f"{label}{joiner + where if where else ''}{', ' + when if when else ''}".strip(", ")


def _check_decidable(user: Any, proposal: ExtractionProposal) -> None:
    if not getattr(user, "pk", None):
        raise ValidationError({"user": "a person decides on proposals; sign in"})
    if proposal.status != ProposalStatus.PROPOSED:
        raise ValidationError({"status": f"this proposal was already {proposal.status}"})


def do_accept_proposal(
    user: Any,
    proposal: ExtractionProposal,
    *,
    values: dict[str, Any] | None = None,
    event: Event | None = None,
    title: str = "",
    title_ar: str = "",
    credibility: int = 6,
) -> Event:
    """Claims from the proposal (as the person edited them) onto ``event`` or onto a new event.

    Each claim keeps the span of report text its value came from. A bad value raises a
    ValidationError naming the field and stores nothing.
    """
    from sulh.intake.access import place_in_areas

    _check_decidable(user, proposal)
    values = {
        k: v for k, v in (values or proposed_values(proposal)).items() if v not in ("", None, [])
    }
    if "event_type" not in values:
        raise ValidationError({"event_type": "say what kind of event this is"})
    unknown = set(values) - set(fields_for(Event))
    if unknown:
        raise ValidationError({name: "not a field of an event" for name in sorted(unknown)})
    if values.get("location"):
        place = Place.objects.filter(pk=values["location"]).first()
        if place is None:
            raise ValidationError({"location": f"no place with id {values['location']}"})
        if not place_in_areas(user, place):
            raise ValidationError({"location": "this place is outside your areas"})
    report = proposal.report
    spans = _spans(proposal)
    with transaction.atomic():
        if event is None:
            event = do_create_event(
                user,
                title=title or default_title(values),
                title_ar=title_ar or default_title(values, "ar"),
                source=report.source,
                values={"event_type": values["event_type"]},
                credibility=credibility,
                report=report,
                quotes={"event_type": proposal.quote[:1000]},
                origin="intake",
            )
            rest = {k: v for k, v in values.items() if k != "event_type"}
        else:
            rest = values
        for field, value in rest.items():
            span = spans.get(field)
            for one in value if isinstance(value, list) else [value]:
                do_add_claim(
                    user,
                    event,
                    field,
                    one,
                    source=report.source,
                    credibility=credibility,
                    report=report,
                    span=span,
                    reconcile_now=False,
                )
        reconcile_record(event)
        proposal.status = ProposalStatus.ACCEPTED
        proposal.event = event
        proposal.decided_by = user
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "event", "decided_by", "decided_at"])
        do_audit(
            user,
            "intake.proposal.accept",
            proposal,
            summary=f"onto event {event.pk}",
            changes={"event": event.pk, "fields": sorted(values)},
        )
    return event


@transaction.atomic
def do_reject_proposal(user: Any, proposal: ExtractionProposal, note: str = "") -> None:
    _check_decidable(user, proposal)
    proposal.status = ProposalStatus.REJECTED
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.note = note.strip()
    proposal.save(update_fields=["status", "decided_by", "decided_at", "note"])
    do_audit(user, "intake.proposal.reject", proposal, summary=note[:200])
