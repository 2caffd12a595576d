"""Evaluating rules: the worker behind ``sulh warning run`` (like healthchecks' sendalerts).

Running twice on the same day raises nothing new: an alert is unique per rule, locality and
period (see ``AlertRule.period_of``).
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django.utils.translation import gettext as _

from sulh.access.redact import place_public
from sulh.warning import actions
from sulh.warning.access import alerts_for_user
from sulh.warning.indicators import (
    Fact,
    Measure,
    candidate_localities,
    get_indicator,
    measure,
)
from sulh.warning.models import Alert, AlertRule, RuleMode

log = logging.getLogger(__name__)


@dataclass
class Firing:
    rule: AlertRule
    found: Measure
    bar: float


@dataclass
class RunResult:
    days: list[date] = field(default_factory=list)
    rules: int = 0
    firings: int = 0
    raised: list[Alert] = field(default_factory=list)
    emailed: int = 0


def bar_for(rule: AlertRule, found: Measure) -> float:
    """The value the rule needs: its threshold, or k × baseline but never below the minimum."""
    if rule.mode == RuleMode.BASELINE:
        return max(rule.threshold, rule.factor * (found.baseline or 0.0))
    return rule.threshold


def rule_localities(rule: AlertRule, facts: list[Fact]) -> list:
    """Every locality the facts touch for a rule on all; else the rule's place (an area whole)."""
    return candidate_localities(facts) if rule.place is None else [rule.place]


def evaluate_rule(rule: AlertRule, day: date, user: Any = None) -> list[Firing]:
    """Where the rule fires on ``day``; ``user`` limits the facts to that user's scope."""
    ind = get_indicator(rule.indicator)
    baseline_days = rule.baseline_days if rule.mode == RuleMode.BASELINE else 0
    first = day - timedelta(days=rule.window_days - 1 + baseline_days)
    facts = ind.facts(user, first, day)
    found = measure(
        ind,
        rule_localities(rule, facts),
        day,
        window_days=rule.window_days,
        radius_km=rule.radius_km,
        baseline_days=baseline_days,
        facts=facts,
    )
    firings = [Firing(rule, m, bar_for(rule, m)) for m in found.values()]
    return [f for f in firings if f.found.value > 0 and f.found.value >= f.bar]


def run_rules(
    days: list[date], rules: list[AlertRule] | None = None, email: bool = True
) -> RunResult:
    """Evaluate the active rules on each day; raise and email the alerts not raised before."""
    if rules is None:
        rules = list(AlertRule.objects.filter(active=True).select_related("place"))
    result = RunResult(days=days, rules=len(rules))
    for day in days:
        for rule in rules:
            for firing in evaluate_rule(rule, day):
                result.firings += 1
                alert = actions.do_raise_alert(rule, day, firing.found, firing.bar)
                if alert is None:
                    continue
                result.raised.append(alert)
                if email:
                    result.emailed += send_alert_email(alert)
    return result


def _message(alert: Alert, reader: Any) -> tuple[str, str]:
    # In the language the recipient last chose in the app, else the site's (plain addresses),
    # whatever a request before may have activated.
    with translation.override(getattr(reader, "language", "") or settings.LANGUAGE_CODE):
        return _compose(alert, reader)


def _compose(alert: Alert, reader: Any) -> tuple[str, str]:
    shown = place_public(alert.place, reader) or {}
    label = str(get_indicator(alert.indicator).label)
    arabic = translation.get_language().startswith("ar") and shown.get("name_ar")
    subject = _("[sulh] %(rule)s: %(indicator)s at %(place)s") % {
        "rule": alert.rule.name,
        "indicator": label,
        "place": shown["name_ar"] if arabic else shown.get("name_en", ""),
    }
    lines = [
        _("Rule: %(rule)s") % {"rule": alert.rule.name},
        _("Place: %(en)s / %(ar)s")
        % {"en": shown.get("name_en", ""), "ar": shown.get("name_ar", "")},
        _("Day: %(day)s") % {"day": alert.day.isoformat()},
        _("%(indicator)s: %(value)s (the rule needed %(bar)s)")
        % {"indicator": label, "value": f"{alert.value:g}", "bar": f"{alert.bar:g}"},
    ]
    if alert.baseline is not None:
        lines.append(
            _("Baseline (mean of the days before): %(b)s") % {"b": f"{alert.baseline:.2f}"}
        )
    lines.append(_("Facts behind it: %(n)s") % {"n": len(alert.facts)})
    base = getattr(settings, "SULH_BASE_URL", "").rstrip("/")
    lines.append(_("Open the alert: %(url)s") % {"url": base + alert.get_absolute_url()})
    return subject, "\n".join(lines) + "\n"


def send_alert_email(alert: Alert) -> int:
    """Email the rule's recipients: users who may see the alert, and the listed addresses.

    The message names the place (coarsened for partners and plain addresses) and the figures
    only; the facts stay behind the login.
    """
    messages = []
    seen: set[str] = set()
    for user in alert.rule.recipients.filter(is_active=True).exclude(email=""):
        if alerts_for_user(user).filter(pk=alert.pk).exists() and user.email not in seen:
            seen.add(user.email)
            messages.append(EmailMessage(*_message(alert, user), to=[user.email]))
    for address in alert.rule.email_list():
        if address not in seen:
            seen.add(address)
            messages.append(EmailMessage(*_message(alert, AnonymousUser()), to=[address]))
    if not messages:
        return 0
    try:
        sent = get_connection().send_messages(messages) or 0
    except OSError as exc:  # SMTP down: the alert stays in the app; the count says none went
        log.warning("alert %s: email not sent (%s)", alert.pk, type(exc).__name__)
        sent = 0
    if sent:
        actions.do_record_alert_email(alert, sent)
    return sent
