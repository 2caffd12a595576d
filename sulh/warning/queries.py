"""Reads shared by pages, API, commands and the sitrep: alerts as a user may see them, the facts
behind them, indicators of a place and the risk table.

Risk score of a locality (0-100), documented in docs/warning.md:

    score = 100 × Σ_i w_i × min(1, value_i / s_i) / Σ_i w_i

over the registered indicators i, each measured on the day with its default window and the
radius, with weight w_i and saturation s_i from the registry (violent events 3 and 5, threat
messages 2 and 10, broken or overdue commitments 2 and 3, blocked aid 1 and 2).
"""

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from sulh.access.policy import can_see_report_text, can_write, events_for_user
from sulh.access.redact import is_partner, place_public
from sulh.places.models import Place
from sulh.warning.access import alerts_for_user, places_q
from sulh.warning.indicators import (
    Fact,
    candidate_localities,
    get_indicator,
    indicators,
    measure,
)
from sulh.warning.models import Alert, AlertRule, RuleMode

DEFAULT_RADIUS_KM = 10.0
FACT_KINDS = {
    "event": gettext_lazy("event"),
    "commitment": gettext_lazy("commitment"),
    "aid": gettext_lazy("aid movement"),
    "threats": gettext_lazy("threats"),
}
BASELINE_DAYS = 14


def threats_url(place_id: int, start: str, end: str) -> str:
    try:
        base = reverse("intake:threats")
    except NoReverseMatch:
        base = "/intake/threats/"
    return f"{base}?place={place_id}&from={start}&to={end}"


def facts_public(facts: list[dict], user: Any) -> tuple[list[dict], int]:
    """The facts of an alert this user may see, with a label and a link; and how many are not."""
    from sulh.mediation.access import cases_for_user
    from sulh.mediation.models import Commitment
    from sulh.security.access import registers_for_user
    from sulh.security.models import AidMovement

    ids: dict[str, list[int]] = defaultdict(list)
    for f in facts:
        ids[f["kind"]].append(f["id"])
    events = events_for_user(user).in_bulk(ids["event"])
    commitments = (
        Commitment.objects.filter(case__in=cases_for_user(user))
        .select_related("case")
        .in_bulk(ids["commitment"])
    )
    aid = registers_for_user(user, AidMovement).in_bulk(ids["aid"])
    places = Place.objects.filter(places_q(user)).in_bulk(ids["threats"])
    partner = is_partner(user)
    shown, hidden = [], 0
    for f in facts:
        kind, pk = f["kind"], f["id"]
        row = {**f, "kind_label": str(FACT_KINDS.get(kind, kind)), "label": "", "url": ""}
        if kind == "event" and pk in events:
            row["label"], row["url"] = events[pk].display_title(), events[pk].get_absolute_url()
        elif kind == "commitment" and pk in commitments:
            c = commitments[pk]
            row["label"] = c.display_action()
            row["url"] = reverse(
                "mediation:brief" if partner else "mediation:case", args=[c.case_id]
            )
        elif kind == "aid" and pk in aid:
            row["label"], row["url"] = aid[pk].display_name(), aid[pk].get_absolute_url()
        elif kind == "threats" and pk in places:
            where = place_public(places[pk], user) or {}
            arabic = (get_language() or "").startswith("ar") and where.get("name_ar")
            name = where["name_ar"] if arabic else where.get("name_en", "")
            row["label"] = _("%(n)s threat messages at %(place)s") % {
                "n": f["weight"],
                "place": name,
            }
            if can_see_report_text(user):  # partners get the count, never the messages
                row["url"] = threats_url(pk, f["start"], f["end"])
        else:
            hidden += 1
            continue
        shown.append(row)
    return shown, hidden


def alert_public(alert: Alert, user: Any, with_facts: bool = True) -> dict:
    ind = get_indicator(alert.indicator)
    data = {
        "id": alert.pk,
        "url": alert.get_absolute_url(),
        "rule": {"id": alert.rule_id, "name": alert.rule.name},
        "indicator": alert.indicator,
        "indicator_label": str(ind.label),
        "place": place_public(alert.place, user),
        "day": alert.day,
        "period_start": alert.period_start,
        "period_end": alert.period_end,
        "value": alert.value,
        "baseline": alert.baseline,
        "bar": alert.bar,
        "fact_count": len(alert.facts),
        "created_at": alert.created_at,
        "acknowledged": alert.acknowledged,
        "acknowledged_at": alert.acknowledged_at,
        "acknowledged_by": alert.acknowledged_by.username if alert.acknowledged_by_id else None,
        "acknowledged_note": "" if is_partner(user) else alert.acknowledged_note,
    }
    if with_facts:
        data["facts"], data["hidden_facts"] = facts_public(alert.facts, user)
    return data


