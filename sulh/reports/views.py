from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sulh.lib.charts import Bar, bar_chart
from sulh.reports.actions import do_record_sitrep
from sulh.reports.dashboard import Dashboard, DashboardFilters, build_dashboard
from sulh.reports.forms import DashboardForm, SitrepForm
from sulh.reports.sitrep import SitrepRequest, render_sitrep_html, render_sitrep_pdf


def _charts(dashboard: Dashboard) -> dict[str, str]:
    weeks = dashboard.by_week
    return {
        "events_by_week": mark_safe(  # noqa: S308 - drawn by sulh.lib.charts, labels escaped there
            bar_chart([Bar(r.label, r.events) for r in weeks], title=_("Events by week"))
        ),
        "fatalities_by_week": mark_safe(  # noqa: S308
            bar_chart(
                [Bar(r.label, r.best, r.low, r.high) for r in weeks],
                title=_("Fatalities by week (best estimate; line: low to high)"),
                color="#a5413b",
            )
        ),
        "events_by_type": mark_safe(  # noqa: S308
            bar_chart(
                [Bar(r.label, r.events) for r in dashboard.by_type[:8]],
                title=_("Events by type"),
                height=160,
            )
        ),
    }


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    form = DashboardForm(request.GET or None)
    filters = form.filters() if form.is_valid() else DashboardFilters()
    if form.is_bound and not form.is_valid():
        filters = None
    board = build_dashboard(request.user, filters, get_language() or "en") if filters else None
    return render(
        request,
        "reports/dashboard.html",
        {
            "form": form,
            "board": board,
            "charts": _charts(board) if board else {},
            "query": request.GET.urlencode(),
        },
        status=200 if filters else 400,
    )


@login_required
def event_map(request: HttpRequest) -> HttpResponse:
    form = DashboardForm(request.GET or None)
    form.is_valid()
    return render(
        request,
        "reports/map.html",
        {
            "form": form,
            "query": request.GET.urlencode(),
            "tile_url": settings.SULH_TILE_URL,
            "tile_attribution": settings.SULH_TILE_ATTRIBUTION,
        },
    )


def _sitrep_request(request: HttpRequest, form: SitrepForm) -> SitrepRequest:
    data = form.cleaned_data
    return SitrepRequest(
        user=request.user,
        area=data["area"],
        date_from=data["date_from"],
        date_to=data["date_to"],
        language=data["lang"],
    )


@login_required
def sitrep(request: HttpRequest) -> HttpResponse:
    """The form; with a complete query, the report itself as HTML or, asked for, as a PDF."""
    form = SitrepForm(request.GET or None)
    if not form.is_bound or not form.is_valid():
        return render(
            request,
            "reports/sitrep_form.html",
            {"form": form},
            status=400 if form.is_bound else 200,
        )
    report = _sitrep_request(request, form)
    pdf = request.GET.get("format") == "pdf"
    do_record_sitrep(
        request.user, report, "PDF" if pdf else "HTML", ip=request.META.get("REMOTE_ADDR", "")
    )
    if pdf:
        response = HttpResponse(render_sitrep_pdf(report), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{report.filename("pdf")}"'
        return response
    query = request.GET.copy()
    query["format"] = "pdf"
    return HttpResponse(render_sitrep_html(report, pdf_url=f"?{query.urlencode()}"))
