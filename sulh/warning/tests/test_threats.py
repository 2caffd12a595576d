"""The threat indicator, against the intake contract (sulh.intake.threats)."""

import pytest

pytestmark = pytest.mark.django_db

threats = pytest.importorskip("sulh.intake.threats", reason="intake threat series not present")


@pytest.fixture
def surge(demo_key):
    """The demo's threat surge alert: 124 threatening messages at Qadmus on 7 March 2025."""
    return demo_key("rule-threat-surge-qadmus").alerts.get(day="2025-03-07")


def test_threats_per_day_are_compared_with_the_days_before(api_for, qadmus):
    rows = api_for("analyst").get(
        "/warning/indicators", place=qadmus.pk, date="2025-03-07", radius_km=5
    )
    row = next(r for r in rows.json() if r["indicator"] == "threat_messages")
    counts = threats.daily_threat_counts([qadmus.pk], *_days("2025-02-21", "2025-03-07"))
    before = sum(n for day, n in counts[qadmus.pk].items() if str(day) < "2025-03-07")
    assert row["value"] == counts[qadmus.pk][_day("2025-03-07")] == 124
    assert row["baseline"] == pytest.approx(before / 14)


def test_the_demo_surge_rule_fires_on_the_surge_days(demo_key):
    rule = demo_key("rule-threat-surge-qadmus")
    days = sorted(str(d) for d in rule.alerts.values_list("day", flat=True))
    assert {"2025-03-07", "2025-03-08"} <= set(days)
    assert "2025-03-02" not in days  # a quiet day stays quiet


def test_the_surge_alert_links_to_the_threat_messages_of_the_day(api_for, surge, qadmus):
    body = api_for("analyst").get(f"/warning/alerts/{surge.pk}").json()
    fact = body["facts"][0]
    assert (fact["kind"], fact["weight"]) == ("threats", 124)
    assert fact["url"].endswith(f"/intake/threats/?place={qadmus.pk}&from=2025-03-07&to=2025-03-07")
    assert body["value"] == 124 and body["bar"] == 3


def test_a_partner_sees_the_count_but_no_link_to_the_messages(api_for, client_for, surge):
    fact = api_for("partner").get(f"/warning/alerts/{surge.pk}").json()["facts"][0]
    assert fact["label"] == "124 threat messages at Al Qadmūs" and fact["url"] == ""
    page = client_for("partner").get(f"/warning/alerts/{surge.pk}/").text
    assert "/intake/threats/?place=" not in page and "124 threat messages" in page


def test_the_risk_table_counts_the_surge(api_for):
    rows = api_for("analyst").get("/warning/risk", date="2025-03-07").json()
    qadmus = next(r for r in rows if r["place"]["name_en"] == "Al Qadmūs")
    assert qadmus["components"]["threat_messages"]["value"] == 124
    assert qadmus["components"]["threat_messages"]["component"] == 2  # saturated


def _day(text):
    from datetime import date

    return date.fromisoformat(text)


def _days(a, b):
    return _day(a), _day(b)
