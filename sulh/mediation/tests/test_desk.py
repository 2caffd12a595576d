import pytest

pytestmark = pytest.mark.django_db


def _section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    end = page.find("</section>", start)
    return page[start:end]


def test_the_desk_shows_the_broken_night_shooting_promise(demo_client):
    page = demo_client("mediator").get("/mediation/").text
    broken = _section(page, "broken")
    assert "Stop the night shooting in the two villages." in broken
    assert "status-broken" in broken


def test_the_desk_shows_the_amnesty_condition_refused(demo_client):
    broken = _section(demo_client("mediator").get("/mediation/").text, "broken")
    line = next(li for li in broken.split("<li>") if "30-40 key local leaders" in li)
    assert "Refused" in line
    assert "a condition" in line


def test_the_desk_lists_my_cases_and_overdue_commitments(demo_client):
    page = demo_client("mediator").get("/mediation/").text
    cases = _section(page, "my-cases")
    assert "Siege of Qadmus, 6-9 March 2025" in cases
    assert "Daily talks with the faction" in cases
    due = _section(page, "due")
    # Pending since March 2025: overdue, while kept and broken ones are not listed as due.
    assert "Give the council the names of all the men the unit holds." in due
    assert "overdue" in due
    assert "Hand in the villages" not in due


def test_the_desk_shows_events_touching_my_parties(demo_client):
    events = _section(demo_client("mediator").get("/mediation/").text, "events")
    assert "Nearly 600 weapons handed over from 10 villages" in events


def test_a_user_who_mediates_nothing_has_an_empty_desk(client_for):
    page = client_for("outsider").get("/mediation/").text
    assert "You mediate no case yet." in page
    assert "night shooting" not in page


def test_partners_have_no_desk(client_for, api_for):
    assert client_for("partner").get("/mediation/").status_code == 403
    assert api_for("partner").get("/mediation/desk").status_code == 403


def test_the_menu_leads_to_the_desk(client_for):
    page = client_for("mediator").get("/").text
    assert 'href="/mediation/"' in page


def test_the_desk_speaks_arabic(demo_client):
    client = demo_client("mediator")
    client.cookies["django_language"] = "ar"
    page = client.get("/mediation/").text
    assert 'dir="rtl"' in page
    assert "مكتب الوساطة" in page
    assert "وقف إطلاق النار الليلي في القريتين." in page  # the commitment in its Arabic words
    assert "نُقض" in page  # broken
    assert "رُفض" in page  # refused
