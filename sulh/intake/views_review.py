"""Pages of text intake: paste or upload a text, the review queue, one proposal to decide on."""

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sulh.access.policy import get_event_for_user
from sulh.events.fields import ACTOR_ROLES
from sulh.events.taxonomy import COUNT_FIELDS, EVENT_TYPES
from sulh.intake.access import can_use_intake, get_proposal_for_user, proposals_for_user
from sulh.intake.actions import (
    do_accept_proposal,
    do_ingest_text,
    do_reject_proposal,
    proposed_values,
)
from sulh.intake.extract.formats import FormatError, guess_format, to_text
from sulh.intake.forms_review import IntakeTextForm, ReviewForm, initial_from
from sulh.intake.models import ProposalStatus
from sulh.intake.suggest import suggest_event
from sulh.places.models import Place


def _require_intake(request: HttpRequest) -> None:
    if not can_use_intake(request.user):
        raise PermissionDenied


@login_required
def intake_new(request: HttpRequest) -> HttpResponse:
    _require_intake(request)
    form = IntakeTextForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            upload = data.get("file")
            if upload:
                text = to_text(upload.read(), guess_format(upload.name))
            else:
                text = to_text(data["text"], data["format"])
            received = timezone.make_aware(datetime.combine(data["received_on"], time(12, 0)))
            report, proposals = do_ingest_text(
                request.user,
                source=data["source"],
                text=text,
                received_at=received,
                kind=data["kind"],
                title=data["title"],
                language=data["language"],
            )
        except FormatError as exc:
            form.add_error("file", str(exc))
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(
                request,
                _("Report stored; %(n)s proposals wait for your review.") % {"n": len(proposals)},
            )
            return redirect(f"{_queue_url()}?report={report.pk}")
    return render(request, "intake/new.html", {"form": form})


def _queue_url() -> str:
    from django.urls import reverse

    return reverse("intake:queue")


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    _require_intake(request)
    status = request.GET.get("status") or ProposalStatus.PROPOSED
    proposals = proposals_for_user(request.user).filter(status=status)
    report_id = request.GET.get("report")
    if report_id and report_id.isdigit():
        proposals = proposals.filter(report_id=int(report_id))
    proposals = proposals.select_related("report", "place").order_by("-report_id", "position")[:200]
    rows = [
        {
            "proposal": p,
            "type_label": _type_label(p.event_type),
            "date": (p.data.get("date") or {}).get("start", ""),
            "counts": p.data.get("counts", []),
        }
        for p in proposals
    ]
    return render(
        request,
        "intake/queue.html",
        {"rows": rows, "status": status, "statuses": ProposalStatus.choices},
    )


def _type_label(key: str) -> str:
    etype = EVENT_TYPES.get(key)
    return str(etype.label) if etype else key


COUNT_LABELS = dict(COUNT_FIELDS)
ROLE_LABELS = {role: label for role, label, _multiple in ACTOR_ROLES}


def _sub_type_label(event_type: str, data: dict) -> str:
    etype = EVENT_TYPES.get(event_type)
    sub = data.get("sub_event_type", "")
    return str(dict(etype.sub_types).get(sub, sub)) if etype else sub


def _labelled(rows: list[dict], key: str, labels: dict) -> list[dict]:
    return [{**row, "label": str(labels.get(row[key], row[key]))} for row in rows]


def _targets(suggested) -> list[tuple[str, str]]:
    targets = [("new", _("A new event"))]
    if suggested is not None:
        targets.append(
            (
                str(suggested.pk),
                _("The same incident: %(title)s") % {"title": suggested.display_title()},
            )
        )
    targets.append(("other", _("Another event (give its id)")))
    return targets


@login_required
def review_proposal(request: HttpRequest, pk: int) -> HttpResponse:
    _require_intake(request)
    proposal = get_proposal_for_user(request.user, pk)
    report = proposal.report
    values = proposed_values(proposal)
    place = Place.objects.filter(pk=values.get("location") or 0).first()
    suggested = None
    if proposal.status == ProposalStatus.PROPOSED:
        date_value = values.get("date") or {}
        from sulh.lib.dates import parse_date_span

        start = parse_date_span(date_value["start"]).start if date_value else None
        end = parse_date_span(date_value["end"]).start if date_value else None
        actor_ids = {a["id"] for a in proposal.data.get("actors", [])}
        suggested = suggest_event(request.user, values["event_type"], start, end, place, actor_ids)
    report_day = timezone.localtime(report.received_at).date()
    initial = {**initial_from(values), "target": str(suggested.pk) if suggested else "new"}
    form = ReviewForm(
        request.POST or None,
        initial=initial,
        report_date=report_day,
        targets=_targets(suggested),
    )
    if request.method == "POST":
        if request.POST.get("decision") == "reject":
            try:
                do_reject_proposal(request.user, proposal, request.POST.get("note", ""))
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            else:
                messages.success(request, _("Proposal rejected."))
            return redirect(_next_url(request.user, report.pk))
        if form.is_valid():
            try:
                event = _accept(request, proposal, form)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    target = field if field in form.fields else None
                    if field in form.fields or f"count_{field}" not in form.fields:
                        form.add_error(target, errors)
                    else:
                        form.add_error(f"count_{field}", errors)
            else:
                messages.success(
                    request,
                    _("Accepted onto %(title)s.") % {"title": event.display_title()},
                )
                return redirect(_next_url(request.user, report.pk))
    before = report.text[: proposal.span_start]
    quote = report.text[proposal.span_start : proposal.span_end]
    after = report.text[proposal.span_end :]
    return render(
        request,
        "intake/review.html",
        {
            "proposal": proposal,
            "report": report,
            "form": form,
            "suggested": suggested,
            "place": place,
            "text_before": before,
            "text_quote": quote,
            "text_after": after,
            "data": proposal.data,
            "type_label": _type_label(proposal.event_type),
            "sub_type_label": _sub_type_label(proposal.event_type, proposal.data),
            "count_rows": _labelled(proposal.data.get("counts", []), "what", COUNT_LABELS),
            "actor_rows": _labelled(proposal.data.get("actors", []), "role", ROLE_LABELS),
        },
    )


def _accept(request: HttpRequest, proposal, form: ReviewForm):
    data = form.cleaned_data
    event = None
    target = data["target"]
    if target == "other":
        event, _writable = get_event_for_user(request.user, data["event_id"])
    elif target != "new":
        event, _writable = get_event_for_user(request.user, int(target))
    return do_accept_proposal(
        request.user,
        proposal,
        values=form.claim_values(),
        event=event,
        title=data.get("title", ""),
        title_ar=data.get("title_ar", ""),
        credibility=data["credibility"],
    )


def _next_url(user, report_id: int) -> str:
    left = proposals_for_user(user).filter(report_id=report_id, status=ProposalStatus.PROPOSED)
    return f"{_queue_url()}?report={report_id}" if left.exists() else _queue_url()
