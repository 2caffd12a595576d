from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sulh.access.policy import can_see_identity, can_write, get_report_for_user, reports_for_user
from sulh.access.redact import source_public
from sulh.sources.actions import do_create_report, do_create_source
from sulh.sources.forms import ReportForm, SourceForm
from sulh.sources.identity import reveal_identity, shields_identity
from sulh.sources.models import Source


@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    sources = [source_public(s, request.user) for s in Source.objects.all()]
    return render(request, "sources/list.html", {"sources": sources})


@login_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    return render(
        request,
        "sources/detail.html",
        {
            "source": source_public(source, request.user),
            "has_identity": source.has_identity,
            "may_reveal": can_see_identity(request.user),
            "reports": reports_for_user(request.user).filter(source=source)[:100],
            "claim_count": source.claims.count(),
        },
    )


@login_required
@require_POST
@shields_identity
def source_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    identity = reveal_identity(
        request.user, source, where="web", ip=request.META.get("REMOTE_ADDR", "")
    )
    if identity is None:
        raise PermissionDenied
    response = render(
        request,
        "sources/identity.html",
        {"source": source_public(source, request.user), "identity": identity},
    )
    response["Cache-Control"] = "no-store"
    return response


def _apply_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@login_required
@shields_identity
def source_create(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        raise PermissionDenied
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, identity = form.split()
        try:
            source = do_create_source(request.user, identity=identity, **data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Source recorded; its identity is sealed."))
            return redirect("sources:detail", pk=source.pk)
    return render(request, "sources/form.html", {"form": form})


@login_required
def report_create(request: HttpRequest) -> HttpResponse:
    if not can_write(request.user):
        raise PermissionDenied
    form = ReportForm(request.POST or None, initial={"source": request.GET.get("source")})
    if request.method == "POST" and form.is_valid():
        try:
            report = do_create_report(
                request.user, **{k: v for k, v in form.cleaned_data.items() if v}
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Report stored."))
            return redirect("sources:report", pk=report.pk)
    return render(request, "sources/report_form.html", {"form": form})


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, pk)
    return render(
        request,
        "sources/report.html",
        {
            "report": report,
            "source": source_public(report.source, request.user),
            "claims": report.claims.select_related("record_type")[:200],
        },
    )
