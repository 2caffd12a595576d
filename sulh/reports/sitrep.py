"""Situation reports: an area over a period, as HTML or PDF, in English or Arabic.

The report is written for one reader (a user, or from the command line a partner-level reader) and
built from the shared policy: events through ``events_for_user`` and ``event_columns_public``,
places through ``place_public``, sources only as ``source_public`` safe descriptions with their
grade.
No quote, report text or source identity is ever put in it.
"""

from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.db.models import Q
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from sulh.access.policy import events_for_user
from sulh.access.redact import event_columns_public, place_public, source_public
from sulh.accounts.models import Role
from sulh.claims.models import Claim, ClaimStatus
from sulh.events.models import Event
from sulh.events.queries import EventFilters, filter_events
from sulh.events.taxonomy import EVENT_TYPES
from sulh.lib.charts import Bar, Point, bar_chart, point_map
from sulh.places.models import Place
from sulh.reports import dashboard
from sulh.reports.sections import Section, SitrepRequest, build_sections, sitrep_section

# Noto Naskh Arabic's Arabic subset (OFL, see static/reports/fonts/OFL.txt); Latin text falls back
# to DejaVu Sans, which the PDF engine finds through fontconfig.
FONT_FILES = {
    "arabic_400": "reports/fonts/noto-naskh-arabic-arabic-400-normal.woff",
    "arabic_700": "reports/fonts/noto-naskh-arabic-arabic-700-normal.woff",
}


class PartnerReader:
    """The reader of a report written from the command line without ``--user``: seen as a partner
    with no areas (every area, sensitive places coarsened), since a report may be forwarded."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    source_clearance = False
    role = Role.PARTNER
    pk = None
    username = ""

    @property
    def areas(self) -> Any:
        return Place.objects.none()


def fatalities_text(low: int | None, best: int | None, high: int | None) -> str:
    if best is None and low is None and high is None:
        return ""
    best = best if best is not None else low
    if low is not None and high is not None and low != high:
        return f"{best:,} ({low:,}–{high:,})"
    return f"{best:,}"


def _name(shown: dict | None, language: str) -> str:
    if not shown:
        return ""
    return shown["name_ar"] if language == "ar" and shown["name_ar"] else shown["name_en"]


def _period_events(report: SitrepRequest) -> Any:
    filters = EventFilters(
        date_from=report.date_from, date_to=report.date_to, place_id=report.area.pk
    )
    events = filter_events(events_for_user(report.user), filters)
    return events.select_related("place__adm3", "place__adm2", "place__adm1").order_by(
        "date_start", "id"
    )


def _sources_of(events: list[Event], user: Any, language: str) -> dict[int, list[str]]:
    """Each event's sources as safe descriptions with their grade ("Activist in the town, B2")."""
    claims = (
        Claim.objects.filter(
            record_type__app_label="events",
            record_type__model="event",
            record_id__in=[e.pk for e in events],
            status=ClaimStatus.ACCEPTED,
        )
        .select_related("source")
        .order_by("record_id", "source_id")
    )
    found: dict[int, dict[int, tuple[str, str]]] = {}
    for claim in claims:
        shown = source_public(claim.source, user)
        text = shown["safe_description_ar"] if language == "ar" else ""
        text = text or shown["safe_description"]
        grade = f"{shown['reliability']}{claim.credibility}"
        per_event = found.setdefault(claim.record_id, {})
        # A source that said several things about the event is listed once, at its best grade.
        best = per_event.get(claim.source_id)
        if best is None or grade < best[1]:
            per_event[claim.source_id] = (text, grade)
    return {
        pk: [f"{text}, {grade}" for text, grade in texts.values()] for pk, texts in found.items()
    }


def _timeline(report: SitrepRequest) -> list[dict]:
    if "timeline" not in report.cache:
        report.cache["timeline"] = _timeline_rows(report)
    return report.cache["timeline"]


def _timeline_rows(report: SitrepRequest) -> list[dict]:
    events = list(_period_events(report)[:500])
    sources = _sources_of(events, report.user, report.language)
    rows = []
    for event in events:
        public = event_columns_public(event, report.user)
        etype = EVENT_TYPES.get(public["event_type"])
        rows.append(
            {
                "date": _date_text(public["date_start"], public["date_end"]),
                "title": public["title_ar"]
                if report.language == "ar" and public["title_ar"]
                else public["title"] or public["title_ar"],
                "type": str(etype.label) if etype else public["event_type"],
                "place": _name(public["place"], report.language),
                "fatalities": fatalities_text(**public["fatalities"]),
                "disputed": public["disputed"],
                "sources": sources.get(event.pk, []),
                "latitude": public["latitude"],
                "longitude": public["longitude"],
            }
        )
    return rows


LRM = "\u200e"


def ltr(text: str) -> str:
    """Dates and ranges kept left to right inside a right-to-left page: a left-to-right mark
    before each part, which browsers and the PDF engine (no CSS isolation yet) both honour."""
    return LRM + text.replace("–", f"{LRM}–{LRM}") if text else ""


def _date_text(start: Any, end: Any) -> str:
    if start is None:
        return ""
    if end is None or end == start:
        return ltr(start.isoformat())
    return ltr(f"{start.isoformat()}–{end.isoformat()}")


def _filters(report: SitrepRequest) -> dashboard.DashboardFilters:
    return dashboard.DashboardFilters(
        area=report.area, date_from=report.date_from, date_to=report.date_to
    )


