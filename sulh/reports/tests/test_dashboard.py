from datetime import date

import pytest

from sulh.places.models import Place
from sulh.reports.dashboard import DashboardFilters, build_dashboard
from sulh.reports.summary import refresh_all

QADMUS_DISTRICT = "SY1006"
QADMUS_SUBDISTRICT = "SY100602"


def test_the_analyst_sees_demo_events_and_fatalities_by_week_area_and_type(client_for):
    page = client_for("analyst").get("/reports/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Tartus" in text  # the governorate of the Qadmus events
    assert "Violence against civilians" in text
    assert "2025-03-03" in text  # the week of the Hataniah killings
    assert "<svg" in text  # charts drawn on the server
    board = page.context["board"]
    assert board.total.events == 30
    assert board.total.best == 19


def test_fatalities_keep_the_low_best_high_range_through_to_the_totals(api_for, record_event):
    before = api_for("analyst").get("/analysis/dashboard").json()["total"]
    record_event("Shelling of a market", date(2025, 3, 12), QADMUS_SUBDISTRICT, killed="10-20")
    after = api_for("analyst").get("/analysis/dashboard").json()["total"]
    assert after["events"] == before["events"] + 1
    assert after["low"] - before["low"] == 10
    assert after["high"] - before["high"] == 20
    assert before["best"] <= after["best"] <= before["best"] + 20


def test_an_area_breaks_down_into_the_next_level(client_for):
    district = Place.objects.get(pcode=QADMUS_DISTRICT)
    board = client_for("analyst").get("/reports/", {"area": QADMUS_DISTRICT}).context["board"]
    assert board.area_level == "adm3"
    assert [row.label for row in board.by_area if row.label] == ["Qadmous"]
    assert board.total.events == sum(row.events for row in board.by_area)
    assert district.kind == "adm2"


def test_a_sub_district_breaks_down_into_villages_and_partners_see_sensitive_ones_coarsened(
    client_for,
):
    analyst = client_for("analyst").get("/reports/", {"area": QADMUS_SUBDISTRICT})
    partner = client_for("partner").get("/reports/", {"area": QADMUS_SUBDISTRICT})
    analyst_labels = {row.label for row in analyst.context["board"].by_area}
    partner_labels = {row.label for row in partner.context["board"].by_area}
    assert "Midan al-Atiq" in analyst_labels
    assert "Midan al-Atiq" not in partner_labels
    assert "Midan al-Atiq" not in partner.content.decode()
    assert analyst.context["board"].total.events == partner.context["board"].total.events


def test_an_outsider_sees_only_their_own_areas(client_for):
    board = client_for("outsider").get("/reports/").context["board"]
    # The Aleppo mediator sees none of the Qadmus events, only the one with no place at all.
    assert board.total.events == 1
    assert "Tartus" not in {row.label for row in board.by_area}


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"date_from": date(2025, 3, 5), "date_to": date(2025, 3, 12)},  # cuts two weeks
        {"date_from": date(2025, 3, 7), "date_to": date(2025, 3, 9)},  # inside one week
        {"date_from": date(2025, 3, 3), "date_to": date(2025, 3, 16)},  # whole weeks
        {"event_type": "violence_against_civilians"},
        {"area": QADMUS_SUBDISTRICT, "date_from": date(2025, 3, 1)},
        {"actor": "actor-local-council"},
        {"actor": "actor-local-council", "area": QADMUS_SUBDISTRICT},
    ],
)
def test_the_summary_gives_the_same_figures_as_counting_the_events(
    persona, demo_key, record_event, filters
):
    record_event("Clash at the crossroads", date(2025, 3, 8), QADMUS_SUBDISTRICT, killed="3-5")
    record_event("Clash on the road", date(2025, 3, 11), QADMUS_DISTRICT, killed="2")
    user = persona("analyst")
    area = filters.get("area")
    actor = filters.get("actor")
    f = DashboardFilters(
        area=Place.objects.get(pcode=area) if area else None,
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        event_type=filters.get("event_type", ""),
        actor_id=demo_key(actor).pk if actor else None,
    )
    board = build_dashboard(user, f)
    from sulh.reports.dashboard import events_in

    events = list(events_in(user, f))
    assert board.total.events == len(events)
    assert board.total.best == sum(e.fatalities_best or 0 for e in events)
    assert board.total.high == sum(
        e.fatalities_high if e.fatalities_high is not None else e.fatalities_best or 0
        for e in events
    )
    assert sum(r.events for r in board.by_week) == len([e for e in events if e.week])
    assert sum(r.events for r in board.by_type) == len(events)
    assert sum(r.events for r in board.by_area) == len(events)


def test_refresh_rebuilds_the_same_summary_as_the_one_kept_on_the_fly(client_for, record_event):
    record_event("Clash at the crossroads", date(2025, 3, 8), QADMUS_SUBDISTRICT, killed="3")
    before = client_for("analyst").get("/api/v1/analysis/dashboard").json()
    refresh_all()
    after = client_for("analyst").get("/api/v1/analysis/dashboard").json()
    assert before == after


def test_a_filter_that_matches_nothing_says_which_field(client_for, api_for):
    page = client_for("analyst").get("/reports/", {"area": "Nowhereville Xq"})
    assert page.status_code == 400
    assert "No place matches" in page.content.decode()
    answer = api_for("analyst").get(
        "/analysis/dashboard", date_from="2025-03-10", date_to="2025-03-01"
    )
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["body", "date_to"]


@pytest.mark.parametrize(
    "name", ["admin", "mediator", "analyst", "documenter", "coordinator", "partner", "outsider"]
)
@pytest.mark.parametrize("path", ["/reports/", "/reports/map/", "/reports/sitrep/"])
def test_every_role_may_open_the_reports_pages(client_for, name, path):
    assert client_for(name).get(path).status_code == 200


@pytest.mark.parametrize("path", ["/reports/", "/reports/map/", "/reports/sitrep/"])
def test_anonymous_visitors_are_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_menu_leads_to_the_dashboard_and_the_map(client_for):
    text = client_for("analyst").get("/").content.decode()
    assert 'href="/reports/"' in text and 'href="/reports/map/"' in text
