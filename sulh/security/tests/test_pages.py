import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/security/",
    "/security/checkpoints/",
    "/security/weapons/",
    "/security/units/",
    "/security/aid/",
]


def test_the_overview_shows_the_district_weapons_balance_with_sources(client_for):
    from sulh.places.models import Place

    district = Place.objects.get(pcode="SY1006")
    response = client_for("coordinator").get("/security/", {"place": district.pk})
    assert response.status_code == 200
    page = response.text
    distributed = page[page.index('id="balance-distributed"') :].split("</tr>")[0]
    handed_over = page[page.index('id="balance-handed_over"') :].split("</tr>")[0]
    assert "about <bdi>80</bdi>" in distributed and "an Ismaili activist in Qadmus" in distributed
    assert (
        "nearly <bdi>600</bdi>" in handed_over and "Nearly 600 weapons handed over" in handed_over
    )


def test_the_programme_shows_as_disputed_between_8_and_40_villages(client_for, demo_key):
    programme = demo_key("sec-programme-village-checkpoints")
    page = client_for("analyst").get("/security/checkpoints/").text
    row = page[page.index(f'id="programme-{programme.pk}"') :].split("</tr>")[0]
    assert "8–40" in row and "disputed" in row
    assert "a second Ismaili activist in Qadmus" in row
    detail = client_for("analyst").get(f"/security/programmes/{programme.pk}/").text
    assert "in thirty to forty villages" in detail  # the words of the source, with the claim
    assert "Police set up checkpoints inside Alawite villages" in detail  # the linked event


def test_a_checkpoint_page_shows_its_status_history_and_events(client_for, demo_key):
    checkpoint = demo_key("sec-cp-midan-al-atiq")
    page = client_for("analyst").get(f"/security/checkpoints/{checkpoint.pk}/").text
    history = page[page.index('id="status-history"') :].split("</table>")[0]
    assert history.index("active") < history.index("hostile")
    assert "A council member and two security officers killed" in page


def test_the_units_register_shows_size_over_time(client_for, demo_key):
    unit = demo_key("sec-unit-ismaili-volunteers")
    assert "about 60" in client_for("analyst").get("/security/units/").text
    page = client_for("analyst").get(f"/security/units/{unit.pk}/").text
    history = page[page.index('id="unit-history"') :].split("</table>")[0]
    assert history.index("about 30") < history.index("about 60")
    assert "Ministry of Interior" in page


def test_registers_filter_by_area_date_and_actor(client_for, demo_key):
    client = client_for("analyst")
    page = client.get("/security/weapons/", {"date_from": "2025-03-01"}).text
    assert "Nearly 600 weapons handed over" in page
    assert "About 80 rifles handed to villagers" not in page
    page = client.get("/security/checkpoints/", {"place": "Kaff al-Jaa"}).text
    assert "Villager checkpoint at Kaf Jaa" in page
    assert "Villager checkpoint at Midan al-Atiq" not in page
    police = demo_key("actor-police").pk
    page = client.get("/security/weapons/", {"actor": police}).text
    assert "Transfers to or from Police of Qadmus" in page
    assert "About 80 rifles handed to villagers" in page
    assert "Nearly 600 weapons handed over" not in page
    page = client.get("/security/aid/", {"place": "Aleppo"}).text
    assert "No aid movements recorded" in page


