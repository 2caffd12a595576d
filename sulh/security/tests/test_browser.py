import json

import pytest

from sulh.browser_fixtures import log_in

pytestmark = pytest.mark.browser


def test_a_coordinator_reads_the_balance_and_records_a_block_then_an_escorted_retry(
    served_demo, page
):
    log_in(page, served_demo, "coordinator")
    page.click("header nav >> text=Security")
    page.fill("input[name=place]", "SY1006")
    page.click("form.filters button")
    distributed = page.locator("#balance-distributed").inner_text()
    assert "about 80" in distributed and "an Ismaili activist in Qadmus" in distributed
    assert "nearly 600" in page.locator("#balance-handed_over").inner_text()
    programme = page.locator("#programmes tr", has_text="Police checkpoints inside")
    assert "8–40" in programme.inner_text() and "disputed" in programme.inner_text()

    page.click("nav.tabs >> text=Aid movements")
    page.click("text=Record an aid movement")
    page.fill("input[name=name]", "Flour for Hataniah")
    page.select_option("select[name=source]", label="an Alawite resident of a village near Qadmus")
    page.fill("input[name=date]", "2025-03-20")
    page.fill("input[name=origin]", "Qadmus")
    page.fill("input[name=destination]", "Hataniah")
    page.fill("input[name=cargo]", "flour")
    page.click("form.form button[type=submit]")
    page.click("text=Record a status")
    page.select_option("select[name=status]", "blocked")
    page.fill("input[name=date]", "2025-03-20")
    page.select_option("select[name=checkpoint]", label="Faction checkpoint between the villages")
    page.select_option("select[name=source]", label="an Alawite resident of a village near Qadmus")
    page.click("form.form button[type=submit]")
    assert "Semi-independent military faction" in page.locator("p.blocked").inner_text()

    page.click("text=Retry with an escort")
    assert page.input_value("input[name=cargo]") == "flour"
    page.fill("input[name=name]", "Flour for Hataniah, escorted")
    page.fill("input[name=date]", "2025-03-21")
    page.select_option("select[name=escorted_by]", label="General Security")
    page.select_option("select[name=source]", label="an Alawite resident of a village near Qadmus")
    page.click("form.form button[type=submit]")
    assert "A retry of" in page.content()

    page.goto(f"{served_demo.url}/places/?q=Hataniah")
    page.click("table.places tbody tr a >> nth=0")
    panel = page.locator("#security-panel").inner_text()
    assert "Flour for Hataniah" in panel and "Flour for Hataniah, escorted" in panel

    response = page.request.get(f"{served_demo.url}/api/v1/security/aid-movements/geojson")
    features = json.loads(response.text())["features"]
    names = {f["properties"]["name"]: f["properties"] for f in features}
    assert names["Flour for Hataniah"]["status"] == "blocked"
    assert names["Flour for Hataniah, escorted"]["escorted_by"] == "General Security"
    assert "Demo Person" not in response.text()
