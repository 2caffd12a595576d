import pytest

from sulh.mediation.tests.conftest import IDENTITY_MARKERS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin", 200),
        ("mediator", 200),  # a mediator of the Qadmus district: the case lies in her areas
        ("analyst", 200),
        ("documenter", 200),
        ("coordinator", 200),
        ("partner", 403),  # partners read the brief only
        ("outsider", 404),  # a mediator of Aleppo: the case does not exist for her
    ],
)
def test_who_may_open_a_case_page(client_for, demo_key, who, status):
    case = demo_key("case-siege")
    assert client_for(who).get(f"/mediation/cases/{case.pk}/").status_code == status


def test_an_unknown_case_is_the_same_404(client_for):
    assert client_for("admin").get("/mediation/cases/999999/").status_code == 404


def test_the_siege_reads_in_order_from_the_killing_to_the_forces_entering(client_for, demo_key):
    case = demo_key("case-siege")
    page = client_for("mediator").get(f"/mediation/cases/{case.pk}/", {"order": "oldest"}).text
    story = [
        "killed at a villager-run checkpoint",
        "Hand over the security forces in the town.",
        "Morning negotiation on the safe passage of the police",
        "Safe passage of the police to Masyaf",
        "General Security and a pro-government faction from Baniyas enter Qadmus",
    ]
    timeline = page[page.index("case-timeline") :]
    positions = [timeline.index(step) for step in story]
    assert positions == sorted(positions)


def test_the_story_is_newest_first_by_default(client_for, demo_key):
    case = demo_key("case-siege")
    page = client_for("mediator").get(f"/mediation/cases/{case.pk}/").text
    timeline = page[page.index("case-timeline") :]
    assert timeline.index("enter Qadmus") < timeline.index("villager-run checkpoint")


def test_the_story_filters_by_kind_and_party(client_for, demo_key):
    case = demo_key("case-faction")
    faction = demo_key("actor-faction")
    client = client_for("mediator")
    page = client.get(f"/mediation/cases/{case.pk}/", {"kind": "commitment"}).text
    timeline = page[page.index("case-timeline") :]
    assert "Pending → " in timeline
    assert "kind-meeting" not in timeline and "kind-event" not in timeline
    page = client.get(f"/mediation/cases/{case.pk}/", {"actor": faction.pk}).text
    timeline = page[page.index("case-timeline") :]
    assert "Escort aid between the villages" not in timeline  # the region director's promise
    assert "Release the men taken from the villages." in timeline


def test_parties_stand_side_by_side_with_their_positions(client_for, demo_key):
    case = demo_key("case-weapons")
    director = demo_key("actor-region-director")
    page = client_for("mediator").get(f"/mediation/cases/{case.pk}/").text
    start = page.index(f'id="party-{director.pk}-party"')
    column = page[start : page.index("</section>", start)]
    assert "An amnesty for the men in the insurgency" in column
    assert "Offer" in column


def test_the_case_page_shows_sources_only_by_safe_description(client_for, demo_key):
    case = demo_key("case-faction")
    for persona in ("mediator", "admin"):
        page = client_for(persona).get(f"/mediation/cases/{case.pk}/").text
        assert "an Alawite resident of a village near Qadmus" in page
        for marker in IDENTITY_MARKERS:
            assert marker not in page


def test_the_cases_list_follows_visibility(client_for):
    assert "Siege of Qadmus" in client_for("mediator").get("/mediation/cases/").text
    assert "Siege of Qadmus" not in client_for("outsider").get("/mediation/cases/").text


def test_the_place_page_lists_the_cases_there(client_for):
    from sulh.places.models import Place

    district = Place.objects.get(pcode="SY1006")
    page = client_for("analyst").get(f"/places/{district.pk}/").text
    assert "Mediation cases here" in page
    assert "Weapons and wanted men of the Alawite villages" in page
    assert "Mediation cases here" not in client_for("outsider").get(f"/places/{district.pk}/").text
