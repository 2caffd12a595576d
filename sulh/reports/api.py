from datetime import date

from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from django.utils.translation import get_language
from ninja import Query, Router, Schema

from sulh.reports.dashboard import DashboardFilters, build_dashboard
from sulh.reports.forms import DashboardForm
from sulh.reports.geo import MAP_LIMIT, events_geojson, places_geojson

router = Router(tags=["reports"])
GEOJSON = "application/geo+json"


class FilterIn(Schema):
    area: str = ""  # an id, a P-code or a name
    date_from: date | None = None
    date_to: date | None = None
    event_type: str = ""
    actor: str = ""  # an id or a name


def _filters(filters: FilterIn) -> DashboardFilters:
    data = {k: ("" if v is None else v) for k, v in filters.dict().items()}
    form = DashboardForm(data)
    if not form.is_valid():
        raise ValidationError({f: "; ".join(e) for f, e in form.errors.items()})
    return form.filters()


class RowOut(Schema):
    key: str | None
    label: str
    events: int
    unknown: int
    low: int
    best: int
    high: int


class DashboardOut(Schema):
    total: RowOut
    by_week: list[RowOut]
    by_area: list[RowOut]
    by_type: list[RowOut]
    area_level: str


def _row(row) -> dict:
    return {**row.__dict__, "key": None if row.key is None else str(row.key)}


@router.get(
    "/dashboard", response=DashboardOut, summary="Events and fatalities by week, area, type"
)
def dashboard(request: HttpRequest, filters: Query[FilterIn]):
    board = build_dashboard(request.user, _filters(filters), get_language() or "en")
    return {
        "total": _row(board.total),
        "by_week": [_row(r) for r in board.by_week],
        "by_area": [_row(r) for r in board.by_area],
        "by_type": [_row(r) for r in board.by_type],
        "area_level": board.area_level,
    }


@router.get(
    "/events/geojson", response=dict, summary="Events as GeoJSON", url_name="reports_events_geojson"
)
def events_as_geojson(request: HttpRequest, filters: Query[FilterIn], limit: int = MAP_LIMIT):
    body = events_geojson(request.user, _filters(filters), max(1, min(limit, MAP_LIMIT)))
    return JsonResponse(body, content_type=GEOJSON)


@router.get(
    "/places/geojson",
    response=dict,
    summary="Admin centres and places (the map's base layer)",
    url_name="reports_places_geojson",
)
def places_as_geojson(request: HttpRequest):
    return JsonResponse(places_geojson(), content_type=GEOJSON)


# "/reports" is the sources app's (field reports); the analysis outputs live under "/analysis".
routes = [("/analysis", router)]
