import pytest

from sulh.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

BODY = {
    "kind": "person",
    "safe_description": "a nurse in Baniyas",
    "reliability": "B",
    "identity": {"name": "Api Person Yankee", "phone": "+963 933 000 111", "notes": "night shift"},
}


def test_a_cleared_user_gets_the_identity_back_and_the_response_is_audited(api_for):
    response = api_for("cleared_analyst").post("/sources", BODY)
    assert response.status_code == 201
    body = response.json()
    assert body["identity"]["name"] == "Api Person Yankee"
    assert AuditEntry.objects.filter(
        action="source.reveal", record_id=str(body["id"]), username="t_cleared_analyst"
    ).exists()
    again = api_for("cleared_analyst").get(f"/sources/{body['id']}").json()
    assert again["identity"]["phone"] == "+963 933 000 111"


def test_an_uncleared_writer_stores_an_identity_it_cannot_read_back(api_for):
    response = api_for("documenter").post("/sources", BODY)
    assert response.status_code == 201 and response.json()["identity"] is None
    assert "Yankee" not in response.text
    source_id = response.json()["id"]
    for name in ("analyst", "partner", "mediator"):
        shown = api_for(name).get(f"/sources/{source_id}")
        assert shown.status_code == 200 and "Yankee" not in shown.text and "933" not in shown.text
    assert not AuditEntry.objects.filter(action="source.reveal", record_id=str(source_id))


def test_a_partner_cannot_add_a_source(api_for):
    response = api_for("partner").post("/sources", BODY)
    assert response.status_code == 403
