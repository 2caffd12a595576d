import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_alert(demo_key):
    return demo_key("rule-violence-qadmus").alerts.get(day="2025-03-09")


def test_the_alerts_route_lists_the_demo_alerts_of_the_users_area(api_for):
    body = api_for("mediator").get("/warning/alerts", date_from="2025-03-01").json()
    names = {a["rule"]["name"] for a in body["items"]}
    assert {"Violence around Qadmus", "Aid blocked in Qadmus sub-district"} <= names
    assert api_for("outsider").get("/warning/alerts").json()["items"] == []


def test_an_alert_carries_its_facts_with_links(api_for, demo_alert, demo_key):
    body = api_for("analyst").get(f"/warning/alerts/{demo_alert.pk}").json()
    assert body["value"] == 3 and body["bar"] == 3 and body["place"]["name_en"] == "Al Qadmūs"
    urls = {f["url"] for f in body["facts"]}
    assert f"/events/{demo_key('ev-hataniah').pk}/" in urls and body["hidden_facts"] == 0


@pytest.mark.parametrize(("who", "status"), [("partner", 200), ("outsider", 404)])
def test_an_alert_by_id_follows_the_area_scope(api_for, demo_alert, who, status):
    assert api_for(who).get(f"/warning/alerts/{demo_alert.pk}").status_code == status


def test_acknowledge_through_the_api(api_for, demo_alert):
    response = api_for("analyst").post(
        f"/warning/alerts/{demo_alert.pk}/acknowledge", {"note": "seen"}
    )
    assert response.status_code == 200 and response.json()["acknowledged_by"] == "t_analyst"
    assert (
        api_for("partner").get(f"/warning/alerts/{demo_alert.pk}").json()["acknowledged_note"] == ""
    )
    again = api_for("analyst").post(f"/warning/alerts/{demo_alert.pk}/acknowledge", {})
    assert again.status_code == 422 and "acknowledged already" in again.text
    blocked = api_for("partner").post(f"/warning/alerts/{demo_alert.pk}/acknowledge", {})
    assert blocked.status_code == 403


def test_set_a_rule_through_the_api_and_list_it(api_for, qadmus):
    api = api_for("analyst")
    response = api.post(
        "/warning/rules",
        {
            "name": "Threat surge, API",
            "indicator": "threat_messages",
            "place_id": qadmus.pk,
            "mode": "baseline",
            "factor": 3,
            "threshold": 3,
            "recipients": ["t_analyst"],
            "emails": ["desk@example.org"],
        },
    )
    assert response.status_code == 201, response.content
    rule = response.json()
    assert rule["condition"].startswith("value over 1 day(s) ≥ 3 × the mean of the 14 days")
    assert rule["recipients"] == ["t_analyst"]
    listed = {r["name"]: r for r in api_for("partner").get("/warning/rules").json()}
    assert "Threat surge, API" in listed and listed["Threat surge, API"]["emails"] is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"indicator": "rumours"}, "indicator"),
        ({"threshold": 0}, "threshold"),
        ({"window_days": 0}, "window_days"),
        ({"emails": ["nobody"]}, "emails"),
        ({"recipients": ["ghost"]}, "recipients"),
        ({"place_id": 999999}, "place_id"),
    ],
)
def test_a_bad_rule_is_refused_naming_the_field(api_for, change, field):
    from sulh.warning.models import AlertRule

    before = AlertRule.objects.count()
    payload = {"name": "Bad rule", "indicator": "violent_events", **change}
    response = api_for("analyst").post("/warning/rules", payload)
    assert response.status_code == 422
    assert field in {d["loc"][-1] for d in response.json()["detail"]}
    assert AlertRule.objects.count() == before


def test_a_partner_cannot_set_rules(api_for):
    response = api_for("partner").post("/warning/rules", {"name": "x", "indicator": "commitments"})
    assert response.status_code == 403


def test_change_a_rule_through_the_api(api_for, demo_key):
    rule = demo_key("rule-aid-blocked")
    response = api_for("coordinator").client.put(
        f"/api/v1/warning/rules/{rule.pk}",
        {"name": rule.name, "indicator": "aid_blocked", "threshold": 2, "active": False},
        content_type="application/json",
        headers=api_for("coordinator").headers,
    )
    assert response.status_code == 200 and response.json()["threshold"] == 2
    rule.refresh_from_db()
    assert not rule.active


def test_the_risk_route_ranks_with_components(api_for):
    rows = api_for("partner").get("/warning/risk", date="2025-03-14").json()
    assert rows[0]["score"] >= rows[-1]["score"] > 0
    components = rows[0]["components"]
    assert set(components) == {"violent_events", "threat_messages", "commitments", "aid_blocked"}
    assert components["violent_events"]["weight"] == 3
    assert "Midan al-Atiq" not in str(rows)  # partners see the sensitive village coarsened


def test_the_api_schema_lists_the_warning_routes(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/warning/alerts", "/api/v1/warning/rules", "/api/v1/warning/risk"} <= set(paths)


def test_the_risk_route_narrows_to_an_area_and_names_a_bad_one(api_for):
    api = api_for("analyst")
    rows = api.get("/warning/risk", date="2025-03-14", area="SY02").json()
    assert rows == []
    assert api.get("/warning/risk", date="2025-03-14", area="SY1006").json()
    bad = api.get("/warning/risk", area="Atlantis")
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"][-1] == "area"
