"""The import page, its summary and the threat page, as each persona sees them."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sulh.intake.models import MessageImport
from sulh.intake.tests.messages.exports import ANDROID_24
from sulh.places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(demo_key):
    return demo_key("src-council-whatsapp")


def upload(client, text: str, **fields):
    data = {
        "format": "whatsapp",
        "file": SimpleUploadedFile("WhatsApp Chat with Abu Samir.txt", text.encode()),
        **fields,
    }
    return client.post("/intake/messages/import/", data)


def test_a_documenter_imports_an_export_and_reads_the_summary(client_for, council):
    client = client_for("documenter")
    response = upload(client, ANDROID_24, source=council.pk, place="Qadmus")
    assert response.status_code == 302
    summary = client.get(response["Location"])
    html = summary.content.decode()
    assert '<dd class="new">5</dd>' in html
    assert '<dd class="threats">3</dd>' in html
    assert "threat to burn" in html and "called traitor or collaborator" in html
    assert "944 555" not in html and "Abu Samir" not in html
    again = client.get(upload(client, ANDROID_24, source=council.pk, place="Qadmus")["Location"])
    assert '<dd class="new">0</dd>' in again.content.decode()
    assert '<dd class="duplicates">5</dd>' in again.content.decode()


def test_an_error_names_the_line_and_nothing_is_stored(client_for, council):
    before = MessageImport.objects.count()
    broken = ANDROID_24.replace("08/03/2025, 01:05", "38/03/2025, 01:05")
    response = upload(client_for("documenter"), broken, source=council.pk)
    assert response.status_code == 200
    assert "line 7: 38/03/2025 01:05 is not a valid date and time" in response.content.decode()
    assert MessageImport.objects.count() == before


def test_an_unknown_place_is_named(client_for, council):
    response = upload(client_for("documenter"), ANDROID_24, source=council.pk, place="Atlantis")
    assert "no place found for: Atlantis" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "status"),
    [("documenter", 200), ("mediator", 200), ("analyst", 200), ("partner", 403)],
)
def test_who_may_import(client_for, name, status):
    assert client_for(name).get("/intake/messages/import/").status_code == status


def test_the_demo_surge_shows_on_the_threat_page(client_for):
    qadmus = Place.objects.get(geonames_id=173389)
    html = (
        client_for("analyst")
        .get("/intake/threats/", {"place": qadmus.pk, "from": "2025-03-01", "to": "2025-03-09"})
        .content.decode()
    )
    assert '<td class="num">124</td>' in html and '<td class="num">103</td>' in html
    assert "2025-03-07" in html and "death threat" in html
    assert f"/intake/threats/{qadmus.pk}/2025-03-07/" in html


def test_partners_see_counts_without_messages(client_for):
    qadmus = Place.objects.get(geonames_id=173389)
    client = client_for("partner")
    html = client.get("/intake/threats/", {"place": qadmus.pk, "to": "2025-03-09"}).content.decode()
    assert '<td class="num">124</td>' in html
    assert f"/intake/threats/{qadmus.pk}/" not in html
    assert "نحرق" not in html
    assert client.get(f"/intake/threats/{qadmus.pk}/2025-03-07/").status_code == 403


def test_the_messages_behind_a_count(client_for):
    qadmus = Place.objects.get(geonames_id=173389)
    response = client_for("mediator").get(f"/intake/threats/{qadmus.pk}/2025-03-07/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('<tr><td dir="ltr">') == 124
    assert "+963" not in html


def test_another_area_sees_no_threats_and_no_messages(client_for):
    qadmus = Place.objects.get(geonames_id=173389)
    client = client_for("outsider")
    html = client.get("/intake/threats/", {"to": "2025-03-09"}).content.decode()
    assert "No threatening message" in html
    assert client.get(f"/intake/threats/{qadmus.pk}/2025-03-07/").status_code == 404
    batch = MessageImport.objects.filter(place=qadmus).first()
    assert client.get(f"/intake/messages/imports/{batch.pk}/").status_code == 404


def test_the_threat_page_in_arabic(client_for):
    client = client_for("analyst")
    client.cookies["django_language"] = "ar"
    html = client.get("/intake/threats/", {"to": "2025-03-09"}).content.decode()
    assert 'dir="rtl"' in html
    assert "القدموس" in html
    assert "رسائل التهديد" in html


def test_the_default_range_ends_on_the_latest_threat(client_for):
    html = client_for("analyst").get("/intake/threats/").content.decode()
    assert date(2025, 3, 9).isoformat() in html
