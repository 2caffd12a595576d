import pytest

from sulh.browser_fixtures import log_in

pytestmark = pytest.mark.browser


def test_an_analyst_sets_a_rule_and_sees_its_alert_after_a_run(served_demo, page):
    log_in(page, served_demo, "analyst")
    page.click("header nav >> text=Alerts")
    assert "Violence around Qadmus" in page.locator("table.alerts").inner_text()  # the demo's

    page.click("nav.tabs >> text=Rules")
    page.click("text=New rule")
    page.fill("input[name=name]", "Violence in Hataniah")
    page.select_option("select[name=indicator]", "violent_events")
    page.fill("input[name=place]", "Hataniah")
    page.select_option("select[name=mode]", "threshold")
    page.fill("input[name=threshold]", "1")
    page.fill("input[name=window_days]", "1")
    page.fill("input[name=radius_km]", "1")
    page.click("form.form button[type=submit]")
    assert "Violence in Hataniah" in page.locator("table.rules").inner_text()

    out = served_demo.sulh("warning", "run", "--date", "2025-03-09")
    assert "Violence in Hataniah · Hataniah: 1 (needed 1)" in out

    page.click("nav.tabs >> text=Alerts")
    page.click("table.alerts >> text=Violence in Hataniah")
    assert "Hataniah" in page.locator("#alert-place").inner_text()
    page.click("#facts >> text=Attack on the Alawite village of Hataniah")
    assert "/events/" in page.url

    page.go_back()
    page.fill("textarea[name=note]", "Shared with the council")
    page.click("form.narrow button[type=submit]")
    assert "Acknowledged by analyst" in page.locator("#acknowledged").inner_text()
