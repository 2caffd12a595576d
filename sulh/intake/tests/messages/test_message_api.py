"""The API: import an export, read the series and the messages behind a count."""

import pytest

from sulh.intake.messaging.threats import REASONS
from sulh.intake.tests.messages.exports import ANDROID_24

pytestmark = pytest.mark.django_db


def test_importing_through_the_api(api_for, demo_key):
    api = api_for("documenter")
    payload = {
        "format": "whatsapp",
        "content": ANDROID_24,
        "source_id": demo_key("src-council-whatsapp").pk,
        "place": "القدموس",
    }
    response = api.post("/intake/message-imports", payload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["messages_new"], body["threats_new"]) == (5, 3)
    assert api.post("/intake/message-imports", payload).json()["messages_duplicate"] == 5
    assert api.get(f"/intake/message-imports/{body['id']}").json()["messages_new"] == 5


def test_a_bad_export_is_a_422_naming_the_line(api_for, demo_key):
    payload = {
        "format": "whatsapp",
        "content": "Hello council\n07/03/2025, 10:00 - A: hi\n",
        "source_id": demo_key("src-council-whatsapp").pk,
    }
    response = api_for("documenter").post("/intake/message-imports", payload)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "file"],
            "msg": "line 1: not a WhatsApp export line (no date and time at its start)",
        }
    ]


def test_partners_may_not_import(api_for):
    payload = {"format": "whatsapp", "content": ANDROID_24, "source_id": 1}
    assert api_for("partner").post("/intake/message-imports", payload).status_code == 403


def test_the_series_through_the_api(api_for, qadmus):
    rows = api_for("partner").get(
        "/intake/threats", place=str(qadmus.pk), **{"from": "2025-03-06", "to": "2025-03-09"}
    )
    assert rows.status_code == 200
    counts = {row["day"]: row["count"] for row in rows.json()}
    assert counts == {"2025-03-06": 7, "2025-03-07": 124, "2025-03-08": 103, "2025-03-09": 3}
    assert "text" not in rows.content.decode()
    assert {r["code"] for r in rows.json()[0]["reasons"]} <= set(REASONS)


@pytest.mark.parametrize(
    ("name", "status"),
    [("analyst", 200), ("mediator", 200), ("partner", 403), ("outsider", 404)],
)
def test_the_messages_behind_a_count(api_for, qadmus, name, status):
    response = api_for(name).get(f"/intake/threats/{qadmus.pk}/2025-03-08")
    assert response.status_code == status
    if status == 200:
        messages = response.json()
        assert len(messages) == 103
        assert all(m["reasons"] and "+963" not in m["text"] for m in messages)


def test_by_default_the_fortnight_up_to_the_latest_threat(api_for):
    days = {row["day"] for row in api_for("analyst").get("/intake/threats").json()}
    assert max(days) == "2025-03-09" and min(days) >= "2025-02-24"


def test_a_reversed_range_is_a_422(api_for):
    response = api_for("analyst").get(
        "/intake/threats", **{"from": "2025-03-09", "to": "2025-03-01"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "from"]
