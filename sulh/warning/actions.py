"""Every write of the warning app: rules, alerts raised by the worker, acknowledgements."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from sulh.access.policy import sees_everywhere
from sulh.audit.actions import do_audit
from sulh.places.models import Place
from sulh.warning.access import places_q
from sulh.warning.indicators import Measure, indicators
from sulh.warning.models import Alert, AlertRule, RuleMode

RULE_FIELDS = (
    "name",
    "indicator",
    "place",
    "mode",
    "threshold",
    "factor",
    "baseline_days",
    "window_days",
    "radius_km",
    "emails",
    "active",
)


def _check_rule(user: Any, rule: AlertRule) -> None:
    errors: dict[str, str] = {}
    if not rule.name.strip():
        errors["name"] = "Give the rule a name."
    if rule.indicator not in indicators():
        errors["indicator"] = f"No indicator {rule.indicator!r}; known: " + ", ".join(
            sorted(indicators())
        )
    if rule.mode not in RuleMode.values:
        errors["mode"] = f"Mode is one of {', '.join(RuleMode.values)}."
    if not rule.threshold or rule.threshold <= 0:
        errors["threshold"] = "The threshold (or minimum) must be above 0."
    if rule.mode == RuleMode.BASELINE and (not rule.factor or rule.factor <= 0):
        errors["factor"] = "The factor k must be above 0."
    if not 1 <= (rule.baseline_days or 0) <= 90:
        errors["baseline_days"] = "The baseline is 1 to 90 days."
    if not 1 <= (rule.window_days or 0) <= 365:
        errors["window_days"] = "The window is 1 to 365 days."
    if rule.radius_km is None or not 0 <= rule.radius_km <= 200:
        errors["radius_km"] = "The radius is 0 to 200 km."
    for address in rule.email_list():
        try:
            validate_email(address)
        except ValidationError:
            errors["emails"] = f"{address!r} is not an email address."
            break
    if user is not None and not rule.place_id and not sees_everywhere(user):
        errors["place"] = "Choose a place in your areas; a rule on every locality is national."
    if (
        user is not None
        and rule.place_id
        and not Place.objects.filter(places_q(user), pk=rule.place_id).exists()
    ):
        errors["place"] = "This place is outside your areas."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def do_create_rule(user: Any, *, recipients: list | None = None, **fields: Any) -> AlertRule:
    unknown = set(fields) - set(RULE_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "Not a field of an alert rule."})
    rule = AlertRule(**fields, created_by=user if getattr(user, "pk", None) else None)
    _check_rule(user, rule)
    rule.save()
    rule.recipients.set(recipients or [])
    do_audit(user, "warning.rule.create", rule, summary=rule.name, changes={"fields": list(fields)})
    return rule


@transaction.atomic
def do_update_rule(
    user: Any, rule: AlertRule, *, recipients: list | None = None, **fields: Any
) -> AlertRule:
    unknown = set(fields) - set(RULE_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "Not a field of an alert rule."})
    changed = [name for name, value in fields.items() if getattr(rule, name) != value]
    for name, value in fields.items():
        setattr(rule, name, value)
    _check_rule(user, rule)
    rule.updated_at = timezone.now()
    rule.save(update_fields=[*changed, "updated_at"])
    if recipients is not None:
        rule.recipients.set(recipients)
        changed.append("recipients")
    do_audit(user, "warning.rule.update", rule, summary=rule.name, changes={"fields": changed})
    return rule


def do_raise_alert(rule: AlertRule, day: date, found: Measure, bar: float) -> Alert | None:
    """A new alert for the rule at this locality in this period; None when one exists already."""
    start, end = rule.period_of(day)
    if Alert.objects.filter(rule=rule, place=found.place, period_start=start).exists():
        return None
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                rule=rule,
                place=found.place,
                indicator=rule.indicator,
                day=day,
                period_start=start,
                period_end=end,
                value=found.value,
                baseline=found.baseline,
                bar=bar,
                facts=[f.as_json() for f in found.facts],
            )
            do_audit(
                None,
                "warning.alert.raise",
                alert,
                summary=f"{rule.name}: {found.value:g} ≥ {bar:g} on {day}",
                changes={"rule": rule.pk, "place": found.place.pk, "facts": len(found.facts)},
            )
    except IntegrityError:
        return None  # another worker raised it between the check and the insert
    return alert


@transaction.atomic
def do_record_alert_email(alert: Alert, sent: int) -> Alert:
    alert.emailed = alert.emailed + sent
    alert.save(update_fields=["emailed"])
    do_audit(None, "warning.alert.email", alert, summary=f"{sent} email(s) sent")
    return alert


@transaction.atomic
def do_acknowledge_alert(user: Any, alert: Alert, note: str = "") -> Alert:
    if alert.acknowledged:
        raise ValidationError({"alert": "This alert was acknowledged already."})
    alert.acknowledged_at = timezone.now()
    alert.acknowledged_by = user
    alert.acknowledged_note = note.strip()[:2000]
    alert.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledged_note"])
    do_audit(user, "warning.alert.acknowledge", alert, summary=alert.rule.name)
    return alert
