"""REST routes of early warning, under /api/v1/warning."""

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from sulh.access.policy import can_write
from sulh.accounts.models import User
from sulh.places.models import Place
from sulh.warning import actions
from sulh.warning.access import (
    alerts_for_user,
    get_alert_for_user,
    get_rule_for_user,
    places_q,
    rules_for_user,
)
from sulh.warning.models import RuleMode
from sulh.warning.queries import (
    DEFAULT_RADIUS_KM,
    alert_public,
    place_indicators,
    risk_table,
    rule_public,
)

router = Router(tags=["warning"])
routes = [("/warning", router)]


class FactOut(Schema):
    kind: str
    kind_label: str
    id: int
    start: str
    end: str
    weight: int
    label: str
    url: str


class AlertOut(Schema):
    id: int
    url: str
    rule: dict
    indicator: str
    indicator_label: str
    place: dict | None
    day: date
    period_start: date
    period_end: date
    value: float
    baseline: float | None
    bar: float = Field(..., description="the value the rule needed that day")
    fact_count: int
    acknowledged: bool
    acknowledged_at: str | None = None
    acknowledged_by: str | None
    acknowledged_note: str
    facts: list[FactOut] = []
    hidden_facts: int = 0


class AlertFilterIn(Schema):
    date_from: date | None = None
    date_to: date | None = None
    open: bool = Field(False, description="only alerts not acknowledged")
    indicator: str | None = None


class AckIn(Schema):
    note: str = Field("", max_length=2000)


class RuleIn(Schema):
    name: str = Field(..., max_length=200)
    indicator: str
    place_id: int | None = Field(None, description="a town, an area (its localities), or null")
    mode: str = Field(RuleMode.THRESHOLD, description="threshold or baseline")
    threshold: float = 1
    factor: float = 3
    baseline_days: int = 14
    window_days: int = 1
    radius_km: float = 10
    recipients: list[str] = Field([], description="usernames to email")
    emails: list[str] = []
    active: bool = True


class RuleOut(Schema):
    id: int
    name: str
    indicator: str
    indicator_label: str
    place: dict | None
    mode: str
    condition: str
    threshold: float
    factor: float
    baseline_days: int
    window_days: int
    radius_km: float
    active: bool
    recipients: list[str] | None = None
    emails: list[str] | None = None


class RiskIn(Schema):
    day: date | None = Field(None, alias="date", description="default today")
    radius_km: float = Field(DEFAULT_RADIUS_KM, ge=0, le=200)


class RiskAreaIn(RiskIn):
    area: str | None = Field(None, description="an area: id, P-code (SY1006) or name")


class IndicatorsIn(RiskIn):
    place: int


def _alert_out(alert, user, with_facts: bool = True) -> dict:
    data = alert_public(alert, user, with_facts=with_facts)
    data["acknowledged_at"] = data["acknowledged_at"] and data["acknowledged_at"].isoformat()
    return data


@router.get("/alerts", response=list[AlertOut], summary="Alerts of your areas, newest first")
@paginate
def list_alerts(request: HttpRequest, filters: Query[AlertFilterIn]):
    rows = alerts_for_user(request.user).select_related("rule", "place", "acknowledged_by")
    if filters.date_from:
        rows = rows.filter(day__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(day__lte=filters.date_to)
    if filters.open:
        rows = rows.filter(acknowledged_at__isnull=True)
    if filters.indicator:
        rows = rows.filter(indicator=filters.indicator)
    return [_alert_out(a, request.user, with_facts=False) for a in rows]


@router.get("/alerts/{alert_id}", response=AlertOut, summary="An alert and the facts behind it")
def get_alert(request: HttpRequest, alert_id: int):
    alert, _ = get_alert_for_user(request.user, alert_id)
    return _alert_out(alert, request.user)


@router.post("/alerts/{alert_id}/acknowledge", response={200: AlertOut, 403: dict})
def acknowledge_alert(request: HttpRequest, alert_id: int, payload: AckIn):
    alert, writable = get_alert_for_user(request.user, alert_id)
    if not writable:
        return Status(403, {"detail": "your role cannot acknowledge alerts"})
    actions.do_acknowledge_alert(request.user, alert, payload.note)
    return _alert_out(alert, request.user)


@router.get("/rules", response=list[RuleOut], summary="Alert rules on your areas or everywhere")
def list_rules(request: HttpRequest):
    rows = rules_for_user(request.user).select_related("place").prefetch_related("recipients")
    return [rule_public(r, request.user) for r in rows]


def _rule_fields(payload: RuleIn, request: HttpRequest) -> tuple[dict, list]:
    data = payload.dict()
    place_id, names = data.pop("place_id"), data.pop("recipients")
    place = None
    if place_id is not None:
        place = Place.objects.filter(places_q(request.user), pk=place_id).first()
        if place is None:
            raise ValidationError({"place_id": f"no place {place_id} in your areas"})
    users = list(User.objects.filter(username__in=names, is_active=True))
    missing = sorted(set(names) - {u.username for u in users})
    if missing:
        raise ValidationError({"recipients": f"no active user {missing[0]!r}"})
    data["emails"] = "\n".join(data["emails"])
    return {**data, "place": place}, users


@router.post("/rules", response={201: RuleOut, 403: dict}, summary="Set an alert rule")
def create_rule(request: HttpRequest, payload: RuleIn):
    if not can_write(request.user):
        return Status(403, {"detail": "your role cannot set alert rules"})
    fields, users = _rule_fields(payload, request)
    rule = actions.do_create_rule(request.user, recipients=users, **fields)
    return Status(201, rule_public(rule, request.user))


@router.put("/rules/{rule_id}", response={200: RuleOut, 403: dict}, summary="Change a rule")
def update_rule(request: HttpRequest, rule_id: int, payload: RuleIn):
    rule, writable = get_rule_for_user(request.user, rule_id)
    if not writable:
        return Status(403, {"detail": "your role cannot change alert rules"})
    fields, users = _rule_fields(payload, request)
    rule = actions.do_update_rule(request.user, rule, recipients=users, **fields)
    return rule_public(rule, request.user)


@router.get("/risk", response=list[dict], summary="Localities ranked by risk score")
def risk(request: HttpRequest, filters: Query[RiskAreaIn]):
    from sulh.security.queries import find_area

    area = find_area(filters.area) if filters.area else None
    if filters.area and area is None:
        raise ValidationError({"area": f"no place matches {filters.area!r}"})
    day = filters.day or timezone.localdate()
    return risk_table(request.user, day, radius_km=filters.radius_km, area=area)


@router.get("/indicators", response=list[dict], summary="Every indicator at one place")
def place_indicators_route(request: HttpRequest, filters: Query[IndicatorsIn]):
    place = Place.objects.filter(places_q(request.user), pk=filters.place).first()
    if place is None:
        raise Http404("No such place")
    day = filters.day or timezone.localdate()
    return place_indicators(request.user, place, day, radius_km=filters.radius_km)