def under_area_q(area: Place, path: str = "place") -> Q:
    """Records whose place (reached by ``path``; "" for places themselves) is the area or in it."""
    prefix = f"{path}__" if path else ""
    level = area.admin_level
    inside = (
        Q(**{f"{prefix}adm{level}_id": area.pk}) if level else Q(**{f"{prefix}parent_id": area.pk})
    )
    return Q(**{f"{prefix}pk": area.pk}) | inside


def alerts_for_period(user: Any, area: Place | None, start: date, end: date) -> list[dict]:
    """The alerts of days ``start``..``end`` at localities of ``area`` (or anywhere), as dicts
    already redacted for ``user`` — the sitrep's "alerts of the period" section."""
    rows = alerts_for_user(user).filter(day__gte=start, day__lte=end)
    if area is not None:
        rows = rows.filter(under_area_q(area))
    rows = rows.select_related("rule", "place", "acknowledged_by").order_by("day", "id")
    return [alert_public(a, user) for a in rows]


def place_indicators(
    user: Any, place: Place, day: date, radius_km: float = DEFAULT_RADIUS_KM
) -> list[dict]:
    """Every indicator at one place on ``day``, with the 14-day baseline and the facts."""
    rows = []
    for ind in indicators().values():
        m = measure(ind, [place], day, user=user, radius_km=radius_km, baseline_days=BASELINE_DAYS)[
            place.pk
        ]
        facts, hidden = facts_public([f.as_json() for f in m.facts], user)
        rows.append(
            {
                "indicator": ind.name,
                "label": str(ind.label),
                "window_days": ind.window_days,
                "value": m.value,
                "baseline": m.baseline,
                "facts": facts,
                "hidden_facts": hidden,
            }
        )
    return rows


def risk_score(components: dict[str, dict]) -> float:
    total = sum(c["weight"] for c in components.values()) or 1
    return round(100 * sum(c["component"] for c in components.values()) / total, 1)


def risk_table(
    user: Any, day: date, radius_km: float = DEFAULT_RADIUS_KM, area: Place | None = None
) -> list[dict]:
    """Localities in the user's scope ranked by risk score, each with its components."""
    facts: dict[str, list[Fact]] = {}
    for ind in indicators().values():
        first = day - timedelta(days=ind.window_days - 1)
        facts[ind.name] = ind.facts(user, first, day)
    within = places_q(user)
    if area is not None:
        within &= under_area_q(area, "")
    localities = candidate_localities([f for fs in facts.values() for f in fs], within)
    by_place = {p.pk: {"place": place_public(p, user), "components": {}} for p in localities}
    for ind in indicators().values():
        found = measure(ind, localities, day, radius_km=radius_km, facts=facts[ind.name])
        for place in localities:
            m = found[place.pk]
            by_place[place.pk]["components"][ind.name] = {
                "label": str(ind.label),
                "value": m.value,
                "window_days": ind.window_days,
                "weight": ind.risk_weight,
                "saturation": ind.saturation,
                "component": ind.risk_weight * min(1.0, m.value / ind.saturation),
            }
    for row in by_place.values():
        row["score"] = risk_score(row["components"])
    rows = [r for r in by_place.values() if r["score"] > 0]
    return sorted(rows, key=lambda r: (-r["score"], r["place"]["name_en"]))


def rule_condition(rule: AlertRule) -> str:
    if rule.mode == RuleMode.BASELINE:
        return _(
            "value over %(w)s day(s) ≥ %(k)s × the mean of the %(b)s days before, and ≥ %(t)s"
        ) % {
            "w": rule.window_days,
            "k": f"{rule.factor:g}",
            "b": rule.baseline_days,
            "t": f"{rule.threshold:g}",
        }
    return _("value over %(w)s day(s) ≥ %(t)s") % {
        "w": rule.window_days,
        "t": f"{rule.threshold:g}",
    }


def rule_public(rule: AlertRule, user: Any) -> dict:
    data = {
        "id": rule.pk,
        "name": rule.name,
        "indicator": rule.indicator,
        "indicator_label": str(get_indicator(rule.indicator).label),
        "place": place_public(rule.place, user) if rule.place_id else None,
        "mode": rule.mode,
        "condition": rule_condition(rule),
        "threshold": rule.threshold,
        "factor": rule.factor,
        "baseline_days": rule.baseline_days,
        "window_days": rule.window_days,
        "radius_km": rule.radius_km,
        "active": rule.active,
    }
    if can_write(user):  # who gets the emails is for those who run the rules
        data["recipients"] = sorted(u.username for u in rule.recipients.all())
        data["emails"] = rule.email_list()
    return data
