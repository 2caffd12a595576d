import json

import pytest

pytestmark = pytest.mark.django_db


def _geojson_is_valid(data: dict) -> None:
    """The parts of RFC 7946 a map library relies on."""
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["id"], str | int)
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        positions = (
            [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        )
        assert geometry["type"] in ("Point", "LineString")
        for lon, lat in positions:  # [longitude, latitude], in Syria
            assert 35 <= lon <= 43 and 32 <= lat <= 38


def test_checkpoint_geojson_is_a_feature_collection_of_the_demo_checkpoints(api_for):
    response = api_for("analyst").get("/security/checkpoints/geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    _geojson_is_valid(data)
    names = {f["properties"]["name"]: f for f in data["features"]}
    kaf_jaa = names["Villager checkpoint at Kaf Jaa"]
    assert kaf_jaa["geometry"]["coordinates"] == [36.20605, 35.08638]
    assert kaf_jaa["properties"]["manned_by"] == "Alawite villagers around Qadmus"
    assert names["Villager checkpoint at Midan al-Atiq"]["properties"]["status"] == "hostile"


def test_partners_get_sensitive_checkpoints_coarsened_and_no_identities(api_for, demo_key):
    midan = demo_key("place-midan-al-atiq")
    for persona in ("partner", "analyst"):
        response = api_for(persona).get("/security/checkpoints/geojson")
        feature = next(
            f
            for f in response.json()["features"]
            if f["properties"]["name"] == "Villager checkpoint at Midan al-Atiq"
        )
        coarsened = feature["properties"]["coarsened"]
        assert coarsened is (persona == "partner")
        assert (feature["properties"]["place"] == "Midan al-Atiq") is (persona == "analyst")
    partner_text = api_for("partner").get("/security/checkpoints/geojson").content.decode()
    assert 'Midan al-Atiq"' not in partner_text.replace("checkpoint at Midan al-Atiq", "")
    assert str(midan.pk) not in json.dumps(
        [f["properties"].get("place") for f in json.loads(partner_text)["features"]]
    )
    for path in (
        "/security/checkpoints/geojson",
        "/security/aid-movements/geojson",
        "/security/checkpoints",
        "/security/weapons/balance",
        "/security/units",
    ):
        text = api_for("partner").get(path).content.decode()
        assert "Demo Person" not in text and "900 000" not in text


def test_the_weapons_balance_of_the_district_carries_ranges_and_sources(api_for, demo_key):
    from sulh.places.models import Place

    district = Place.objects.get(pcode="SY1006")
    data = api_for("coordinator").get("/security/weapons/balance", place_id=district.pk).json()
    totals = {d["direction"]: d for d in data["directions"]}
    assert totals["distributed"]["total"] == {"low": 80, "best": 80, "high": 80, "text": "80"}
    assert totals["distributed"]["qualifier"] == "about"
    assert totals["handed_over"]["total"]["low"] == 600
    assert [s["safe_description"] for s in totals["handed_over"]["sources"]] == [
        "an Ismaili activist in Qadmus"
    ]
    villagers = next(
        a for a in data["by_actor"] if a["actor"]["name_en"] == "Alawite villagers around Qadmus"
    )
    assert villagers["received"]["distributed"]["low"] == 80
    assert villagers["gave"]["handed_over"]["low"] == 600
    assert [step["date"] for step in data["over_time"]] == ["2024-12-20", "2025-03-16"]
    police = demo_key("actor-police").pk
    data = api_for("coordinator").get("/security/weapons/balance", actor_id=police).json()
    assert [d["direction"] for d in data["directions"]] == ["distributed"]
    assert [step["date"] for step in data["over_time"]] == ["2024-12-20"]


def test_the_programme_is_disputed_at_8_to_40_villages(api_for):
    rows = api_for("partner").get("/security/programmes").json()
    programme = next(
        r for r in rows if r["name"] == "Police checkpoints inside the Alawite villages"
    )
    villages = programme["details"]["villages"]
    assert (villages["low"], villages["high"], villages["disputed"]) == (8, 40, True)
    assert programme["disputed_fields"] == ["villages"]
    assert {s["safe_description"] for s in programme["details"]["villages_sources"]} == {
        "an Ismaili activist in Qadmus",
        "a second Ismaili activist in Qadmus",
    }
    assert programme["events"][0]["title"].startswith("Police set up checkpoints")


def test_a_coordinator_records_a_blocked_movement_and_its_escorted_retry(api_for, demo_key):
    from sulh.events.models import Event

    api = api_for("coordinator")
    source = demo_key("src-alawite-resident")
    checkpoint = demo_key("sec-cp-faction-road")
    hataniah = demo_key("place-hataniah")
    qadmus = demo_key("actor-local-council")
    events_before = Event.objects.filter(sub_event_type="aid_blocked").count()
    response = api.post(
        "/security/aid-movements",
        {
            "name": "Flour to Hataniah",
            "source_id": source.pk,
            "credibility": 3,
            "values": {
                "date": "2025-03-20",
                "origin": checkpoint.place_id,
                "destination": hataniah.pk,
                "cargo": "flour, 2 trucks",
                "requested_by": qadmus.pk,
            },
        },
    )
    assert response.status_code == 201, response.content
    blocked = response.json()
    response = api.post(
        f"/security/aid-movements/{blocked['id']}/status",
        {
            "status": "blocked",
            "date": "2025-03-20",
            "checkpoint_id": checkpoint.pk,
            "source_id": source.pk,
            "credibility": 3,
        },
    )
    assert response.status_code == 201, response.content
    details = response.json()["details"]
    assert details["status"] == "blocked"
    assert details["blocked_by"]["name_en"] == "Semi-independent military faction"
    assert Event.objects.filter(sub_event_type="aid_blocked").count() == events_before + 1
    event = Event.objects.filter(sub_event_type="aid_blocked").order_by("-id").first()
    assert event.event_type == "aid_movement" and event.date_start.isoformat() == "2025-03-20"

    response = api.post(
        "/security/aid-movements",
        {
            "name": "Flour to Hataniah, escorted",
            "source_id": source.pk,
            "retry_of_id": blocked["id"],
            "status": "escorted",
            "values": {
                "date": "2025-03-21",
                "origin": checkpoint.place_id,
                "destination": hataniah.pk,
                "escorted_by": demo_key("actor-general-security").pk,
            },
        },
    )
    assert response.status_code == 201, response.content
    retry = response.json()
    assert retry["details"]["retry_of"] == blocked["id"]
    features = api.get("/security/aid-movements/geojson").json()["features"]
    ids = {f["id"] for f in features}
    assert {f"aid-{blocked['id']}", f"aid-{blocked['id']}-blocked", f"aid-{retry['id']}"} <= ids
    line = next(f for f in features if f["id"] == f"aid-{retry['id']}")
    assert line["properties"]["escorted_by"] == "General Security"


def test_bad_input_is_a_422_naming_the_field_and_stores_nothing(api_for, demo_key):
    from sulh.claims.models import Claim
    from sulh.security.models import WeaponsTransfer

    api = api_for("coordinator")
    before = (WeaponsTransfer.objects.count(), Claim.objects.count())
    source = demo_key("src-activist-a").pk
    cases = [
        ({"count": "lots", "direction": "distributed"}, "count"),
        ({"count": "80", "direction": "sideways"}, "direction"),
        ({"count": "80"}, "direction"),
        ({"count": "80", "direction": "seized", "date": "2025-13-40"}, "date"),
        ({"count": "80", "direction": "seized", "calibre": "7.62"}, "calibre"),
    ]
    for values, field in cases:
        response = api.post(
            "/security/transfers", {"name": "Bad", "source_id": source, "values": values}
        )
        assert response.status_code == 422, values
        assert field in [d["loc"][-1] for d in response.json()["detail"]], response.json()
    response = api.post(
        "/security/transfers", {"name": "Bad", "source_id": 999999, "values": {"count": 1}}
    )
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "source_id"
    assert (WeaponsTransfer.objects.count(), Claim.objects.count()) == before


@pytest.mark.parametrize(
    "who, read, write",
    [
        ("coordinator", 200, 201),
        ("mediator", 200, 201),
        ("analyst", 200, 201),
        ("partner", 200, 403),
        ("outsider", 404, 404),
    ],
)
def test_permissions_per_persona(api_for, demo_key, who, read, write):
    api = api_for(who)
    checkpoint = demo_key("sec-cp-kaf-jaa")
    unit = demo_key("sec-unit-ismaili-volunteers")
    assert api.get(f"/security/checkpoints/{checkpoint.pk}").status_code == read
    assert api.get(f"/security/units/{unit.pk}").status_code == read
    response = api.post(
        f"/security/checkpoints/{checkpoint.pk}/status",
        {"status": "suspended", "date": "2025-04-01", "source_id": demo_key("src-activist-a").pk},
    )
    assert response.status_code == write
    listed = [r["name"] for r in api.get("/security/checkpoints").json()]
    assert ("Villager checkpoint at Kaf Jaa" in listed) is (read == 200)


def test_the_openapi_document_lists_the_security_routes(api_for):
    paths = api_for("analyst").get("/openapi.json").json()["paths"]
    assert "/api/v1/security/checkpoints/geojson" in paths
    assert "/api/v1/security/aid-movements/{pk}/status" in paths


def test_audit_entries_of_security_writes_hold_no_identity(api_for, demo_key):
    from sulh.audit.models import AuditEntry

    api = api_for("coordinator")
    response = api.post(
        "/security/units",
        {
            "name": "Village guard",
            "source_id": demo_key("src-activist-b").pk,
            "values": {"affiliation": demo_key("actor-moi").pk},
        },
    )
    assert response.status_code == 201
    entries = AuditEntry.objects.filter(record_type="security.armedunit")
    assert entries.filter(action="armedunit.create").exists()
    text = " ".join(f"{e.summary} {e.changes}" for e in AuditEntry.objects.all())
    assert "Demo Person" not in text and "900 000" not in text


def test_outsiders_see_no_security_panel_on_a_qadmus_place(client_for, demo_key):
    path = f"/places/{demo_key('place-midan-al-atiq').pk}/"
    assert 'id="security-panel"' in client_for("analyst").get(path).text
    assert 'id="security-panel"' not in client_for("outsider").get(path).text


def test_a_checkpoint_at_coordinates_is_mapped_there_and_coarsened_for_partners(api_for, demo_key):
    hataniah = demo_key("place-hataniah")
    response = api_for("coordinator").post(
        "/security/checkpoints",
        {
            "name": "Checkpoint at the Hataniah crossroads",
            "source_id": demo_key("src-alawite-resident").pk,
            "latitude": 35.0901,
            "longitude": 36.1702,
            "sensitive": True,
            "location_note": "crossroads south of the village",
            "status": "active",
            "values": {
                "location": hataniah.pk,
                "manned_by": demo_key("actor-faction").pk,
                "since": "2025-03-12",
            },
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["details"]["status"] == "active"

    def feature(who: str) -> dict:
        features = api_for(who).get("/security/checkpoints/geojson").json()["features"]
        return next(
            f
            for f in features
            if f["properties"]["name"] == "Checkpoint at the Hataniah crossroads"
        )

    assert feature("analyst")["geometry"]["coordinates"] == [36.1702, 35.0901]
    coarse = feature("partner")
    assert coarse["properties"]["coarsened"] is True
    assert coarse["geometry"]["coordinates"] != [36.1702, 35.0901]
    # Found under the village and its sub-district, like any place there.
    rows = api_for("analyst").get("/security/checkpoints", place_id=hataniah.pk).json()
    assert [r["name"] for r in rows] == ["Checkpoint at the Hataniah crossroads"]


def test_coordinates_outside_syria_are_refused_and_nothing_is_stored(api_for, demo_key):
    from sulh.places.models import Place
    from sulh.security.models import Checkpoint

    before = (Checkpoint.objects.count(), Place.objects.count())
    response = api_for("coordinator").post(
        "/security/checkpoints",
        {
            "name": "Elsewhere",
            "source_id": demo_key("src-activist-a").pk,
            "latitude": 51.5,
            "longitude": 36.1,
            "values": {"location": demo_key("place-hataniah").pk},
        },
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "latitude"
    assert (Checkpoint.objects.count(), Place.objects.count()) == before


def test_an_event_is_linked_to_a_checkpoint(api_for, demo_key):
    checkpoint = demo_key("sec-cp-faction-road")
    event = demo_key("ev-night-curfew")
    api = api_for("coordinator")
    response = api.post(f"/security/checkpoints/{checkpoint.pk}/events", {"event_id": event.pk})
    assert response.status_code == 201
    assert event.pk in [e["id"] for e in response.json()["events"]]
    response = api.post(f"/security/checkpoints/{checkpoint.pk}/events", {"event_id": 999999})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "event_id"
    partner = api_for("partner").post(
        f"/security/checkpoints/{checkpoint.pk}/events", {"event_id": event.pk}
    )
    assert partner.status_code == 403


def test_a_partners_balance_by_place_shows_places_as_policy_allows(api_for, demo_key):
    from sulh.security.actions import do_create_weapons_transfer

    do_create_weapons_transfer(
        None,
        name="Rifles returned at Midan al-Atiq",
        source=demo_key("src-activist-b"),
        values={
            "direction": "returned",
            "count": "about 5",
            "location": demo_key("place-midan-al-atiq"),
            "date": "2025-03-20",
        },
    )
    for who, shown in (("analyst", "Midan al-Atiq"), ("partner", "Qadmous")):
        rows = api_for(who).get("/security/weapons/balance").json()["by_place"]
        returned = [r["place"]["name_en"] for r in rows if "returned" in r["totals"]]
        assert returned == [shown]


def test_a_status_cannot_be_slipped_in_as_a_plain_claim(api_for, demo_key):
    checkpoint = demo_key("sec-cp-kaf-jaa")
    response = api_for("coordinator").post(
        f"/security/checkpoints/{checkpoint.pk}/claims",
        {"field": "status", "value": "removed", "source_id": demo_key("src-activist-a").pk},
    )
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "field"
    checkpoint.refresh_from_db()
    assert checkpoint.status == "active"
