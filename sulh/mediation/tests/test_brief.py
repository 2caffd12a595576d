import pytest

from sulh.mediation.tests.conftest import IDENTITY_MARKERS

pytestmark = pytest.mark.django_db


def _quotes(case) -> list[str]:
    from sulh.claims.models import record_claims

    records = [
        *case.meetings.all(),
        *case.positions.all(),
        *case.agreements.all(),
        *case.commitments.all(),
    ]
    return [c.quote for r in records for c in record_claims(r) if c.quote]


@pytest.mark.parametrize("key", ["case-siege", "case-weapons", "case-faction"])
def test_a_partner_reads_the_brief_without_any_source(client_for, demo_key, safe_descriptions, key):
    case = demo_key(key)
    client = client_for("partner")
    for url in (f"/mediation/cases/{case.pk}/brief/", f"/mediation/cases/{case.pk}/brief.md"):
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert case.title in text
        for description in safe_descriptions:
            assert description not in text
        for quote in _quotes(case):
            assert quote not in text
        for marker in IDENTITY_MARKERS:
            assert marker not in text


def test_the_brief_tells_what_was_agreed_and_kept(client_for, demo_key):
    case = demo_key("case-siege")
    text = client_for("partner").get(f"/mediation/cases/{case.pk}/brief.md").text
    assert text.startswith("# Siege of Qadmus")
    assert "Let the town's 20 police officers leave safely for Masyaf. (20)" in text
    assert "| Kept |" in text
    assert "Safe passage of the police to Masyaf" in text


def test_the_brief_leaves_out_meeting_notes(client_for, demo_key):
    case = demo_key("case-siege")
    text = client_for("partner").get(f"/mediation/cases/{case.pk}/brief/").text
    assert "threatening a massacre" not in text  # the notes of the 6 March calls


def test_the_brief_shows_the_refused_condition(client_for, demo_key):
    case = demo_key("case-weapons")
    text = client_for("partner").get(f"/mediation/cases/{case.pk}/brief.md").text
    line = next(line for line in text.splitlines() if "Grant an amnesty" in line)
    assert "only if" in line and "(Refused)" in line


def test_an_outsider_gets_no_brief(client_for, demo_key):
    case = demo_key("case-siege")
    assert client_for("outsider").get(f"/mediation/cases/{case.pk}/brief/").status_code == 404
    assert client_for("outsider").get(f"/mediation/cases/{case.pk}/brief.md").status_code == 404
