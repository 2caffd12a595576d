import json

import pytest
from django.core.management import CommandError

from sulh.warning.tests.conftest import sulh_warning

pytestmark = pytest.mark.django_db


def test_rules_lists_the_demo_rules_with_their_conditions(persona):
    persona("analyst")
    out = sulh_warning("rules", "--as", "t_analyst")
    assert "Threat surge in Qadmus · threat_messages · value over 1 day(s) ≥ 3 × the mean" in out
    assert "Aid blocked in Qadmus sub-district" in out


def test_alerts_lists_the_alerts_of_the_users_areas(persona):
    persona("mediator"), persona("outsider")
    out = sulh_warning("alerts", "--as", "t_mediator", "--from", "2025-03-09", "--to", "2025-03-09")
    assert "2025-03-09 Violence around Qadmus · Al Qadmūs: Violent events 3 (needed 3)" in out
    assert sulh_warning("alerts", "--as", "t_outsider") == "nothing\n"


def test_alerts_as_json_carry_the_facts(persona, demo_key):
    persona("analyst")
    rows = json.loads(sulh_warning("alerts", "--as", "t_analyst", "--json"))
    violence = next(r for r in rows if r["rule"]["name"] == "Violence around Qadmus")
    assert demo_key("ev-hataniah").pk in {f["id"] for f in violence["facts"]}


def test_acknowledge_from_the_command_line(persona, demo_key):
    persona("coordinator"), persona("partner")
    alert = demo_key("rule-aid-blocked").alerts.order_by("day").first()
    assert sulh_warning("ack", str(alert.pk), "--as", "t_coordinator", "--note", "escort asked")
    out = sulh_warning("alerts", "--as", "t_coordinator", "--open")
    assert f"#{alert.pk} " not in out
    with pytest.raises(CommandError, match="acknowledged already"):
        sulh_warning("ack", str(alert.pk), "--as", "t_coordinator")
    with pytest.raises(CommandError, match="may not acknowledge"):
        sulh_warning("ack", str(alert.pk), "--as", "t_partner")


def test_an_outsider_cannot_acknowledge_another_areas_alert(persona, demo_key):
    persona("outsider")
    alert = demo_key("rule-aid-blocked").alerts.first()
    with pytest.raises(CommandError, match=f"no alert {alert.pk} in your areas"):
        sulh_warning("ack", str(alert.pk), "--as", "t_outsider")


def test_risk_ranks_localities(persona):
    persona("analyst")
    out = sulh_warning("risk", "--as", "t_analyst", "--date", "2025-03-20")
    first = out.splitlines()[0]
    assert "Al Qadmūs" in out and "commitments" in first


def test_an_unknown_user_is_named():
    with pytest.raises(CommandError, match="no active user 'nobody'"):
        sulh_warning("rules", "--as", "nobody")
