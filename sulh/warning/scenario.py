"""Demo loader for alert rules (sulh/core/scenarios/qadmus/90-warning.yaml).

Loaded last: a rule may name ``evaluate: {from: DATE, to: DATE}`` and is then run once over those
days, so the demo opens with the alerts the scenario's facts raise. Loading twice adds nothing
(the rule's key is kept, and alerts are unique per rule, locality and period).
"""

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from sulh.core.scenario import ScenarioContext, ScenarioError, section
from sulh.warning import actions
from sulh.warning.engine import run_rules
from sulh.warning.models import AlertRule


def _day(value: object, name: str) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError as exc:
        raise ScenarioError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from exc


@section("warning_rules", order=900)
def load_rule(ctx: ScenarioContext, item: dict) -> AlertRule:
    fields = {
        k: item[k]
        for k in actions.RULE_FIELDS
        if k in item and k not in {"place", "emails"} and k != "key"
    }
    users = get_user_model().objects.filter(username__in=item.get("recipients", []))
    rule = actions.do_create_rule(
        ctx.user,
        place=ctx.place(item["place"]) if item.get("place") else None,
        emails="\n".join(item.get("emails", [])),
        recipients=list(users),
        **fields,
    )
    if run := item.get("evaluate"):
        start, end = _day(run["from"], "from"), _day(run["to"], "to")
        days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        run_rules(days, [rule])
    return rule
