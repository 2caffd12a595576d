from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from sulh.access.policy import can_write, events_for_user
from sulh.access.redact import is_partner
from sulh.accounts.models import User
from sulh.claims.actions import do_add_claim
from sulh.mediation import actions
from sulh.mediation.access import (
    cases_for_user,
    get_case_for_user,
    get_case_page_for_user,
    get_writable_case_for_user,
)
from sulh.mediation.brief import brief_data, brief_markdown
from sulh.mediation.forms import (
    AccountForm,
    AgreementRecordForm,
    CaseForm,
    CaseStatusForm,
    CommitmentForm,
    ContactForm,
    EventLinkForm,
    MediatorForm,
    MeetingForm,
    PartyForm,
    PositionForm,
    StatusChangeForm,
)
from sulh.mediation.models import Case, CaseStatus, Commitment
from sulh.mediation.queries import TIMELINE_KINDS, case_timeline, desk_for, parties_with_positions


def _no_partners(request: HttpRequest) -> None:
    if is_partner(request.user):
        raise PermissionDenied


def _form_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        target = field if field in form.fields else None
        for error in errors:
            form.add_error(target, error if target else f"{field}: {error}")


@login_required
def desk(request: HttpRequest) -> HttpResponse:
    _no_partners(request)
    return render(request, "mediation/desk.html", {"desk": desk_for(request.user)})


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    cases = cases_for_user(request.user).prefetch_related("areas", "mediators")
    status = request.GET.get("status", "")
    if status in CaseStatus.values:
        cases = cases.filter(status=status)
    return render(
        request,
        "mediation/case_list.html",
        {
            "cases": cases,
            "status": status,
            "statuses": CaseStatus.choices,
            "partner": is_partner(request.user),
        },
    )


