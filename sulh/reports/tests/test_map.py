import re
from pathlib import Path

from django.contrib.staticfiles import finders

from sulh.places.models import Place


def features(answer) -> list[dict]:
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/geo+json"
    return answer.json()["features"]


def test_the_map_page_loads_leaflet_from_sulh_itself(client_for):
    text = client_for("analyst").get("/reports/map/").content.decode()
    assert "/static/reports/vendor/leaflet/leaflet.js" in text
    assert "/api/v1/security/checkpoints/geojson" in text
    assert "/api/v1/security/aid-movements/geojson" in text
    # Nothing is fetched from anywhere but sulh (no CDN): every script and sheet is local.
    assert not re.search(r'(src|href)="https?://', text)


def test_leaflet_is_vendored_with_its_licence():
    script = Path(finders.find("reports/vendor/leaflet/leaflet.js")).read_text()
    assert "Leaflet 1.9.4" in script
    licence = Path(finders.find("reports/vendor/leaflet/LICENSE")).read_text()
    assert "Redistribution and use in source and binary forms" in licence


def test_the_events_geojson_places_demo_events_with_their_fatalities(api_for):
    found = features(api_for("analyst").get("/analysis/events/geojson", area="SY1006"))
    hataniah = [f for f in found if f["properties"]["place"] == "Hataniah"]
    assert hataniah
    killed = [
        f["properties"]["fatalities"] for f in hataniah if f["properties"]["fatalities"]["best"]
    ]
    assert {"low": 14, "best": 14, "high": 14} in killed
    lon, lat = hataniah[0]["geometry"]["coordinates"]
    assert 35 < lon < 37 and 34 < lat < 36  # RFC 7946: longitude first


def test_partners_get_a_sensitive_village_at_its_sub_district(api_for):
    village = Place.objects.get(name_en="Midan al-Atiq")
    analyst = features(api_for("analyst").get("/analysis/events/geojson", area="SY1006"))
    partner = features(api_for("partner").get("/analysis/events/geojson", area="SY1006"))
    assert any(f["properties"]["place"] == "Midan al-Atiq" for f in analyst)
    assert not any(f["properties"]["place"] == "Midan al-Atiq" for f in partner)
    at_village = {f["id"] for f in analyst if f["properties"]["place"] == "Midan al-Atiq"}
    coarsened = [f for f in partner if f["id"] in at_village]
    centre = [village.adm3.longitude, village.adm3.latitude]
    assert len(coarsened) == len(at_village)
    assert all(f["geometry"]["coordinates"] == centre for f in coarsened)
    assert all(f["properties"]["place"] == village.adm3.name_en for f in coarsened)
    assert len(analyst) == len(partner)


def test_an_outsider_gets_no_qadmus_events_on_the_map(api_for):
    assert features(api_for("outsider").get("/analysis/events/geojson", area="SY1006")) == []


def test_the_base_layer_has_admin_centres_but_never_a_sensitive_place(api_for):
    found = features(api_for("partner").get("/analysis/places/geojson"))
    names = {f["properties"]["name"] for f in found}
    kinds = {f["properties"]["kind"] for f in found}
    assert {"adm1", "adm2", "adm3"} <= kinds
    assert "Midan al-Atiq" not in names
    assert len(found) > 300


def test_a_tile_server_when_configured_replaces_the_points(client_for, settings):
    settings.SULH_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    text = client_for("analyst").get("/reports/map/").content.decode()
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in text
