import pytest

from sulh.browser_fixtures import log_in
from sulh.intake.tests.texts import ARABIC_NOTE, ENGLISH_BRIEF, REPORT_DATE

pytestmark = pytest.mark.browser


def _read(page, url: str, text: str, source_index: int) -> None:
    page.click("nav >> text=Intake")
    page.click("text=Read a text")
    page.select_option("#id_source", index=source_index)
    page.fill("#id_received_on", REPORT_DATE)
    page.fill("#id_text", text)
    page.click("button:has-text('Read and propose')")
    page.wait_for_load_state()


def test_a_documenter_reads_two_accounts_and_accepts_them_onto_one_event(served_demo, page):
    log_in(page, served_demo, "documenter")
    _read(page, served_demo.url, ARABIC_NOTE, 1)
    assert "proposals wait for your review" in page.content()
    page.click("table.proposals >> text=Review")
    assert "2025-04-12" in page.locator("section.proposed").inner_text()
    assert page.locator("mark").inner_text().startswith("مساء أمس")
    page.click("button:has-text('Accept')")
    page.wait_for_load_state()
    assert "Accepted onto" in page.content()

    _read(page, served_demo.url, ENGLISH_BRIEF, 2)
    page.click("table.proposals >> text=Review")
    assert "This looks like an event already recorded" in page.content()
    page.click("button:has-text('Accept')")
    page.wait_for_load_state()
    page.click("nav >> text=Events")
    page.click("text=Violence against civilians in Aţ Ţawāḩīn")
    killed = page.locator("#field-killed")
    assert killed.locator("tr.claim").count() == 2
    assert "shot dead" in killed.inner_text() or "قُتل" in killed.inner_text()
