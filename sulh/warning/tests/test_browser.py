import pytest

from sulh.browser_fixtures import log_in

pytestmark = pytest.mark.browser


def test_an_analyst_sets_a_rule_on_the_threat_surge_and_acknowledges_its_alert(served_demo, page):
    log_in(page, served_demo, "analyst")
    page.click("header nav >> text=Alerts")
    assert "Threat surge in Qadmus" in page.locator("table.alerts").inner_text()  # the demo's

    page.click("nav.tabs >> text=Rules")
    page.click("text=New rule")
    page.fill("input[name=name]", "Threats tripling in Qadmus")
    page.select_option("select[name=indicator]", "threat_messages")
    page.fill("input[name=place]", "Qadmus")
    page.select_option("select[name=mode]", "baseline")
    page.fill("input[name=factor]", "3")
    page.fill("input[name=threshold]", "10")
    page.fill("input[name=baseline_days]", "14")
    page.fill("input[name=window_days]", "1")
    page.fill("input[name=radius_km]", "5")
    page.click("form.form button[type=submit]")
    assert "Threats tripling in Qadmus" in page.locator("table.rules").inner_text()

    out = served_demo.sulh("warning", "run", "--from", "2025-03-01", "--to", "2025-03-12")
    assert "2025-03-07 Threats tripling in Qadmus · Al Qadmūs: " in out
    assert "2 new alert(s)" in out  # 7 and 8 March; the other days stay under 10 or 3x

    page.click("nav.tabs >> text=Alerts")
    page.locator("table.alerts tr", has_text="Threats tripling in Qadmus").filter(
        has_text="2025-03-07"
    ).locator("a").first.click()
    value = page.locator("#alert-value").inner_text().split()[0]
    assert int(value) > 100
    fact = page.locator("#facts a", has_text=f"{value} threat messages at Al Qadmūs")
    assert "/intake/threats/?place=" in fact.get_attribute("href")

    page.fill("textarea[name=note]", "Shared with the council")
    page.click("form.narrow button[type=submit]")
    assert "Acknowledged by analyst" in page.locator("#acknowledged").inner_text()
