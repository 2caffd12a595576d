from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sulh.access.policy import can_write
from sulh.warning import actions
from sulh.warning.access import alerts_for_user, get_alert_for_user, get_rule_for_user
from sulh.warning.access import rules_for_user as _rules_for_user
from sulh.warning.forms import AreaField, RuleForm
from sulh.warning.indicators import indicators
from sulh.warning.queries import DEFAULT_RADIUS_KM, alert_public, risk_table, rule_public


def _form_errors(form: Any, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("state", "open")
    rows = alerts_for_user(request.user).select_related("rule", "place", "acknowledged_by")
    if state == "open":
        rows = rows.filter(acknowledged_at__isnull=True)
    elif state == "acknowledged":
        rows = rows.filter(acknowledged_at__isnull=False)
    if (name := request.GET.get("indicator", "")) in indicators():
        rows = rows.filter(indicator=name)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "warning/alerts.html",
        {
            "page": page,
            "alerts": [alert_public(a, request.user, with_facts=False) for a in page],
            "state": state,
            "indicators": indicators().values(),
            "indicator": name,
        },
    )


@login_required
def alert_detail(request: HttpRequest, pk: int) -> HttpResponse:
    alert, writable = get_alert_for_user(request.user, pk)
    return render(
        request,
        "warning/alert.html",
        {"alert": alert_public(alert, request.user), "can_ack": writable},
    )


@login_required
@require_POST
def alert_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    alert, writable = get_alert_for_user(request.user, pk)
    if not writable:
        raise PermissionDenied
    try:
        actions.do_acknowledge_alert(request.user, alert, request.POST.get("note", ""))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("Alert acknowledged."))
    return redirect(alert)


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    rows = _rules_for_user(request.user).select_related("place").prefetch_related("recipients")
    return render(
        request,
        "warning/rules.html",
        {
            "rules": [rule_public(r, request.user) for r in rows],
            "can_write": can_write(request.user),
        },
    )


@login_required
def rule_create(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        raise PermissionDenied
    form = RuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_create_rule(
                request.user, recipients=form.cleaned_data["recipients"], **form.rule_fields()
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Rule saved. It runs with the next evaluation."))
            return redirect("warning:rules")
    return render(request, "warning/rule_form.html", {"form": form, "title": _("New alert rule")})


@login_required
def rule_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rule, writable = get_rule_for_user(request.user, pk)
    if not writable:
        raise PermissionDenied
    form = RuleForm(request.POST or None, initial=RuleForm.initial_for(rule))
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_update_rule(
                request.user, rule, recipients=form.cleaned_data["recipients"], **form.rule_fields()
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Rule saved."))
            return redirect("warning:rules")
    return render(request, "warning/rule_form.html", {"form": form, "title": rule.name})


@login_required
def risk(request: HttpRequest) -> HttpResponse:
    errors = []
    try:
        day = date.fromisoformat(request.GET.get("date") or timezone.localdate().isoformat())
    except ValueError:
        errors.append(_("The date is not a date (YYYY-MM-DD)."))
        day = timezone.localdate()
    area = None
    if raw := request.GET.get("area", "").strip():
        try:
            area = AreaField().clean(raw)
        except ValidationError as exc:
            errors.extend(exc.messages)
    rows = risk_table(request.user, day, area=area)
    return render(
        request,
        "warning/risk.html",
        {
            "rows": rows,
            "day": day,
            "area_text": request.GET.get("area", ""),
            "errors": errors,
            "indicators": indicators().values(),
            "radius": DEFAULT_RADIUS_KM,
        },
    )
