"""The worker: sulh warning run raises each alert once, with its facts, and emails it."""

import pytest
from django.core import mail
from django.core.management import CommandError

from sulh.warning.tests.conftest import sulh_warning

pytestmark = pytest.mark.django_db


def test_a_run_raises_each_alert_once_per_rule_place_and_period(make_rule, qadmus):
    from sulh.warning.models import Alert

    rule = make_rule(place=qadmus, threshold=2, window_days=1, radius_km=5)
    march = ["--from", "2025-03-01", "--to", "2025-03-12"]
    first = sulh_warning("run", *march, "--rule", str(rule.pk))
    assert "1 new alert(s)" in first and "2025-03-09" in first
    again = sulh_warning("run", *march)
    assert "0 new alert(s)" in again
    alert = Alert.objects.get(rule=rule)
    assert (alert.day.isoformat(), alert.value, alert.bar) == ("2025-03-09", 2, 2)
    assert {f["kind"] for f in alert.facts} == {"event"} and len(alert.facts) == 2


def test_a_weekly_rule_alerts_once_a_week_while_the_condition_holds(make_rule, qadmus):
    from sulh.warning.models import Alert

    rule = make_rule(place=qadmus, threshold=1, window_days=7, radius_km=5)
    sulh_warning("run", "--from", "2025-03-03", "--to", "2025-03-16", "--rule", str(rule.pk))
    # Monday-to-Sunday periods: one alert for 3-9 March, one for 10-16 March.
    periods = list(Alert.objects.filter(rule=rule).values_list("period_start", flat=True))
    assert sorted(p.isoformat() for p in periods) == ["2025-03-03", "2025-03-10"]


def test_a_baseline_rule_fires_when_a_day_triples_its_usual_count(make_rule, qadmus):
    from sulh.warning.models import Alert

    rule = make_rule(
        place=qadmus, mode="baseline", factor=3, threshold=2, window_days=1, radius_km=5
    )
    sulh_warning("run", "--from", "2025-03-01", "--to", "2025-03-12", "--rule", str(rule.pk))
    alert = Alert.objects.get(rule=rule)
    # 9 March: two violent events against 2 in the 14 days before (1/7 a day).
    assert alert.day.isoformat() == "2025-03-09" and alert.value == 2
    assert alert.baseline == pytest.approx(2 / 14) and alert.bar == 2


def test_an_inactive_rule_raises_nothing(make_rule, qadmus):
    rule = make_rule(place=qadmus, active=False)
    sulh_warning("run", "--date", "2025-03-09")
    assert rule.alerts.count() == 0


def test_recipients_get_an_email_with_figures_and_a_link_but_no_sources(
    make_rule, persona, demo_key, settings
):
    settings.SULH_BASE_URL = "https://sulh.example.org"
    mediator = persona("mediator")
    mediator.email = "mediator@example.org"
    mediator.save(update_fields=["email"])
    outsider = persona("outsider")
    outsider.email = "outsider@example.org"
    outsider.save(update_fields=["email"])
    village = demo_key("place-midan-al-atiq")  # sensitive: a plain address sees the sub-district
    make_rule(
        name="Killing at a village checkpoint",
        place=village,
        threshold=1,
        recipients=[mediator, outsider],
        emails="desk@example.org",
    )
    out = sulh_warning("run", "--date", "2025-03-06")
    assert "2 email(s) sent" in out
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"mediator@example.org", "desk@example.org"}  # not the outsider
    to_mediator, to_desk = by_address["mediator@example.org"], by_address["desk@example.org"]
    assert "Midan al-Atiq" in to_mediator.body and "Midan al-Atiq" not in to_desk.body
    assert "Qadmous" in to_desk.body
    assert "https://sulh.example.org/warning/alerts/" in to_desk.body
    for message in mail.outbox:
        assert "Violent events: 1" in message.body
        assert "activist" not in message.body and "Demo Person" not in message.body


def test_an_alert_raised_by_the_worker_is_in_the_audit_log(make_rule, qadmus):
    from sulh.audit.models import AuditEntry

    rule = make_rule(place=qadmus, threshold=2)
    sulh_warning("run", "--date", "2025-03-09", "--rule", str(rule.pk))
    alert = rule.alerts.get()
    entry = AuditEntry.objects.get(action="warning.alert.raise", record_id=str(alert.pk))
    assert entry.username == "system" and "2 ≥ 2" in entry.summary


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "9 March"], "--date: '9 March' is not a date"),
        (["--from", "2025-03-09", "--to", "2025-03-01"], "--to is before --from"),
        (["--date", "2025-03-09", "--from", "2025-03-01"], "not both"),
        (["--rule", "999999"], "no active rule 999999"),
    ],
)
def test_bad_arguments_are_named(args, message):
    with pytest.raises(CommandError, match=message):
        sulh_warning("run", *args)


def test_each_recipient_gets_the_email_in_the_language_they_chose_in_the_app(
    make_rule, persona, client, qadmus
):
    mediator, analyst = persona("mediator"), persona("analyst")
    for user, address in ((mediator, "mediator@example.org"), (analyst, "analyst@example.org")):
        user.email = address
        user.save(update_fields=["email"])
    # The mediator switches the app to Arabic; the analyst never touches the switch.
    client.force_login(mediator)
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    mediator.refresh_from_db()
    assert mediator.language == "ar"
    make_rule(place=qadmus, threshold=2, recipients=[mediator, analyst], emails="desk@example.org")
    sulh_warning("run", "--date", "2025-03-09")
    by_address = {m.to[0]: m for m in mail.outbox}
    arabic = by_address["mediator@example.org"]
    assert arabic.subject.startswith("[صلح]") and "القاعدة:" in arabic.body
    assert "القدموس" in arabic.subject
    for english in (by_address["analyst@example.org"], by_address["desk@example.org"]):
        assert english.subject.startswith("[sulh]") and "Rule:" in english.body
