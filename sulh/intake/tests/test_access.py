"""Who may use intake: writers within their areas; partners and strangers never."""

import pytest

from sulh.intake.actions import do_accept_proposal, do_ingest_text
from sulh.intake.models import ProposalStatus
from sulh.sources.models import Source

pytestmark = pytest.mark.django_db

TEXT = "On Friday gunmen shot dead a farmer in Hataniah near Qadmus, a local activist said."


@pytest.fixture
def proposal(persona):
    source = Source.objects.order_by("id").first()
    _report, [proposal] = do_ingest_text(persona("documenter"), source=source, text=TEXT)
    return proposal


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("documenter", 200),
        ("mediator", 200),  # Qadmus is in the mediator's area
        ("analyst", 200),
        ("admin", 200),
        ("outsider", 404),  # a mediator of Aleppo
        ("partner", 403),
    ],
)
def test_the_review_page_by_persona(client_for, proposal, who, status):
    assert client_for(who).get(f"/intake/proposals/{proposal.pk}/").status_code == status


@pytest.mark.parametrize("path", ["/intake/", "/intake/new/"])
def test_partners_cannot_use_intake_pages(client_for, path):
    assert client_for("partner").get(path).status_code == 403
    assert client_for("documenter").get(path).status_code == 200


def test_partners_get_403_from_every_intake_route(api_for, proposal):
    api = api_for("partner")
    assert api.post("/intake/extract", {"text": TEXT}).status_code == 403
    assert api.post("/intake/texts", {"text": TEXT, "source_id": 1}).status_code == 403
    assert api.get("/intake/proposals").status_code == 403
    assert api.post(f"/intake/proposals/{proposal.pk}/accept", {}).status_code == 403


def test_an_outsider_neither_sees_nor_accepts_a_proposal_of_another_area(api_for, proposal):
    api = api_for("outsider")
    assert proposal.pk not in [p["id"] for p in api.get("/intake/proposals").json()]
    assert api.get(f"/intake/proposals/{proposal.pk}").status_code == 404
    assert api.post(f"/intake/proposals/{proposal.pk}/accept", {}).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED


def test_nothing_is_accepted_without_a_person(proposal):
    from django.core.exceptions import ValidationError

    from sulh.claims.models import Claim

    before = Claim.objects.count()
    with pytest.raises(ValidationError):
        do_accept_proposal(None, proposal)
    assert Claim.objects.count() == before


def test_ingesting_stores_the_report_and_no_claim(api_for):
    from sulh.claims.models import Claim

    before = Claim.objects.count()
    body = api_for("documenter").post("/intake/texts", {"text": TEXT, "source_id": 1}).json()
    assert body["proposals"] and Claim.objects.count() == before


def test_a_bad_edit_names_the_field_and_stores_nothing(api_for, proposal):
    from sulh.claims.models import Claim

    before = Claim.objects.count()
    response = api_for("documenter").post(
        f"/intake/proposals/{proposal.pk}/accept",
        {"values": {"event_type": "violence_against_civilians", "killed": "lots"}},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "killed"]
    assert Claim.objects.count() == before
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED


def test_a_rejected_proposal_cannot_be_accepted_later(api_for, proposal):
    api = api_for("documenter")
    assert (
        api.post(f"/intake/proposals/{proposal.pk}/reject", {"note": "duplicate"}).json()["status"]
        == "rejected"
    )
    response = api.post(f"/intake/proposals/{proposal.pk}/accept", {})
    assert response.status_code == 422


def test_an_empty_text_is_refused_with_the_field_named(api_for):
    response = api_for("documenter").post("/intake/texts", {"text": " ", "source_id": 1})
    assert response.status_code == 422
    assert "text" in str(response.json())


def test_the_queue_speaks_arabic_to_an_arabic_reader(client_for, proposal):
    web = client_for("documenter")
    web.post("/i18n/setlang/", {"language": "ar", "next": "/intake/"})
    page = web.get("/intake/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "قائمة المراجعة" in page and 'dir="rtl"' in page
