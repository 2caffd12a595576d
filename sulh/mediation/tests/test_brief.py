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


def _pdf_text(content: bytes) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_a_partner_downloads_the_brief_as_a_pdf_without_any_source(
    client_for, demo_key, safe_descriptions
):
    from sulh.audit.models import AuditEntry

    case = demo_key("case-siege")
    response = client_for("partner").get(f"/mediation/cases/{case.pk}/brief.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(response.content).split())
    assert "Siege of Qadmus" in text and "Masyaf" in text
    for description in safe_descriptions:
        assert description not in text
    for quote in _quotes(case):
        assert " ".join(quote.split()) not in text
    for marker in IDENTITY_MARKERS:
        assert marker not in text
    entry = AuditEntry.objects.filter(action="export").order_by("-id").first()
    assert entry.changes["kind"] == "mediation.brief_pdf"


def test_the_brief_pdf_is_in_arabic_for_an_arabic_reader(client_for, demo_key):
    case = demo_key("case-siege")
    client = client_for("partner")
    client.cookies["django_language"] = "ar"
    response = client.get(f"/mediation/cases/{case.pk}/brief.pdf", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    text = _pdf_text(response.content)
    # The title and the page's own words come out in Arabic (extraction of shaped text keeps
    # whole words where no ligature joins them).
    assert "حصار القدموس" in text and "منقّح للشركاء" in text
