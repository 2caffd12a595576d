import pytest

from sulh.browser_fixtures import log_in

pytestmark = pytest.mark.browser


def test_a_new_user_logs_in_and_opens_the_disputed_checkpoint_record(served_demo, page):
    log_in(page, served_demo, "analyst")
    page.click("text=Events")
    page.click("text=Police set up checkpoints inside Alawite villages")
    villages = page.locator("#field-villages")
    assert "8–40" in villages.inner_text()
    assert "disputed" in villages.inner_text()
    assert "an Ismaili activist in Qadmus" in villages.inner_text()
    assert "a second Ismaili activist in Qadmus" in villages.inner_text()
    assert "Demo Person" not in page.content()


def test_the_served_app_has_its_stylesheet(served_demo, page):
    response = page.goto(f"{served_demo.url}/static/sulh/sulh.css")
    assert response.status == 200 and "--accent" in response.text()


def test_place_search_finds_misyaf_and_arabic_qadmus(served_demo, page):
    log_in(page, served_demo, "analyst")
    page.goto(f"{served_demo.url}/places/?q=Misyaf")
    assert "مصياف" in page.locator("table.places tbody tr").first.inner_text()
    page.goto(f"{served_demo.url}/places/?q=القدموس")
    assert "Qadm" in page.locator("table.places tbody tr").first.inner_text()


def test_switching_to_arabic_gives_a_right_to_left_page(served_demo, page):
    log_in(page, served_demo, "analyst")
    page.click("button[name=language][value=ar]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    page.click("button[name=language][value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "ltr"
