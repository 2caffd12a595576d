"""Pages of the messaging half of intake: import an export, its summary, the threat series."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from sulh.access.policy import area_q, can_see_report_text, can_write
from sulh.access.redact import place_public
from sulh.intake.access import can_use_intake
from sulh.intake.actions_messages import do_import_messages
from sulh.intake.forms_messages import MessageImportForm, ThreatFilterForm
from sulh.intake.messaging.threats import reason_label
from sulh.intake.models import MessageImport
from sulh.intake.threats import days_shown, threat_day_for_user, threat_rows
from sulh.places.models import Place


def get_import_for_user(user, pk: int) -> MessageImport:
    """An import whose place lies in the user's areas. Intake users only (it lists message
    texts): anyone else is refused (403) like every intake tool, before looking for the import."""
    if not can_use_intake(user):
        raise PermissionDenied
    batch = MessageImport.objects.filter(area_q(user, "place"), pk=pk).first()
    if batch is None:
        raise Http404("No such import")
    return batch


@login_required
def message_import(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        raise PermissionDenied
    form = MessageImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = do_import_messages(
                request.user,
                fmt=data["format"],
                data=data["file"].read(),
                source=data["source"],
                place=data["place"],
                date_order=data["date_order"] or None,
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
        else:
            messages.success(request, _("Export imported."))
            return redirect("intake:message_import_summary", pk=batch.pk)
    return render(request, "intake/messages_import.html", {"form": form})


@login_required
def message_import_summary(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_import_for_user(request.user, pk)
    flagged = batch.messages.filter(is_threat=True).select_related("report")
    return render(
        request,
        "intake/messages_summary.html",
        {
            "batch": batch,
            "place": place_public(batch.place, request.user),
            "flagged": [(m, [reason_label(c) for c in m.reason_codes]) for m in flagged[:500]],
        },
    )


@login_required
def threat_series(request: HttpRequest) -> HttpResponse:
    form = ThreatFilterForm(request.GET)
    rows, start, end, place = [], None, None, None
    if form.is_valid():
        data = form.cleaned_data
        start, end = days_shown(request.user, data["start"], data["end"])
        place = data["place"]
        rows = threat_rows(request.user, place, start, end)
    peak = max((row.count for row in rows), default=0)
    return render(
        request,
        "intake/messages_threats.html",
        {
            "form": form,
            "rows": rows,
            "start": start,
            "end": end,
            "place": place_public(place, request.user),
            "peak": peak,
            "total": sum(row.count for row in rows),
            "may_read": can_see_report_text(request.user),
            "may_import": can_write(request.user),
        },
    )


@login_required
def threat_day(request: HttpRequest, place_id: int, day: str) -> HttpResponse:
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise Http404("No such day") from None
    reports = threat_day_for_user(request.user, place_id, when)
    place = Place.objects.get(pk=place_id)
    items = [(r, [reason_label(c) for c in r.imported_message.reason_codes]) for r in reports]
    return render(
        request,
        "intake/messages_threat_day.html",
        {"day": when, "place": place_public(place, request.user), "items": items},
    )


urlpatterns = [
    path("messages/import/", message_import, name="message_import"),
    path("messages/imports/<int:pk>/", message_import_summary, name="message_import_summary"),
    path("threats/", threat_series, name="threats"),
    path("threats/<int:place_id>/<str:day>/", threat_day, name="threat_day"),
]