def test_a_coordinator_records_a_block_at_a_faction_checkpoint_then_an_escorted_retry(
    client_for, demo_key
):
    from sulh.security.models import AidMovement

    client = client_for("coordinator")
    source = demo_key("src-alawite-resident")
    checkpoint = demo_key("sec-cp-faction-road")
    response = client.post(
        "/security/aid/new/",
        {
            "name": "Medicine to Hataniah",
            "source": source.pk,
            "credibility": 3,
            "date": "2025-03-22",
            "origin": "Qadmus",
            "destination": "Hataniah",
            "cargo": "medicine",
            "status": "requested",
        },
    )
    movement = AidMovement.objects.get(name="Medicine to Hataniah")
    assert response.status_code == 302 and response["Location"] == f"/security/aid/{movement.pk}/"
    response = client.post(
        f"/security/aid/{movement.pk}/status/",
        {
            "status": "blocked",
            "date": "2025-03-22",
            "checkpoint": checkpoint.pk,
            "source": source.pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 302
    page = client.get(f"/security/aid/{movement.pk}/").text
    blocked = page[page.index('class="blocked"') :].split("</p>")[0]
    assert "Semi-independent military faction" in blocked and "Retry with an escort" in page
    form = client.get(f"/security/aid/new/?retry_of={movement.pk}").text
    assert 'value="medicine"' in form
    response = client.post(
        "/security/aid/new/",
        {
            "name": "Medicine to Hataniah (escorted)",
            "source": source.pk,
            "credibility": 3,
            "date": "2025-03-23",
            "origin": "Qadmus",
            "destination": "Hataniah",
            "cargo": "medicine",
            "escorted_by": demo_key("actor-general-security").pk,
            "status": "escorted",
            "retry_of": movement.pk,
        },
    )
    retry = AidMovement.objects.get(name="Medicine to Hataniah (escorted)")
    assert retry.retry_of == movement and retry.status == "escorted"
    place_page = client.get(f"/places/{demo_key('place-hataniah').pk}/").text
    panel = place_page[place_page.index('id="security-panel"') :]
    assert "Medicine to Hataniah" in panel and "Medicine to Hataniah (escorted)" in panel


def test_bad_input_names_the_field_and_stores_nothing(client_for, demo_key):
    from sulh.claims.models import Claim
    from sulh.security.models import WeaponsTransfer

    client = client_for("coordinator")
    before = (WeaponsTransfer.objects.count(), Claim.objects.count())
    response = client.post(
        "/security/weapons/new/",
        {
            "name": "Rifles seized",
            "source": demo_key("src-activist-a").pk,
            "credibility": 3,
            "date": "2025-02-30",
            "direction": "seized",
            "category": "rifles",
            "count": "a lot",
        },
    )
    assert response.status_code == 200
    assert "not a real date" in response.text or "is not a number" in response.text
    response = client.post(
        "/security/weapons/new/",
        {
            "name": "Rifles seized",
            "source": demo_key("src-activist-a").pk,
            "credibility": 3,
            "date": "2025-03-02",
            "direction": "seized",
            "category": "rifles",
            "count": "a lot",
        },
    )
    assert "is not a number or a range" in response.text
    assert (WeaponsTransfer.objects.count(), Claim.objects.count()) == before


def test_a_new_claim_on_a_transfer_widens_its_range(client_for, demo_key):
    client = client_for("analyst")
    transfer = demo_key("sec-tr-handover-10-villages")
    response = client.post(
        f"/security/weapons/{transfer.pk}/claims/new/",
        {
            "field": "count",
            "value": "450",
            "source": demo_key("src-activist-b").pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 302
    page = client.get("/security/weapons/").text
    handed_over = page[page.index('id="balance-handed_over"') :].split("</tr>")[0]
    assert "450–600" in handed_over and "a second Ismaili activist in Qadmus" in handed_over


@pytest.mark.parametrize(
    "who, expected", [("coordinator", 200), ("partner", 200), ("outsider", 404)]
)
def test_detail_pages_per_persona(client_for, demo_key, who, expected):
    client = client_for(who)
    for key, segment in [
        ("sec-programme-village-checkpoints", "programmes"),
        ("sec-cp-kaf-jaa", "checkpoints"),
        ("sec-tr-rifles-to-villagers", "weapons"),
        ("sec-unit-ismaili-volunteers", "units"),
        ("sec-aid-escorted", "aid"),
    ]:
        assert client.get(f"/security/{segment}/{demo_key(key).pk}/").status_code == expected
    for page in PAGES:
        assert client.get(page).status_code == 200


@pytest.mark.parametrize("who, expected", [("partner", 403), ("outsider", 404)])
def test_partners_and_outsiders_cannot_write(client_for, demo_key, who, expected):
    client = client_for(who)
    checkpoint = demo_key("sec-cp-kaf-jaa")
    assert client.get(f"/security/checkpoints/{checkpoint.pk}/status/").status_code == expected
    assert client.post(f"/security/checkpoints/{checkpoint.pk}/claims/new/").status_code == (
        expected
    )
    if who == "partner":
        for segment in ("checkpoints", "programmes", "weapons", "units", "aid"):
            assert client.get(f"/security/{segment}/new/").status_code == 403


def test_outsiders_see_none_of_the_qadmus_records(client_for):
    client = client_for("outsider")
    for page in PAGES:
        text = client.get(page).text
        assert "Kaf Jaa" not in text and "Ismaili security volunteers" not in text
        assert "faction" not in text.lower()


def test_partners_see_sensitive_checkpoints_at_the_sub_district_only(client_for, demo_key):
    checkpoint = demo_key("sec-cp-midan-al-atiq")
    midan = demo_key("place-midan-al-atiq")
    for who, exact in (("partner", False), ("analyst", True)):
        page = client_for(who).get(f"/security/checkpoints/{checkpoint.pk}/").text
        location = page[page.index('id="field-location"') :].split("</section>")[0]
        assert ("Midan al-Atiq" in location) is exact
        assert (f'href="/places/{midan.pk}/"' in page) is exact
        assert "Qadmous" in location or exact
        listing = client_for(who).get("/security/checkpoints/").text
        assert (f'href="/places/{midan.pk}/"' in listing) is exact


def test_no_page_shows_a_source_identity(client_for, demo_key):
    pages = [*PAGES, f"/security/aid/{demo_key('sec-aid-blocked-between-villages').pk}/"]
    for who in ("partner", "coordinator", "admin"):
        for page in pages:
            text = client_for(who).get(page).text
            assert "Demo Person" not in text and "900 000" not in text


def test_arabic_pages_use_arabic_names_and_labels(client_for):
    client = client_for("analyst")
    client.post("/i18n/setlang/", {"language": "ar", "next": "/security/"})
    page = client.get("/security/checkpoints/").text
    assert "حاجز الأهالي في كاف الجاع" in page
    assert "ناشط إسماعيلي في القدموس" in page
    assert "<h1>الحواجز</h1>" in page  # the page's own labels are translated


def test_a_coordinator_links_an_event_to_a_checkpoint(client_for, demo_key):
    client = client_for("coordinator")
    checkpoint = demo_key("sec-cp-faction-road")
    event = demo_key("ev-arbitrary-detentions")
    path = f"/security/checkpoints/{checkpoint.pk}/events/link/"
    response = client.post(path, {"event": 999999})
    assert response.status_code == 200 and "No event 999999" in response.text
    assert client.post(path, {"event": event.pk}).status_code == 302
    page = client.get(f"/security/checkpoints/{checkpoint.pk}/").text
    linked = page[page.index('id="linked-events"') :].split("</ul>")[0]
    assert "Arbitrary detentions by the faction" in linked
    assert client_for("partner").get(path).status_code == 403


def test_routes_point_the_reading_way_in_arabic(client_for, demo_key):
    client = client_for("analyst")
    path = f"/security/aid/{demo_key('sec-aid-escorted').pk}/"
    assert "→" in client.get(path).text
    client.post("/i18n/setlang/", {"language": "ar", "next": path})
    page = client.get(path).text
    assert "←" in page and "→" not in page
