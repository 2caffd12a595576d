from datetime import timedelta

import pytest
from django.utils import timezone

from sulh.mediation.tests.conftest import IDENTITY_MARKERS

pytestmark = pytest.mark.django_db


class DemoApi:
    """An API client with a token for a demo user (the demo's "mediator" mediates its cases)."""

    def __init__(self, user):
        from django.test import Client

        from sulh.accounts.actions import do_create_token

        self.client = Client()
        token, _row = do_create_token(None, user)
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params):
        return self.client.get(f"/api/v1{path}", params, headers=self.headers)

    def post(self, path: str, data: dict):
        return self.client.post(
            f"/api/v1{path}", data, content_type="application/json", headers=self.headers
        )


@pytest.fixture
def mediator_api(demo_user):
    return DemoApi(demo_user("mediator"))


@pytest.mark.parametrize(
    ("who", "status"),
    [("admin", 200), ("mediator", 200), ("analyst", 200), ("partner", 403), ("outsider", 404)],
)
def test_who_may_read_a_case(api_for, demo_key, who, status):
    case = demo_key("case-weapons")
    assert api_for(who).get(f"/mediation/cases/{case.pk}").status_code == status


@pytest.mark.parametrize(
    ("who", "status"), [("mediator", 200), ("partner", 200), ("outsider", 404)]
)
def test_who_may_read_a_brief(api_for, demo_key, who, status):
    case = demo_key("case-weapons")
    assert api_for(who).get(f"/mediation/cases/{case.pk}/brief").status_code == status


def test_the_case_list_follows_visibility(api_for):
    mine = {c["title"] for c in api_for("mediator").get("/mediation/cases").json()}
    assert "Siege of Qadmus, 6-9 March 2025" in mine
    assert api_for("outsider").get("/mediation/cases").json() == []


def test_the_case_detail_gives_numbers_as_ranges_and_sources_as_safe_descriptions(
    api_for, demo_key
):
    case = demo_key("case-weapons")
    response = api_for("analyst").get(f"/mediation/cases/{case.pk}")
    data = response.json()
    condition = next(c for c in data["commitments"] if "30-40 key local leaders" in c["action"])
    assert (condition["quantity"]["low"], condition["quantity"]["high"]) == (30, 40)
    assert condition["status"] == "refused"
    assert condition["history"][0]["source"]["safe_description"] == "an Ismaili activist in Qadmus"
    amnesty = next(c for c in data["commitments"] if c["action"].startswith("Grant an amnesty"))
    assert amnesty["condition_id"] == condition["id"]
    for marker in IDENTITY_MARKERS:
        assert marker not in response.content.decode()


def test_the_brief_has_no_source(api_for, demo_key, safe_descriptions):
    case = demo_key("case-faction")
    text = api_for("partner").get(f"/mediation/cases/{case.pk}/brief").content.decode()
    assert "Stop the night shooting in the two villages." in text
    for description in safe_descriptions:
        assert description not in text


