import pytest

pytestmark = pytest.mark.django_db

RULE_FORM = {
    "mode": "threshold",
    "threshold": "1",
    "factor": "3",
    "baseline_days": "14",
    "window_days": "7",
    "radius_km": "10",
    "emails": "",
    "active": "on",
}


@pytest.fixture
def demo_alert(demo_key):
    """The demo's alert on violence around Qadmus, 9 March 2025 (raised when the demo loads)."""
    return demo_key("rule-violence-qadmus").alerts.get(day="2025-03-09")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("analyst", 200),
        ("mediator", 200),
        ("coordinator", 200),
        ("partner", 200),
        ("outsider", 404),
    ],
)
def test_who_may_open_an_alert(client_for, demo_alert, who, status):
    assert client_for(who).get(f"/warning/alerts/{demo_alert.pk}/").status_code == status


def test_an_unknown_alert_is_the_same_404(client_for):
    assert client_for("analyst").get("/warning/alerts/999999/").status_code == 404


@pytest.mark.parametrize(
    ("who", "status"), [("analyst", 200), ("mediator", 200), ("partner", 403), ("outsider", 200)]
)
def test_who_may_set_a_rule(client_for, who, status):
    assert client_for(who).get("/warning/rules/new/").status_code == status


def test_pages_need_a_login(client):
    for url in ["/warning/", "/warning/rules/", "/warning/risk/"]:
        assert client.get(url).status_code == 302


def test_the_alerts_list_shows_the_demo_alerts_only_to_their_area(client_for):
    assert "Violence around Qadmus" in client_for("mediator").get("/warning/").text
    assert "Violence around Qadmus" in client_for("partner").get("/warning/").text
    outsider = client_for("outsider").get("/warning/").text
    assert "Violence around Qadmus" not in outsider and "No alerts." in outsider


def test_an_alert_links_to_the_events_behind_it(client_for, demo_alert, demo_key):
    page = client_for("analyst").get(f"/warning/alerts/{demo_alert.pk}/").text
    facts = page[page.index('id="facts"') :].split("</ul>")[0]
    hataniah = demo_key("ev-hataniah")
    assert f'href="/events/{hataniah.pk}/"' in facts and "Attack on the Alawite village" in facts


def test_acknowledging_an_alert_is_recorded_and_audited(client_for, demo_alert):
    from sulh.audit.models import AuditEntry

    client = client_for("mediator")
    response = client.post(
        f"/warning/alerts/{demo_alert.pk}/acknowledge/", {"note": "Called the elders"}, follow=True
    )
    assert "Acknowledged by t_mediator" in response.text and "Called the elders" in response.text
    assert AuditEntry.objects.filter(
        action="warning.alert.acknowledge", record_id=str(demo_alert.pk), username="t_mediator"
    ).exists()
    again = client.post(f"/warning/alerts/{demo_alert.pk}/acknowledge/", follow=True)
    assert "acknowledged already" in again.text
    link = f'href="/warning/alerts/{demo_alert.pk}/"'
    assert link not in client.get("/warning/").text  # open alerts only, by default
    assert link in client.get("/warning/", {"state": "acknowledged"}).text


def test_a_partner_cannot_acknowledge(client_for, demo_alert):
    client = client_for("partner")
    assert client.post(f"/warning/alerts/{demo_alert.pk}/acknowledge/").status_code == 403
    assert "Acknowledge</button>" not in client.get(f"/warning/alerts/{demo_alert.pk}/").text


def test_an_analyst_sets_a_rule_from_the_form(client_for):
    from sulh.warning.models import AlertRule

    client = client_for("analyst")
    response = client.post(
        "/warning/rules/new/",
        {
            **RULE_FORM,
            "name": "Any violence in the district",
            "indicator": "violent_events",
            "place": "SY1006",
            "emails": "desk@example.org",
        },
        follow=True,
    )
    assert "Any violence in the district" in response.text
    rule = AlertRule.objects.get(name="Any violence in the district")
    assert rule.place.pcode == "SY1006" and rule.email_list() == ["desk@example.org"]


def test_the_rule_form_names_the_field_in_error(client_for):
    data = {
        **RULE_FORM,
        "name": "Bad",
        "indicator": "violent_events",
        "threshold": "0",
        "emails": "desk@example.org, not-an-address",
    }
    page = client_for("analyst").post("/warning/rules/new/", data).text
    assert "is not an email address" in page or "must be above 0" in page
    data["threshold"] = "1"
    page = client_for("analyst").post("/warning/rules/new/", data).text
    assert "&#x27;not-an-address&#x27; is not an email address" in page


