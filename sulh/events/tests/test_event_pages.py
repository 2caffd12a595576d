import pytest

pytestmark = pytest.mark.django_db


def test_it_lists_the_qadmus_events(client_for):
    response = client_for("analyst").get("/events/")
    assert response.status_code == 200
    assert "Police set up checkpoints inside Alawite villages" in response.text
    assert "Nearly 600 weapons handed over from 10 villages" in response.text


def test_it_shows_the_checkpoint_dispute_with_both_sources(client_for, demo_key):
    event = demo_key("ev-village-checkpoints")
    response = client_for("analyst").get(f"/events/{event.pk}/")
    assert response.status_code == 200
    page = response.text
    assert "8–40" in page
    assert "disputed" in page
    assert "an Ismaili activist in Qadmus" in page
    assert "a second Ismaili activist in Qadmus" in page
    assert "in thirty to forty villages" in page  # the words of the source, kept with the claim


def test_it_never_shows_a_source_identity_on_event_pages(client_for, demo_key):
    event = demo_key("ev-village-checkpoints")
    for persona in ("analyst", "partner", "admin"):
        page = client_for(persona).get(f"/events/{event.pk}/").text
        assert "Demo Person Alpha" not in page
        assert "900 000 101" not in page


def test_it_filters_by_district_including_added_villages(client_for, demo_key):
    from sulh.places.models import Place

    qadmous_district = Place.objects.get(pcode="SY1006")
    page = client_for("analyst").get("/events/", {"place": qadmous_district.pk}).text
    assert "Attack on the Alawite village of Hataniah" in page  # Hataniah was added under it
    assert "pledges at least 100 million" not in page  # no place: not in the district


def test_it_filters_disputed_only(client_for):
    page = client_for("analyst").get("/events/", {"disputed": "on"}).text
    assert "Police set up checkpoints" in page
    assert "Nearly 600 weapons" not in page


def test_it_filters_by_place_name_in_arabic(client_for):
    page = client_for("analyst").get("/events/", {"place": "القدموس"}).text
    assert "Safe passage of the town" in page


def test_it_filters_by_type_and_dates(client_for):
    page = (
        client_for("analyst")
        .get(
            "/events/",
            {"event_type": "meeting", "date_from": "2025-03-01", "date_to": "2025-03-31"},
        )
        .text
    )
    assert "The council hosts Alawite elders" in page
    assert "tours the Alawite villages" not in page  # a December meeting


def test_the_timeline_runs_in_date_order(client_for):
    page = client_for("analyst").get("/events/timeline/").text
    assert page.index("contact the advancing opposition") < page.index(
        "Attack on the Alawite village"
    )


def test_a_person_records_an_event_and_adds_a_conflicting_claim(client_for, demo_key):
    from sulh.events.models import Event

    client = client_for("documenter")
    source = demo_key("src-activist-b")
    place = demo_key("place-hataniah")
    response = client.post(
        "/events/new/",
        {
            "title": "Shots fired at a car near Hataniah",
            "event_type": "violence_against_civilians",
            "sub_event_type": "attack",
            "date": "2025-03-20",
            "location": place.pk,
            "killed": "about 2",
            "source": source.pk,
            "credibility": 3,
        },
    )
    event = Event.objects.get(title="Shots fired at a car near Hataniah")
    assert response.status_code == 302 and response["Location"] == f"/events/{event.pk}/"
    assert (event.fatalities_low, event.fatalities_high, event.disputed) == (2, 2, False)

    other = demo_key("src-alawite-resident")
    response = client.post(
        f"/events/{event.pk}/claims/new/",
        {
            "field": "killed",
            "value": "5",
            "source": other.pk,
            "credibility": 3,
            "status": "accepted",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.fatalities_low, event.fatalities_high, event.disputed) == (2, 5, True)
    page = client.get(f"/events/{event.pk}/").text
    assert "2–5" in page and "an Alawite resident of a village near Qadmus" in page


def test_bad_input_names_the_field_and_stores_nothing(client_for, demo_key):
    from sulh.claims.models import Claim
    from sulh.events.models import Event

    client = client_for("documenter")
    event = demo_key("ev-weapons-handover")
    before = (Event.objects.count(), Claim.objects.count())
    response = client.post(
        "/events/new/",
        {
            "title": "Bad date",
            "event_type": "meeting",
            "date": "2025-13-45",
            "source": demo_key("src-activist-a").pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 200
    assert "not a real date" in response.text
    response = client.post(
        f"/events/{event.pk}/claims/new/",
        {
            "field": "weapons",
            "value": "lots",
            "source": demo_key("src-activist-a").pk,
            "credibility": 3,
            "status": "accepted",
        },
    )
    assert response.status_code == 200
    assert "is not a number or a range" in response.text
    assert (Event.objects.count(), Claim.objects.count()) == before


def test_partners_cannot_record(client_for, demo_key):
    client = client_for("partner")
    assert client.get("/events/new/").status_code == 403
    event = demo_key("ev-weapons-handover")
    assert client.post(f"/events/{event.pk}/claims/new/", {}).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get("/events/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_mediator_of_another_area_gets_a_404(client_for, demo_key):
    event = demo_key("ev-hataniah")
    assert client_for("outsider").get(f"/events/{event.pk}/").status_code == 404
    assert client_for("mediator").get(f"/events/{event.pk}/").status_code == 200
    assert "Hataniah" not in client_for("outsider").get("/events/").text


def test_it_filters_by_actor_name_in_either_script(client_for):
    client = client_for("analyst")
    page = client.get("/events/", {"actor": "الفصيل العسكري شبه المستقل"}).text
    assert "night" in page and "curfew" in page
    assert "Nearly 600 weapons" not in page
    page = client.get("/events/", {"actor": "the faction"}).text
    assert "assaults Ismaili homes" in page
    assert "No events." in client.get("/events/", {"actor": "Nobody Atall"}).text