def test_a_meeting_with_two_parties_and_a_commitment_due_tomorrow(mediator_api, demo_key):
    case = demo_key("case-faction")
    faction, gs = demo_key("actor-faction"), demo_key("actor-general-security")
    source = demo_key("src-council-notes").pk
    response = mediator_api.post(
        f"/mediation/cases/{case.pk}/meetings",
        {
            "title": "Call with the faction about the night patrols",
            "kind": "phone",
            "held_at": timezone.now().isoformat(),
            "attendees": [
                {"actor_id": faction.pk},
                {"actor_id": gs.pk},
                {"role": "elders", "count": "3"},
            ],
            "source_id": source,
            "credibility": 3,
        },
    )
    assert response.status_code == 201, response.content
    meeting = response.json()
    assert [a["actor_id"] for a in meeting["attendees"][:2]] == [faction.pk, gs.pk]
    assert meeting["source"]["safe_description"] == "the local council's own notes of its meetings"
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = mediator_api.post(
        f"/mediation/cases/{case.pk}/commitments",
        {
            "obliged_id": faction.pk,
            "action": "No patrol after dark",
            "deadline": tomorrow,
            "meeting_id": meeting["id"],
            "source_id": source,
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["deadline"] == tomorrow
    desk = mediator_api.get("/mediation/desk").json()
    assert "No patrol after dark" in [c["action"] for c in desk["due_this_week"]]
    assert "Call with the faction about the night patrols" in [
        m["title"] for m in desk["meetings_today"]
    ]


def test_the_desk_reports_the_broken_promise_and_the_refused_condition(mediator_api):
    desk = mediator_api.get("/mediation/desk").json()
    statuses = {c["action"]: c["status"] for c in desk["broken_or_refused"]}
    assert statuses["Stop the night shooting in the two villages."] == "broken"
    refused = [a for a, s in statuses.items() if "30-40 key local leaders" in a]
    assert refused and statuses[refused[0]] == "refused"
    assert all(c["overdue"] for c in desk["overdue"])


def test_bad_input_names_the_field_and_stores_nothing(api_for, demo_key):
    from sulh.mediation.models import Commitment

    case = demo_key("case-faction")
    before = Commitment.objects.count()
    response = api_for("mediator").post(
        f"/mediation/cases/{case.pk}/commitments",
        {
            "obliged_id": demo_key("actor-faction").pk,
            "action": "Stop",
            "deadline": "soon",
            "source_id": demo_key("src-council-notes").pk,
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "deadline"]
    assert Commitment.objects.count() == before


def test_a_status_without_evidence_is_refused(api_for, demo_key):
    commitment = demo_key("com-list-detainees")
    response = api_for("mediator").post(
        f"/mediation/cases/{commitment.case_id}/commitments/{commitment.pk}/status",
        {"status": "kept"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "evidence"]
    event = demo_key("ev-aid-escort")
    response = api_for("mediator").post(
        f"/mediation/cases/{commitment.case_id}/commitments/{commitment.pk}/status",
        {"status": "kept", "event_id": event.pk},
    )
    assert response.status_code == 200
    assert response.json()["history"][-1]["event_id"] == event.pk


def test_partners_cannot_write(api_for, demo_key):
    case = demo_key("case-faction")
    response = api_for("partner").post(
        f"/mediation/cases/{case.pk}/parties",
        {"actor_id": demo_key("actor-moi").pk, "role": "observer"},
    )
    assert response.status_code == 403
    assert api_for("partner").post("/mediation/cases", {"title": "x"}).status_code == 403


def test_an_outsider_cannot_write_to_a_case_she_cannot_see(api_for, demo_key):
    case = demo_key("case-faction")
    response = api_for("outsider").post(
        f"/mediation/cases/{case.pk}/parties",
        {"actor_id": demo_key("actor-moi").pk, "role": "observer"},
    )
    assert response.status_code == 404


def test_a_second_account_of_a_number_is_reconciled_as_a_range(api_for, demo_key):
    position = demo_key("pos-director-amnesty")
    api = api_for("analyst")
    response = api.post(
        f"/mediation/cases/{position.case_id}/claims",
        {
            "record": "position",
            "record_id": position.pk,
            "field": "quantity",
            "value": "about 50",
            "source_id": demo_key("src-activist-b").pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 201, response.content
    data = next(
        p
        for p in api.get(f"/mediation/cases/{position.case_id}/positions").json()
        if p["id"] == position.pk
    )
    assert data["quantity"]["low"] == 30
    assert data["quantity"]["high"] >= 50
    assert "quantity" in data["disputed_fields"]


def test_the_api_lists_everything_of_a_case(api_for, demo_key):
    case = demo_key("case-siege")
    api = api_for("mediator")
    assert len(api.get(f"/mediation/cases/{case.pk}/meetings").json()) == 2
    assert len(api.get(f"/mediation/cases/{case.pk}/positions").json()) == 3
    assert len(api.get(f"/mediation/cases/{case.pk}/agreements").json()) == 1
    assert len(api.get(f"/mediation/cases/{case.pk}/commitments").json()) == 3
    assert len(api.get(f"/mediation/cases/{case.pk}/parties").json()) == 5
    story = api.get(f"/mediation/cases/{case.pk}/timeline", kind=["agreement"]).json()
    assert [e["title"] for e in story] == ["Safe passage of the police to Masyaf"]


def test_a_case_is_opened_with_its_areas(api_for):
    from sulh.places.models import Place

    district = Place.objects.get(pcode="SY1006")
    response = api_for("mediator").post(
        "/mediation/cases", {"title": "Checkpoint quarrel", "area_ids": [district.pk]}
    )
    assert response.status_code == 201
    assert response.json()["areas"][0]["id"] == district.pk
    response = api_for("mediator").post("/mediation/cases", {"title": "", "status": "nope"})
    assert response.status_code == 422
    assert {d["loc"][1] for d in response.json()["detail"]} == {"title", "status"}


def test_a_mediator_added_to_a_case_finds_it_on_her_desk(api_for, persona, demo_key):
    case = demo_key("case-weapons")
    persona("outsider")
    assert api_for("outsider").get(f"/mediation/cases/{case.pk}").status_code == 404
    response = api_for("admin").post(
        f"/mediation/cases/{case.pk}/mediators", {"username": "t_outsider"}
    )
    assert response.status_code == 200
    assert "t_outsider" in response.json()["mediators"]
    outsider = api_for("outsider")
    assert outsider.get(f"/mediation/cases/{case.pk}").status_code == 200
    assert case.title in [c["title"] for c in outsider.get("/mediation/desk").json()["cases"]]
    response = api_for("admin").post(
        f"/mediation/cases/{case.pk}/mediators", {"username": "nobody"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "username"]


def test_a_contact_person_who_is_a_source_shows_only_its_safe_description(api_for, demo_key):
    case = demo_key("case-faction")
    response = api_for("mediator").post(
        f"/mediation/cases/{case.pk}/contacts",
        {"role": "a nurse at the clinic", "source_id": demo_key("src-activist-b").pk},
    )
    assert response.status_code == 201
    assert response.json()["source"]["safe_description"] == "a second Ismaili activist in Qadmus"
    assert "Demo Person" not in response.content.decode()


def test_the_openapi_document_describes_the_mediation_routes(client_for):
    document = client_for("analyst").get("/api/v1/openapi.json").json()
    assert (
        "/api/v1/mediation/cases/{case_id}/commitments/{commitment_id}/status" in document["paths"]
    )
    assert "/api/v1/mediation/desk" in document["paths"]