def test_an_outsider_cannot_set_a_rule_on_another_area(client_for):
    data = {**RULE_FORM, "name": "Watch Qadmus", "indicator": "violent_events", "place": "SY1006"}
    page = client_for("outsider").post("/warning/rules/new/", data).text
    assert "This place is outside your areas." in page


def test_the_risk_table_ranks_localities_with_their_components(client_for):
    page = client_for("analyst").get("/warning/risk/", {"date": "2025-03-14"}).text
    table = page[page.index('class="risk"') :].split("</table>")[0]
    assert "Al Qadmūs" in table and "Hataniah" in table
    assert "weight 3, saturation 5" in page  # the score's recipe is on the page
    outsider = client_for("outsider").get("/warning/risk/", {"date": "2025-03-14"}).text
    assert "Al Qadmūs" not in outsider


def test_the_risk_table_reports_a_bad_date(client_for):
    page = client_for("analyst").get("/warning/risk/", {"date": "14/03/2025"}).text
    assert "The date is not a date" in page


def test_a_partner_sees_the_sensitive_village_as_its_sub_district(client_for):
    page = client_for("partner").get("/warning/risk/", {"date": "2025-03-06"}).text
    assert "Midan al-Atiq" not in page and "Qadmous" in page
    analyst = client_for("analyst").get("/warning/risk/", {"date": "2025-03-06"}).text
    assert "Midan al-Atiq" in analyst


def test_pages_read_in_arabic(client_for):
    client = client_for("analyst")
    client.cookies["django_language"] = "ar"
    page = client.get("/warning/risk/", {"date": "2025-03-14"}).text
    assert 'dir="rtl"' in page and "جدول المخاطر" in page


def test_the_admin_lists_rules_and_alerts(client_for, demo_alert):
    admin = client_for("admin")
    assert "Violence around Qadmus" in admin.get("/admin/warning/alertrule/").text
    assert admin.get("/admin/warning/alertrule/add/").status_code == 200
    assert admin.get("/admin/warning/alert/").status_code == 200
    assert admin.get(f"/admin/warning/alert/{demo_alert.pk}/change/").status_code == 200


def test_an_administrator_adds_a_rule_in_the_admin_through_the_action(client_for, qadmus):
    from sulh.audit.models import AuditEntry
    from sulh.warning.models import AlertRule

    response = client_for("admin").post(
        "/admin/warning/alertrule/add/",
        {**RULE_FORM, "name": "Admin rule", "indicator": "aid_blocked", "place": qadmus.pk},
    )
    assert response.status_code == 302
    rule = AlertRule.objects.get(name="Admin rule")
    assert AuditEntry.objects.filter(action="warning.rule.create", record_id=str(rule.pk)).exists()


def test_the_risk_table_narrows_to_an_area(client_for):
    client = client_for("analyst")
    district = client.get("/warning/risk/", {"date": "2025-03-14", "area": "SY1006"}).text
    aleppo = client.get("/warning/risk/", {"date": "2025-03-14", "area": "SY02"}).text
    assert "Al Qadmūs" in district and "Al Qadmūs" not in aleppo
    unknown = client.get("/warning/risk/", {"date": "2025-03-14", "area": "Atlantis"}).text
    assert "No place matches Atlantis." in unknown


def test_an_analyst_edits_a_rule_on_every_locality(client_for, make_rule):
    rule = make_rule(name="Everywhere", threshold=5)
    client = client_for("analyst")
    assert client.get(f"/warning/rules/{rule.pk}/").status_code == 200
    data = {**RULE_FORM, "name": "Everywhere, stricter", "indicator": "violent_events"}
    client.post(f"/warning/rules/{rule.pk}/", {**data, "threshold": "8"})
    rule.refresh_from_db()
    assert (rule.name, rule.threshold) == ("Everywhere, stricter", 8)


def test_a_mediator_of_one_area_cannot_change_a_national_rule(client_for, make_rule):
    rule = make_rule(name="Everywhere")
    assert client_for("outsider").get(f"/warning/rules/{rule.pk}/").status_code == 403
    data = {**RULE_FORM, "name": "Mine", "indicator": "violent_events"}
    page = client_for("outsider").post("/warning/rules/new/", data).text
    assert "a rule on every locality is national" in page
