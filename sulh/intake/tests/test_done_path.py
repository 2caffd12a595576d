"""A documenter reads an Arabic field note and an English brief about one killing and accepts
both onto one event, by the web, the API and the command line."""

import json

import pytest
from django.core.management import call_command

from sulh.claims.models import ClaimStatus, record_claims
from sulh.events.models import Event
from sulh.intake.models import ExtractionProposal, ProposalStatus
from sulh.intake.tests.texts import ARABIC_NOTE, ENGLISH_BRIEF, REPORT_DATE
from sulh.sources.actions import do_create_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources():
    activist = do_create_source(
        None, kind="person", safe_description="a resident of Qadmus", reliability="C"
    )
    outlet = do_create_source(
        None, kind="media", safe_description="a regional news site", reliability="B"
    )
    return activist, outlet


def _tawahin():
    from sulh.places.models import Place

    return Place.objects.get(geonames_id=172339)


def assert_one_event_two_accounts(event: Event, activist, outlet) -> None:
    event.refresh_from_db()
    assert event.event_type == "violence_against_civilians"
    assert str(event.date_start) == "2025-04-12"
    assert event.place == _tawahin()
    assert event.fatalities_best == 1
    killed = record_claims(event).filter(field="killed", status=ClaimStatus.ACCEPTED)
    assert {c.source_id for c in killed} == {activist.pk, outlet.pk}
    assert all(c.report_id and c.quote for c in killed)
    assert record_claims(event).filter(field="location").count() == 2


def test_a_documenter_accepts_both_accounts_onto_one_event_on_the_web(client_for, sources):
    activist, outlet = sources
    web = client_for("documenter")
    response = web.post(
        "/intake/new/",
        {
            "source": activist.pk,
            "received_on": REPORT_DATE,
            "kind": "interview",
            "format": "text",
            "text": ARABIC_NOTE,
        },
    )
    assert response.status_code == 302
    first = ExtractionProposal.objects.get(report__source=activist)
    page = web.get(f"/intake/proposals/{first.pk}/")
    assert "2025-04-12" in page.content.decode()
    assert "الطواحين" in page.content.decode() or "Tawahin" in page.content.decode()
    form = page.context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, [], "")}
    data = {k: v for k, v in data.items() if not isinstance(v, list)}
    data.update({"decision": "accept", "credibility": 3})
    assert web.post(f"/intake/proposals/{first.pk}/", data).status_code == 302
    first.refresh_from_db()
    assert first.status == ProposalStatus.ACCEPTED

    web.post(
        "/intake/new/",
        {
            "source": outlet.pk,
            "received_on": REPORT_DATE,
            "kind": "article",
            "format": "text",
            "text": ENGLISH_BRIEF,
        },
    )
    second = ExtractionProposal.objects.get(report__source=outlet)
    page = web.get(f"/intake/proposals/{second.pk}/")
    assert page.context["suggested"] == first.event
    form = page.context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, [], "")}
    data = {k: v for k, v in data.items() if not isinstance(v, list)}
    data.update({"decision": "accept", "credibility": 2})
    assert data["target"] == str(first.event_id)
    assert web.post(f"/intake/proposals/{second.pk}/", data).status_code == 302
    second.refresh_from_db()
    assert second.event_id == first.event_id
    assert_one_event_two_accounts(first.event, activist, outlet)


def test_the_same_flow_through_the_api(api_for, sources):
    activist, outlet = sources
    api = api_for("documenter")
    dry = api.post("/intake/extract", {"text": ARABIC_NOTE, "report_date": REPORT_DATE}).json()
    assert dry["events"][0]["date"] == {"start": "2025-04-12", "end": "2025-04-12"}
    assert not ExtractionProposal.objects.exists()
    body = api.post(
        "/intake/texts",
        {"text": ARABIC_NOTE, "source_id": activist.pk, "report_date": REPORT_DATE},
    ).json()
    [first] = body["proposals"]
    assert first["proposal"]["attribution"] == "أحد الأهالي"
    accepted = api.post(f"/intake/proposals/{first['id']}/accept", {"credibility": 3}).json()
    event_id = accepted["event_id"]
    body = api.post(
        "/intake/texts",
        {"text": ENGLISH_BRIEF, "source_id": outlet.pk, "report_date": REPORT_DATE},
    ).json()
    [second] = body["proposals"]
    assert second["suggested_event_id"] == event_id
    response = api.post(f"/intake/proposals/{second['id']}/accept", {"event_id": event_id})
    assert response.status_code == 200
    assert_one_event_two_accounts(Event.objects.get(pk=event_id), activist, outlet)


def test_the_same_flow_from_the_command_line(tmp_path, capsys, persona, sources):
    from sulh.intake.actions import do_accept_proposal

    activist, outlet = sources
    note, brief = tmp_path / "note.txt", tmp_path / "brief.md"
    note.write_text(ARABIC_NOTE, encoding="utf-8")
    brief.write_text("# Shepherd killed\n\n" + ENGLISH_BRIEF, encoding="utf-8")
    call_command("extract", str(note), "--report-date", REPORT_DATE, "--json")
    printed = json.loads(capsys.readouterr().out)
    [event] = printed["events"]
    assert set(event) == {
        "event_type",
        "sub_event_type",
        "date",
        "location",
        "actors",
        "counts",
        "span",
    }
    assert event["location"]["geonames_id"] == 172339
    assert {"what": "killed", "low": 1, "best": 1, "high": 1} in event["counts"]
    assert not ExtractionProposal.objects.exists()

    call_command(
        "ingest", "text", str(note), "--source", str(activist.pk), "--report-date", REPORT_DATE
    )
    call_command(
        "ingest", "text", str(brief), "--source", str(outlet.pk), "--report-date", REPORT_DATE
    )
    assert "queued for review" in capsys.readouterr().out
    first, second = ExtractionProposal.objects.order_by("id")
    assert {first.status, second.status} == {ProposalStatus.PROPOSED}
    documenter = persona("documenter")
    created = do_accept_proposal(documenter, first)
    do_accept_proposal(documenter, second, event=created)
    assert_one_event_two_accounts(created, activist, outlet)
