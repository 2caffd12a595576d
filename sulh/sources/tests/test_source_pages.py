import pytest

from sulh.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_documenter_records_a_source_whose_identity_is_sealed(client_for):
    from sulh.sources.models import Source

    client = client_for("documenter")
    response = client.post(
        "/sources/new/",
        {
            "kind": "person",
            "safe_description": "a shopkeeper in Hamam Wasl",
            "reliability": "F",
            "name": "Test Name Kilo",
            "phone": "+963 944 111 222",
            "notes": "met at the market",
        },
    )
    source = Source.objects.get(safe_description="a shopkeeper in Hamam Wasl")
    assert response.status_code == 302
    assert b"Test Name Kilo" not in bytes(source.identity_sealed)
    assert source.phone_hash and "944" not in source.phone_hash
    page = client.get(f"/sources/{source.pk}/").text
    assert "a shopkeeper in Hamam Wasl" in page and "Test Name Kilo" not in page
    entry = AuditEntry.objects.filter(action="source.create", record_id=str(source.pk)).get()
    assert "Test Name Kilo" not in str(entry.changes) and "944" not in str(entry.changes)


def test_only_a_cleared_user_reveals_an_identity_and_it_is_audited(client_for, demo_key):
    source = demo_key("src-activist-a")
    assert client_for("analyst").post(f"/sources/{source.pk}/reveal/").status_code == 403
    assert client_for("partner").post(f"/sources/{source.pk}/reveal/").status_code == 403
    response = client_for("cleared_analyst").post(f"/sources/{source.pk}/reveal/")
    assert response.status_code == 200 and "Demo Person Alpha" in response.text
    assert response["Cache-Control"] == "no-store"
    assert AuditEntry.objects.filter(
        action="source.reveal", record_id=str(source.pk), username="t_cleared_analyst"
    ).exists()


def test_source_lists_show_safe_descriptions_only(client_for, api_for):
    page = client_for("analyst").get("/sources/").text
    assert "an Alawite resident of a village near Qadmus" in page and "Demo Person" not in page
    body = api_for("analyst").get("/sources").json()
    assert body["count"] >= 9 and "Demo Person" not in str(body) and "900 000" not in str(body)


def test_reports_are_stored_whole_and_hashed(client_for, demo_key):
    from sulh.sources.models import Report

    client = client_for("documenter")
    text = "Notes from a call on 2 April.\nThe road to Hamam Wasl was closed at dawn."
    response = client.post(
        "/sources/reports/new/",
        {
            "source": demo_key("src-activist-b").pk,
            "kind": "phone",
            "language": "en",
            "title": "Road closure call",
            "text": text,
        },
    )
    report = Report.objects.get(title="Road closure call")
    assert response.status_code == 302
    assert report.text == text and report.content_hash == Report.hash_text(text)
    with pytest.raises(ValueError, match="immutable"):
        report.save()
    assert client_for("partner").get(f"/sources/reports/{report.pk}/").status_code == 404
