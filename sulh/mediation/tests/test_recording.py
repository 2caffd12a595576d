"""Recording through the web: a meeting, its parties and a commitment; statuses with evidence."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _meeting_form(demo_key, **extra) -> dict:
    faction, council = demo_key("actor-faction"), demo_key("actor-local-council")
    tomorrow = timezone.localdate() + timedelta(days=1)
    return {
        "kind": "meeting",
        "title": "Meeting with the faction's commander about the checkpoints",
        "held_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "place": "Qadmus",
        "convener": council.pk,
        "attendees": [faction.pk, council.pk],
        "others": "village elders, about 12",
        "attendance": "about 20",
        "agenda": "Aid at the checkpoints",
        "notes": "The commander listened.",
        "outcome": "He promised to open the checkpoints to aid.",
        "source": demo_key("src-council-notes").pk,
        "credibility": 2,
        "commitment_obliged": faction.pk,
        "commitment_action": "Open the checkpoints to aid trucks",
        "commitment_deadline": tomorrow.isoformat(),
        **extra,
    }


def test_a_mediator_records_a_meeting_and_sees_the_commitment_due(demo_client, demo_key):
    from sulh.mediation.models import Commitment

    case = demo_key("case-faction")
    client = demo_client("mediator")
    response = client.post(f"/mediation/cases/{case.pk}/meetings/new/", _meeting_form(demo_key))
    assert response.status_code == 302
    commitment = Commitment.objects.get(action="Open the checkpoints to aid trucks")
    assert commitment.deadline == timezone.localdate() + timedelta(days=1)
    assert commitment.meeting.attendees.filter(actor__isnull=False).count() == 2
    desk = client.get("/mediation/").text
    due = desk[desk.index('id="due"') :]
    assert "Open the checkpoints to aid trucks" in due
    assert "due this week" in due
    today = desk[desk.index('id="meetings-today"') : desk.index('id="due"')]
    assert "Meeting with the faction" in today
    page = client.get(f"/mediation/cases/{case.pk}/").text
    assert "village elders (10–14)" in page or "village elders (12)" in page


def test_the_meeting_date_and_deadline_are_claims_of_the_source(demo_client, demo_key):
    from sulh.claims.models import record_claims
    from sulh.mediation.models import Commitment

    case = demo_key("case-faction")
    demo_client("mediator").post(
        f"/mediation/cases/{case.pk}/meetings/new/", _meeting_form(demo_key)
    )
    commitment = Commitment.objects.get(action="Open the checkpoints to aid trucks")
    claims = record_claims(commitment)
    assert [c.field for c in claims] == ["deadline"]
    assert claims[0].source == demo_key("src-council-notes")
    assert {c.field for c in record_claims(commitment.meeting)} == {"date", "attendance"}


def test_a_meeting_without_a_time_names_the_field_and_stores_nothing(demo_client, demo_key):
    from sulh.mediation.models import Meeting

    case = demo_key("case-faction")
    before = Meeting.objects.count()
    response = demo_client("mediator").post(
        f"/mediation/cases/{case.pk}/meetings/new/", _meeting_form(demo_key, held_at="")
    )
    assert response.status_code == 200
    assert "held_at" in response.context["form"].errors
    assert Meeting.objects.count() == before


def test_a_commitment_needs_a_party_of_the_case(demo_client, demo_key):
    from sulh.mediation.models import Commitment

    case = demo_key("case-siege")
    before = Commitment.objects.count()
    response = demo_client("mediator").post(
        f"/mediation/cases/{case.pk}/commitments/new/",
        {
            "obliged": demo_key("actor-faction").pk,  # not a party of the siege
            "action": "Withdraw",
            "source": demo_key("src-activist-a").pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 200
    assert "obliged" in response.context["form"].errors
    assert Commitment.objects.count() == before


def test_a_bad_deadline_names_the_field(demo_client, demo_key):
    case = demo_key("case-faction")
    response = demo_client("mediator").post(
        f"/mediation/cases/{case.pk}/commitments/new/",
        {
            "obliged": demo_key("actor-faction").pk,
            "action": "Withdraw",
            "deadline": "next Tuesday-ish",
            "source": demo_key("src-activist-a").pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 200
    assert "deadline" in response.context["form"].errors


def test_a_status_changes_only_with_evidence_and_keeps_its_history(demo_client, demo_key):
    commitment = demo_key("com-list-detainees")
    url = f"/mediation/cases/{commitment.case_id}/commitments/{commitment.pk}/status/"
    client = demo_client("mediator")
    response = client.post(url, {"status": "broken", "credibility": 6})
    assert response.status_code == 200
    assert "evidence" in response.content.decode()
    commitment.refresh_from_db()
    assert commitment.status == "pending"
    response = client.post(
        url,
        {"status": "partly_kept", "source": demo_key("src-activist-b").pk, "credibility": 3},
    )
    assert response.status_code == 302
    response = client.post(
        url, {"status": "broken", "event": demo_key("ev-arbitrary-detentions").pk, "credibility": 6}
    )
    assert response.status_code == 302
    steps = list(commitment.changes.order_by("id").values_list("previous", "status"))
    assert steps == [("pending", "partly_kept"), ("partly_kept", "broken")]
    commitment.refresh_from_db()
    assert commitment.status == "broken"
    assert not commitment.is_overdue()


def test_history_rows_cannot_be_deleted_with_their_evidence(demo_key):
    from django.db.models import ProtectedError

    change = demo_key("com-stop-night-shooting").changes.first()
    with pytest.raises(ProtectedError):
        change.commitment.delete()


@pytest.mark.parametrize(
    ("who", "status"),
    [("mediator", 200), ("documenter", 200), ("partner", 403), ("outsider", 404)],
)
def test_who_may_open_the_meeting_form(client_for, demo_key, who, status):
    case = demo_key("case-weapons")
    assert client_for(who).get(f"/mediation/cases/{case.pk}/meetings/new/").status_code == status


def test_a_mediator_opens_a_case_and_adds_a_party_a_position_and_an_agreement(client_for, demo_key):
    from sulh.mediation.models import Case

    client = client_for("mediator")
    response = client.post(
        "/mediation/cases/new/",
        {"title": "Water dispute between two villages", "status": "open", "areas": "القدموس"},
    )
    assert response.status_code == 302
    case = Case.objects.get(title="Water dispute between two villages")
    assert case.mediators.filter(username="t_mediator").exists()
    council, villagers = demo_key("actor-local-council"), demo_key("actor-alawite-villagers")
    for actor in (council, villagers):
        client.post(
            f"/mediation/cases/{case.pk}/parties/new/", {"actor": actor.pk, "role": "party"}
        )
    source = demo_key("src-activist-a").pk
    response = client.post(
        f"/mediation/cases/{case.pk}/positions/new/",
        {
            "party": villagers.pk,
            "kind": "demand",
            "text": "Share the spring",
            "date": "2025-04",
            "quantity": "about 30",
            "source": source,
            "credibility": 3,
        },
    )
    assert response.status_code == 302
    response = client.post(
        f"/mediation/cases/{case.pk}/agreements/new/",
        {
            "title": "Spring shared by days",
            "form": "written",
            "date": "2025-04-10",
            "parties": [council.pk, villagers.pk],
            "source": source,
            "credibility": 3,
        },
    )
    assert response.status_code == 302
    page = client.get(f"/mediation/cases/{case.pk}/").text
    assert "Share the spring" in page and "2025-04" in page
    assert "Spring shared by days" in page


def test_closing_a_case_needs_a_reason(client_for, demo_key):
    case = demo_key("case-weapons")
    client = client_for("mediator")
    response = client.post(f"/mediation/cases/{case.pk}/status/", {"status": "closed"})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == "active"
    client.post(f"/mediation/cases/{case.pk}/status/", {"status": "closed", "reason": "Done"})
    case.refresh_from_db()
    assert (case.status, case.closed_reason) == ("closed", "Done")


def test_contacts_attend_meetings_by_role(client_for, demo_key):
    case = demo_key("case-faction")
    client = client_for("mediator")
    response = client.post(
        f"/mediation/cases/{case.pk}/contacts/new/",
        {"role": "the clinic's nurse", "source": demo_key("src-activist-b").pk},
    )
    assert response.status_code == 302
    contact = case.contacts.get(role="the clinic's nurse")
    response = client.post(
        f"/mediation/cases/{case.pk}/meetings/new/",
        {
            "kind": "message",
            "title": "Message from the clinic",
            "held_at": "2025-03-20T09:00",
            "contacts": [contact.pk],
            "source": demo_key("src-activist-b").pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 302
    page = client.get(f"/mediation/cases/{case.pk}/").text
    assert "the clinic&#x27;s nurse" in page
    assert "a second Ismaili activist in Qadmus" in page
    assert "Demo Person" not in page


def test_another_source_disputes_a_deadline(client_for, demo_key):
    commitment = demo_key("com-let-aid-pass")
    url = f"/mediation/cases/{commitment.case_id}/commitment/{commitment.pk}/accounts/new/"
    client = client_for("mediator")
    form = {"field": "deadline", "source": demo_key("src-alawite-resident").pk, "credibility": 3}
    response = client.post(url, {**form, "value": "someday"})
    assert response.status_code == 200
    assert "is not a date" in response.context["form"].errors["value"][0]
    response = client.post(url, {**form, "value": "2025-03-25"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.disputed_fields == ["deadline"]
    page = client.get(f"/mediation/cases/{commitment.case_id}/").text
    line = page[page.index(f'id="commitment-{commitment.pk}"') :]
    assert "disputed: deadline" in line[: line.index("</li>")]


@pytest.mark.parametrize(
    ("who", "record", "status"),
    [
        ("mediator", "position", 200),
        ("mediator", "party", 404),  # not a record that takes accounts
        ("partner", "position", 403),
        ("outsider", "position", 404),
    ],
)
def test_who_may_add_an_account(client_for, demo_key, who, record, status):
    position = demo_key("pos-director-amnesty")
    url = f"/mediation/cases/{position.case_id}/{record}/{position.pk}/accounts/new/"
    assert client_for(who).get(url).status_code == status


def test_the_events_that_triggered_a_case_are_marked(client_for, demo_key):
    case = demo_key("case-siege")
    page = client_for("mediator").get(f"/mediation/cases/{case.pk}/").text
    start = page.index("About 1,500 armed men surround Qadmus")
    assert "triggered the case" in page[start : page.index("</h3>", start)]


def test_every_account_of_a_record_is_listed_with_its_grade(client_for, demo_key):
    position = demo_key("pos-director-amnesty")
    client = client_for("mediator")
    client.post(
        f"/mediation/cases/{position.case_id}/position/{position.pk}/accounts/new/",
        {"field": "quantity", "value": "about 50", "source": demo_key("src-outlet-b").pk,
         "credibility": 3},
    )  # fmt: skip
    page = client.get(f"/mediation/cases/{position.case_id}/").text
    start = page.index("An amnesty for the men in the insurgency", page.index("case-timeline"))
    entry = page[start : page.index("</li>", start)]
    assert "3 accounts" in entry  # the date and 30-40 from the activist, about 50 from the agency
    assert "an international news agency" in entry and "B3" in entry
    assert "disputed: quantity" in entry
