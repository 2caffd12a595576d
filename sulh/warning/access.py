"""Who sees which rules, alerts and risk rows: the area scope of sulh.access.policy applied to
the locality of each, and one 404 for what a user may not see."""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from sulh.access.policy import area_q, can_write, is_active, sees_everywhere
from sulh.warning.models import Alert, AlertRule


def places_q(user: Any) -> Q:
    """Places inside the user's areas (every place for those who see everywhere)."""
    if not is_active(user):
        return Q(pk__in=[])
    if sees_everywhere(user):
        return Q()
    q = Q(pk__in=[])
    for area in user.areas.all():
        level = area.admin_level
        q |= Q(pk=area.pk) | (Q(**{f"adm{level}_id": area.pk}) if level else Q(parent_id=area.pk))
    return q


def alerts_for_user(user: Any) -> QuerySet[Alert]:
    if not is_active(user):
        return Alert.objects.none()
    return Alert.objects.filter(area_q(user, "place"))


def get_alert_for_user(user: Any, pk: int) -> tuple[Alert, bool]:
    """The alert and whether the user may acknowledge it; the same 404 whether it exists or not."""
    alert = alerts_for_user(user).select_related("rule", "place").filter(pk=pk).first()
    if alert is None:
        raise Http404("No such alert")
    return alert, can_write(user)


def rules_for_user(user: Any) -> QuerySet[AlertRule]:
    """Rules on a place in the user's areas, and rules on every locality."""
    if not is_active(user):
        return AlertRule.objects.none()
    return AlertRule.objects.filter(area_q(user, "place"))


def get_rule_for_user(user: Any, pk: int) -> tuple[AlertRule, bool]:
    rule = rules_for_user(user).select_related("place").filter(pk=pk).first()
    if rule is None:
        raise Http404("No such rule")
    return rule, can_write(user) and (rule.place_id is not None or sees_everywhere(user))
