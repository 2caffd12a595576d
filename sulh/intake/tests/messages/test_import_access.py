"""An import's summary lists message texts: partners are refused it like every intake tool."""

import pytest

pytestmark = pytest.mark.django_db


def test_partners_are_refused_an_import_summary_page(client_for, demo_key):
    batch = demo_key("import-council-whatsapp")
    response = client_for("partner").get(f"/intake/messages/imports/{batch.pk}/")
    assert response.status_code == 403
    assert "نحرق" not in response.content.decode()
    assert client_for("documenter").get(f"/intake/messages/imports/{batch.pk}/").status_code == 200


def test_partners_get_403_from_an_import_through_the_api(api_for, demo_key):
    batch = demo_key("import-council-whatsapp")
    response = api_for("partner").get(f"/intake/message-imports/{batch.pk}")
    assert response.status_code == 403
    assert "source_id" not in response.content.decode()
    assert api_for("outsider").get(f"/intake/message-imports/{batch.pk}").status_code == 404
    assert api_for("analyst").get(f"/intake/message-imports/{batch.pk}").json()["id"] == batch.pk


def test_a_mediator_of_another_area_cannot_file_a_chat_under_qadmus(api_for, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sulh.intake.models import MessageImport
    from sulh.intake.tests.messages.exports import ANDROID_24

    before = MessageImport.objects.count()
    payload = {"format": "whatsapp", "content": ANDROID_24, "source_id": 1, "place": "SY1006"}
    response = api_for("outsider").post("/intake/message-imports", payload)
    assert response.status_code == 422
    assert "outside your areas" in response.content.decode()
    upload = SimpleUploadedFile("chat.txt", ANDROID_24.encode())
    page = client_for("outsider").post(
        "/intake/messages/import/",
        {"format": "whatsapp", "file": upload, "source": 1, "place": "SY1006"},
    )
    assert page.status_code == 200 and "outside your areas" in page.content.decode()
    assert MessageImport.objects.count() == before
    assert api_for("mediator").post("/intake/message-imports", payload).status_code == 201
