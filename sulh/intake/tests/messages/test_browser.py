import pytest

from sulh.browser_fixtures import log_in

pytestmark = pytest.mark.browser

CHAT = """\
07/03/2025, 22:41 - +963 944 555 001: رح نحرق القدموس فوق راسكم يا خونة
08/03/2025, 01:05 - Abu Samir: الطريق إلى مصياف مفتوح حتى الآن
"""


def test_a_documenter_imports_a_chat_and_finds_its_threat_on_the_day(served_demo, page, tmp_path):
    chat = tmp_path / "WhatsApp Chat with Abu Samir.txt"
    chat.write_text(CHAT, encoding="utf-8")
    log_in(page, served_demo, "documenter")
    page.click("text=Threats")
    page.click("text=Import a chat export")
    page.set_input_files("input[name=file]", str(chat))
    page.select_option(
        "select[name=source]", label="the Qadmus local council (its WhatsApp coordination group)"
    )
    page.fill("input[name=place]", "Qadmus")
    page.click("button:has-text('Import')")
    assert page.locator("dd.new").inner_text() == "2"
    assert page.locator("dd.threats").inner_text() == "1"
    assert "Abu Samir" not in page.content() and "944 555" not in page.content()
    page.click("text=Threats per day")
    row = page.locator("table.threats tbody tr", has_text="2025-03-07")
    assert row.locator("td.num").inner_text() == "125"  # the demo's 124 and this one