@login_required
def case_create(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        raise PermissionDenied
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.do_create_case(
                request.user,
                title=data["title"],
                title_ar=data["title_ar"],
                summary=data["summary"],
                status=data["status"],
                areas=data["areas"],
                mediators=[request.user],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Case opened. Add its parties next."))
            return redirect(case)
    return render(request, "mediation/form.html", {"form": form, "title": _("Open a case")})


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case, writable = get_case_page_for_user(request.user, pk)
    kinds = {k for k in request.GET.getlist("kind") if k in TIMELINE_KINDS}
    actor = request.GET.get("actor", "")
    actor_id = int(actor) if actor.isdigit() else None
    entries = case_timeline(case, request.user, kinds or None, actor_id)
    if request.GET.get("order") == "oldest":
        entries.reverse()
    commitments = case.commitments.select_related("obliged", "condition", "agreement").order_by(
        "deadline", "id"
    )
    return render(
        request,
        "mediation/case.html",
        {
            "case": case,
            "writable": writable,
            "entries": entries,
            "kinds": kinds,
            "all_kinds": TIMELINE_KINDS,
            "actor_id": actor_id,
            "order": request.GET.get("order", "newest"),
            "parties": parties_with_positions(case),
            "contacts": case.contacts.select_related("source", "party__actor"),
            "commitments": commitments,
            "status_form": CaseStatusForm(initial={"status": case.status}),
        },
    )


def _brief_case(request: HttpRequest, pk: int) -> Case:
    case, _writable = get_case_for_user(request.user, pk)
    return case


@login_required
def case_brief(request: HttpRequest, pk: int) -> HttpResponse:
    case = _brief_case(request, pk)
    return render(request, "mediation/brief.html", {"brief": brief_data(case, request.user)})


@login_required
def case_brief_markdown(request: HttpRequest, pk: int) -> HttpResponse:
    case = _brief_case(request, pk)
    response = HttpResponse(
        brief_markdown(case, request.user), content_type="text/markdown; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="case-{case.pk}-brief.md"'
    return response


@login_required
def case_brief_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The brief as a PDF for partners, through the situation reports' engine; audited as an
    export because the file leaves sulh."""
    from sulh.audit.actions import do_audit_export
    from sulh.reports.sitrep import font_urls, html_to_pdf

    case = _brief_case(request, pk)
    html = render_to_string(
        "mediation/brief_pdf.html",
        {"brief": brief_data(case, request.user), "fonts": font_urls(True), "for_pdf": True},
        request=request,
    )
    do_audit_export(request.user, "mediation.brief_pdf", {"case": case.pk}, 1)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="case-{case.pk}-brief.pdf"'
    return response


def _record(
    request: HttpRequest,
    pk: int,
    form_class: type,
    save: Callable[[Case, dict, Any], Any],
    title: str,
    done: str,
    form_kwargs: dict | None = None,
) -> HttpResponse:
    """The shape every "record something in a case" page shares: a form, an action, a redirect."""
    case = get_writable_case_for_user(request.user, pk)
    form = form_class(request.POST or None, **(form_kwargs or {}))
    if hasattr(form, "limit_to_case"):
        form.limit_to_case(case)
    if request.method == "POST" and form.is_valid():
        try:
            save(case, form.cleaned_data, form)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(case)
    return render(request, "mediation/form.html", {"form": form, "title": title, "case": case})


@login_required
def party_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        return actions.do_add_party(request.user, case, data["actor"], data["role"], data["note"])

    return _record(request, pk, PartyForm, save, _("Add a party"), _("Party added."))


@login_required
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        return actions.do_add_contact_person(
            request.user,
            case,
            role=data["role"],
            party=data["party"],
            actor=data["actor"],
            source=data["source"],
        )

    return _record(request, pk, ContactForm, save, _("Add a contact person"), _("Contact added."))


@login_required
def mediator_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        user = User.objects.filter(username=data["username"], is_active=True).first()
        if user is None:
            raise ValidationError({"username": _("No such user.")})
        return actions.do_add_case_mediator(request.user, case, user)

    return _record(request, pk, MediatorForm, save, _("Add a mediator"), _("Mediator added."))


@login_required
def event_link(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        if not events_for_user(request.user).filter(pk=data["event"].pk).exists():
            raise ValidationError({"event": _("No such event.")})
        return actions.do_link_case_event(request.user, case, data["event"], data["relation"])

    return _record(request, pk, EventLinkForm, save, _("Link an event"), _("Event linked."))


@login_required
def meeting_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        meeting = actions.do_record_meeting(
            request.user,
            case,
            title=data["title"],
            kind=data["kind"],
            held_at=data["held_at"],
            place=(data["place"] or [None])[0],
            convener=data["convener"],
            agenda=data["agenda"],
            notes=data["notes"],
            outcome=data["outcome"],
            follow_ups=data["follow_ups"],
            attendees=[{"actor": a} for a in data["attendees"]]
            + [{"contact": c} for c in data["contacts"]]
            + form.others_list(),
            attendance=data["attendance"] or None,
            source=data["source"],
            credibility=data["credibility"],
        )
        if data["commitment_obliged"]:
            actions.do_add_commitment(
                request.user,
                case,
                obliged=data["commitment_obliged"],
                action=data["commitment_action"],
                deadline=data["commitment_deadline"],
                meeting=meeting,
                source=data["source"],
                credibility=data["credibility"],
            )
        return meeting

    return _record(
        request, pk, MeetingForm, save, _("Record a meeting or contact"), _("Meeting recorded.")
    )


@login_required
def position_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        return actions.do_record_position(
            request.user,
            case,
            party=data["party"],
            kind=data["kind"],
            text=data["text"],
            text_ar=data["text_ar"],
            date=data["date"],
            quantity=data["quantity"] or None,
            source=data["source"],
            credibility=data["credibility"],
            quote=data["quote"],
        )

    return _record(
        request, pk, PositionForm, save, _("Record a demand or offer"), _("Position recorded.")
    )


@login_required
def agreement_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        signatories = [(a, "party") for a in data["parties"]]
        signatories += [(a, "guarantor") for a in data["guarantors"]]
        signatories += [(a, "witness") for a in data["witnesses"]]
        return actions.do_record_agreement(
            request.user,
            case,
            title=data["title"],
            title_ar=data["title_ar"],
            form=data["form"],
            date=data["date"],
            signatories=signatories,
            source=data["source"],
            credibility=data["credibility"],
        )

    return _record(
        request,
        pk,
        AgreementRecordForm,
        save,
        _("Record an agreement"),
        _("Agreement recorded. Add its terms as commitments."),
    )


@login_required
def commitment_add(request: HttpRequest, pk: int) -> HttpResponse:
    def save(case, data, form):
        return actions.do_add_commitment(
            request.user,
            case,
            obliged=data["obliged"],
            action=data["action"],
            action_ar=data["action_ar"],
            deadline=data["deadline"] or None,
            quantity=data["quantity"] or None,
            agreement=case.agreements.filter(pk=data["agreement"]).first()
            if data["agreement"]
            else None,
            condition=case.commitments.filter(pk=data["condition"]).first()
            if data["condition"]
            else None,
            source=data["source"],
            credibility=data["credibility"],
        )

    initial = {"agreement": request.GET.get("agreement")}
    return _record(
        request,
        pk,
        CommitmentForm,
        save,
        _("Record a commitment"),
        _("Commitment recorded."),
        {"initial": initial},
    )


@login_required
def commitment_status(request: HttpRequest, pk: int, commitment_id: int) -> HttpResponse:
    case = get_writable_case_for_user(request.user, pk)
    commitment = Commitment.objects.filter(case=case, pk=commitment_id).first()
    if commitment is None:
        raise Http404("No such commitment")
    form = StatusChangeForm(request.POST or None)
    form.fields["event"].queryset = events_for_user(request.user).order_by("-date_start")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.do_change_commitment_status(
                request.user,
                commitment,
                data["status"],
                event=data["event"],
                source=data["source"],
                credibility=data["credibility"],
                quote=data["quote"],
                effective_on=data["effective_on"],
                note=data["note"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Status changed; the earlier steps stay in its history."))
            return redirect(case)
    return render(
        request,
        "mediation/form.html",
        {
            "form": form,
            "title": _("Change a commitment's status"),
            "case": case,
            "subject": commitment,
        },
    )


@login_required
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_writable_case_for_user(request.user, pk)
    form = CaseStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_case_status(
                request.user, case, form.cleaned_data["status"], form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Case status changed."))
            return redirect(case)
    return render(
        request, "mediation/form.html", {"form": form, "title": _("Case status"), "case": case}
    )


RECORDS = {
    "meeting": "meetings",
    "position": "positions",
    "agreement": "agreements",
    "commitment": "commitments",
}


@login_required
def account_add(request: HttpRequest, pk: int, record: str, record_id: int) -> HttpResponse:
    """Another source's account of a date or number; the record is reconciled again."""
    case = get_writable_case_for_user(request.user, pk)
    if record not in RECORDS:
        raise Http404
    target = getattr(case, RECORDS[record]).filter(pk=record_id).first()
    if target is None:
        raise Http404
    form = AccountForm(request.POST or None)
    form.limit_to_record(target)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            do_add_claim(
                request.user,
                target,
                data["field"],
                data["value"],
                source=data["source"],
                credibility=data["credibility"],
                quote=data["quote"],
            )
        except ValidationError as exc:
            # The claim names its own field ("deadline"); on this form that is the value box.
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error("value" if field == data["field"] else None, error)
        else:
            messages.success(request, _("Account added; the record was reconciled again."))
            return redirect(case)
    return render(
        request,
        "mediation/form.html",
        {"form": form, "title": _("Add another source's account"), "case": case, "record": target},
    )
