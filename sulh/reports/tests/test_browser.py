from pathlib import Path

import pytest

from sulh.browser_fixtures import log_in

pytestmark = pytest.mark.browser


def test_the_analyst_opens_the_dashboard_and_the_map_and_downloads_a_sitrep(served_demo, page):
    log_in(page, served_demo, "analyst")
    page.click("header nav >> text=Dashboard")
    page.wait_for_url(f"{served_demo.url}/reports/")
    assert "Tartus" in page.locator("table.figures").first.inner_text()
    assert page.locator("svg.chart").count() >= 2

    page.fill("input[name=area]", "Qadmus")
    page.click("button:has-text('Show')")
    page.wait_for_load_state()
    assert "Qadmous" in page.locator("table.figures").first.inner_text()

    page.click("header nav >> text=Map")
    page.wait_for_url(f"{served_demo.url}/reports/map/")
    page.wait_for_selector("path.leaflet-interactive", timeout=20_000)
    assert page.locator("path.leaflet-interactive").count() > 10  # events and gazetteer points
    assert "events shown" in page.locator("#map-status").inner_text()

    page.goto(f"{served_demo.url}/reports/sitrep/")
    page.fill("input[name=area]", "Qadmus")
    page.fill("input[name=date_from]", "2025-03-01")
    page.fill("input[name=date_to]", "2025-03-17")
    page.select_option("select[name=lang]", "ar")
    # Generous: drawing a PDF takes seconds, more on a busy machine.
    with page.expect_download(timeout=180_000) as download:
        page.click("button[name=format][value=pdf]", timeout=180_000)
    path = download.value.path()
    assert Path(path).read_bytes()[:5] == b"%PDF-"
    assert download.value.suggested_filename.endswith("-ar.pdf")
