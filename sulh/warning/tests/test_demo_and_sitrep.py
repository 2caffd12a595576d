from datetime import date

import pytest

pytestmark = pytest.mark.django_db


def test_the_demo_opens_with_the_alerts_its_facts_raise(demo_key):
    from sulh.warning.models import Alert

    days = {
        key: sorted(str(d) for d in demo_key(key).alerts.values_list("day", flat=True))
        for key in ("rule-violence-qadmus", "rule-broken-commitments", "rule-aid-blocked")
    }
    assert days["rule-violence-qadmus"] == ["2025-03-09", "2025-03-10"]
    assert days["rule-broken-commitments"] and days["rule-aid-blocked"]
    assert Alert.objects.filter(emailed__gt=0).count() == 0  # demo users have no addresses


def test_loading_the_demo_again_adds_no_rule_and_no_alert(persona):
    from sulh.core.scenario import QADMUS, load_scenario
    from sulh.warning.models import Alert, AlertRule

    before = (AlertRule.objects.count(), Alert.objects.count())
    created = load_scenario(QADMUS, persona("admin"))
    assert "warning_rules" not in created
    assert (AlertRule.objects.count(), Alert.objects.count()) == before


def test_alerts_for_period_gives_the_sitrep_its_redacted_alerts(persona):
    from sulh.places.models import Place
    from sulh.warning.queries import alerts_for_period

    district = Place.objects.get(pcode="SY1006")
    rows = alerts_for_period(persona("partner"), district, date(2025, 3, 1), date(2025, 3, 17))
    assert [r["day"] for r in rows] == sorted(r["day"] for r in rows)
    assert {r["rule"]["name"] for r in rows} >= {"Violence around Qadmus"}
    assert all(r["facts"] is not None and "acknowledged_note" in r for r in rows)
    aleppo = Place.objects.get(pcode="SY02")
    assert alerts_for_period(persona("partner"), aleppo, date(2025, 3, 1), date(2025, 3, 17)) == []
    assert alerts_for_period(persona("outsider"), None, date(2025, 3, 1), date(2025, 3, 17)) == []


def test_the_qadmus_sitrep_lists_the_alerts_of_the_period(tmp_path, db):
    import io

    from django.core.management import call_command

    for lang, heading, rule in [
        ("en", "<h2>Alerts</h2>", "Threat surge in Qadmus"),
        ("ar", "<h2>الإنذارات</h2>", "القدموس"),
    ]:
        output = tmp_path / f"sitrep-{lang}.html"
        call_command(
            "sitrep",
            *["--area", "Qadmus", "--from", "2025-03-01", "--to", "2025-03-17", "--lang", lang],
            *["-o", str(output)],
            stdout=io.StringIO(),
        )
        html = output.read_text(encoding="utf-8")
        section = html[html.index(heading) :].split("</section>")[0]
        assert rule in section and "2025-03-07" in section
        assert "Demo Person" not in section and "activist" not in section