@sitrep_section(10, "summary")
def summary_section(report: SitrepRequest) -> Section:
    filters = _filters(report)
    total = dashboard.total(report.user, filters)
    types = dashboard.by_type(report.user, filters, report.language)
    timeline = _timeline(report)
    return Section(
        _("Summary"),
        "reports/sitrep/summary.html",
        {
            "total": total,
            "fatalities": fatalities_text(total.low, total.best, total.high) or "0",
            "types": types[:6],
            "disputed": sum(1 for row in timeline if row["disputed"]),
        },
    )


@sitrep_section(20, "chart")
def chart_section(report: SitrepRequest) -> Section | None:
    days = (report.date_to - report.date_from).days + 1
    step = 7 if days > 62 else 1  # a long period reads better by week
    starts = [report.date_from + timedelta(days=i) for i in range(0, days, step)]
    counts: Counter = Counter()
    killed: Counter = Counter()
    for event in _period_events(report).values("date_start", "fatalities_best"):
        if event["date_start"] is None:
            continue
        bucket = max((event["date_start"] - report.date_from).days, 0) // step
        counts[bucket] += 1
        killed[bucket] += event["fatalities_best"] or 0
    if not counts:
        return None
    labels = [start.strftime("%m-%d") for start in starts]
    # Titles stay outside the drawing: the PDF engine draws SVG text without Arabic shaping.
    return Section(
        _("Events and fatalities over the period"),
        "reports/sitrep/chart.html",
        {
            "events_title": _("Events per day") if step == 1 else _("Events per week"),
            "events_chart": mark_safe(  # noqa: S308 - drawn by sulh.lib.charts, labels escaped
                bar_chart([Bar(label, counts[i]) for i, label in enumerate(labels)])
            ),
            "fatalities_title": _("Fatalities (best estimate)"),
            "fatalities_chart": mark_safe(  # noqa: S308
                bar_chart(
                    [Bar(label, killed[i]) for i, label in enumerate(labels)], color="#a5413b"
                )
            ),
        },
    )


@sitrep_section(30, "map")
def map_section(report: SitrepRequest) -> Section | None:
    spots: dict[tuple, dict] = {}
    for row in _timeline(report):
        if row["latitude"] is not None:
            key = (row["latitude"], row["longitude"])
            spots.setdefault(key, {"place": row["place"], "events": 0})["events"] += 1
    if not spots:
        return None
    # Events are numbered on the drawing and named in the legend beneath it (HTML, so Arabic
    # names are shaped properly); admin centres give bearings and are never sensitive.
    legend = []
    points = []
    for number, ((lat, lon), spot) in enumerate(
        sorted(spots.items(), key=lambda s: -s[1]["events"]), 1
    ):
        points.append(Point(lon, lat, str(number), spot["events"]))
        legend.append({"number": number, **spot})
    lats, lons = [lat for lat, _lon in spots], [lon for _lat, lon in spots]
    around = Place.objects.filter(
        kind__in=["adm2", "adm3"],
        sensitive=False,
        latitude__range=(min(lats) - 0.1, max(lats) + 0.1),
        longitude__range=(min(lons) - 0.1, max(lons) + 0.1),
    )[:40]
    for place in around:
        label = place.name_en if report.language == "en" else ""
        points.append(Point(place.longitude, place.latitude, label, kind="place"))
    return Section(
        _("Map"),
        "reports/sitrep/map.html",
        {"map": mark_safe(point_map(points)), "legend": legend},  # noqa: S308 - sulh.lib.charts
    )


@sitrep_section(40, "timeline")
def timeline_section(report: SitrepRequest) -> Section:
    return Section(_("Timeline"), "reports/sitrep/timeline.html", {"rows": _timeline(report)})


@sitrep_section(50, "mediation")
def mediation_section(report: SitrepRequest) -> Section | None:
    from sulh.reports.mediation_status import mediation_status

    cases = mediation_status(report)
    if not cases:
        return None
    return Section(_("Mediation"), "reports/sitrep/mediation.html", {"cases": cases})


def register_builtin_sections() -> None:
    """The built-in sections register when this module is imported (by the app's ready)."""


def font_urls(for_pdf: bool) -> dict[str, str]:
    if for_pdf:
        return {k: Path(finders.find(v)).as_uri() for k, v in FONT_FILES.items()}
    return {k: static(v) for k, v in FONT_FILES.items()}


def render_sitrep_html(report: SitrepRequest, for_pdf: bool = False, pdf_url: str = "") -> str:
    with translation.override(report.language):
        shown_area = place_public(report.area, report.user)
        context = {
            "report": report,
            "area_name": _name(shown_area, report.language),
            "sections": build_sections(report),
            "fonts": font_urls(for_pdf),
            "period": ltr(f"{report.date_from.isoformat()}–{report.date_to.isoformat()}"),
            "generated": ltr(timezone.localtime().strftime("%Y-%m-%d %H:%M")),
            "rtl": report.language == "ar",
            "for_pdf": for_pdf,
            "pdf_url": pdf_url,
        }
        return render_to_string("reports/sitrep/report.html", context)


def html_to_pdf(html: str) -> bytes:
    """A self-contained HTML page (fonts as file URLs) as PDF; WeasyPrint shapes Arabic."""
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def render_sitrep_pdf(report: SitrepRequest) -> bytes:
    return html_to_pdf(render_sitrep_html(report, for_pdf=True))


__all__ = ["Q", "PartnerReader", "SitrepRequest", "render_sitrep_html", "render_sitrep_pdf"]
