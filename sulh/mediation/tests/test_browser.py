from datetime import timedelta

import pytest
from django.utils import timezone

from sulh.browser_fixtures import log_in

pytestmark = pytest.mark.browser


def test_a_mediator_follows_her_cases_and_records_a_meeting(served_demo, page):
    log_in(page, served_demo, "mediator")
    page.click("header nav >> text=Mediation desk")
    broken = page.locator("#broken")
    night = broken.locator("li", has_text="Stop the night shooting in the two villages.").first
    assert "Broken" in night.inner_text()
    condition = broken.locator("li", has_text="30-40 key local leaders")
    assert "Refused" in condition.inner_text()
    assert "a condition" in condition.inner_text()

    page.click("#my-cases >> text=Siege of Qadmus, 6-9 March 2025")
    page.select_option("select[name=order]", "oldest")
    page.click("form.filters button")
    story = page.locator("ol.case-timeline > li").all_inner_texts()
    assert "villager-run checkpoint" in story[0]
    assert "enter Qadmus" in story[-2] and "no assault" in story[-1]  # kept to the end
    passage = next(i for i, text in enumerate(story) if "Safe passage of the police" in text)
    assert passage > next(i for i, text in enumerate(story) if "Hand over the security" in text)
    assert "Demo Person" not in page.content()

    page.click("header nav >> text=Mediation desk")
    page.click("#my-cases >> text=Daily talks with the faction")
    page.click("text=Record a meeting or contact")
    page.fill("input[name=title]", "Evening call with the faction's commander")
    page.fill("input[name=held_at]", timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Semi-independent military faction", exact=True).check()
    page.get_by_label("General Security", exact=True).check()
    page.select_option("select[name=source]", label="the local council's own notes of its meetings")
    page.select_option("select[name=commitment_obliged]", label="Semi-independent military faction")
    page.fill("input[name=commitment_action]", "Let the flour truck through the checkpoint")
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.fill("input[name=commitment_deadline]", tomorrow.isoformat())
    page.click("form.form button[type=submit]")
    assert "Meeting recorded." in page.locator(".message").inner_text()

    page.click("header nav >> text=Mediation desk")
    due = page.locator("#due li", has_text="Let the flour truck through the checkpoint")
    assert "due this week" in due.inner_text()
    assert tomorrow.isoformat() in due.inner_text()


def test_a_partner_reads_a_brief_without_any_source(served_demo, page):
    log_in(page, served_demo, "partner")
    page.click("header nav >> text=Cases")
    row = page.locator("tr", has_text="Siege of Qadmus")
    row.locator("text=brief").first.click()
    text = page.locator("article.brief").inner_text()
    assert "Let the town's 20 police officers leave safely for Masyaf." in text
    for source in ("activist", "resident", "council's own notes", "Demo Person"):
        assert source not in text
