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
