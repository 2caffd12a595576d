import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_the_gazetteer_holds_syrias_admin_units_and_towns():
    from sulh.places.models import Place

    assert Place.objects.filter(kind="adm1").count() == 14
    assert Place.objects.filter(kind="adm2").count() == 62
    qadmus = Place.objects.get(geonames_id=173389)
    assert qadmus.name_ar == "القدموس"
    assert qadmus.adm2.pcode == "SY1006" and qadmus.adm1.pcode == "SY10"


def test_loading_the_gazetteer_again_changes_nothing():
    from sulh.places.gazetteer import load_gazetteer

    assert load_gazetteer() == {"created": 0, "updated": 0}


def test_place_search_in_the_web_app(client_for):
    client = client_for("analyst")
    page = client.get("/places/", {"q": "Misyaf"}).text
    assert "مصياف" in page
    page = client.get("/places/", {"q": "القدموس"}).text
    assert "Al Qadmūs" in page
    page = client.get("/places/", {"q": "Hatania"}).text  # a village a user added, with a typo
    assert "Hataniah" in page


def test_places_find_on_the_command_line(capsys):
    call_command("places", "find", "Misyaf", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["name_ar"] == "مصياف" and rows[0]["score"] >= 90
    call_command("places", "find", "القدموس", "--json", "--limit", "3")
    rows = json.loads(capsys.readouterr().out)
    assert {r["pcode"] for r in rows} >= {"SY1006"} and rows[0]["geonames_id"] == 173389


def test_a_user_adds_a_village_under_a_sub_district(client_for):
    from sulh.places.models import Place

    parent = Place.objects.get(pcode="SY100603")
    response = client_for("documenter").post(
        "/places/new/",
        {
            "name_en": "Arza",
            "name_ar": "أرزة",
            "aliases": "Arzah, Arzeh",
            "kind": "locality",
            "parent": parent.pk,
        },
    )
    arza = Place.objects.get(name_en="Arza")
    assert response.status_code == 302
    assert arza.adm3 == parent and arza.adm2.pcode == "SY1006" and arza.origin == "user"
    assert "Arza" in client_for("analyst").get("/places/", {"q": "Arzah"}).text


def test_a_village_outside_syria_or_without_a_parent_is_refused(api_for):
    from sulh.places.models import Place

    api = api_for("documenter")
    parent = Place.objects.get(pcode="SY100603")
    response = api.post("/places", {"name_en": "Nowhere", "parent_id": parent.pk, "latitude": 51.5})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == [
        "body",
        "latitude",
    ]
    response = api.post("/places", {"name_en": "Nowhere", "parent_id": 0})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == [
        "body",
        "parent_id",
    ]
    assert not Place.objects.filter(name_en="Nowhere").exists()


def test_the_api_searches_places_with_scores(api_for):
    body = api_for("partner").get("/places/search", q="Misyaf").json()
    assert body[0]["name_ar"] == "مصياف" and body[0]["score"] >= 90


def test_a_place_page_lists_events_under_it(client_for):
    from sulh.places.models import Place

    district = Place.objects.get(pcode="SY1006")
    page = client_for("analyst").get(f"/places/{district.pk}/").text
    assert "Nearly 600 weapons handed over" in page and "Hataniah" in page


def test_the_about_page_credits_the_data(client):
    page = client.get("/about/").text
    assert "GeoNames" in page and "OpenSyria" in page and "CC BY 4.0" in page


def test_place_search_refuses_a_limit_out_of_range_naming_it(api_for):
    response = api_for("analyst").get("/places/search", q="Misyaf", limit=-78371595)
    assert response.status_code == 422
    assert "limit" in response.text
    assert api_for("analyst").get("/places/search", q="Misyaf", limit=3).status_code == 200
