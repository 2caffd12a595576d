import pytest

from sulh.events.models import Event
from sulh.exchange.tests.helpers import acled_row, acled_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name, status, can_upload",
    [
        ("admin", 200, True),
        ("analyst", 200, True),
        ("mediator", 200, False),
        ("documenter", 200, False),
        ("partner", 200, False),
    ],
)
def test_who_sees_the_import_form(client_for, name, status, can_upload):
    response = client_for(name).get("/exchange/")
    assert response.status_code == status
    assert ('enctype="multipart/form-data"' in response.text) == can_upload


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get("/exchange/").status_code == 302


@pytest.mark.parametrize("name", ["partner", "mediator"])
def test_only_analysts_and_admins_may_import(client_for, name):
    upload = _upload([acled_row("SYR920001")])
    response = client_for(name).post("/exchange/", {"format": "acled", "file": upload})
    assert response.status_code == 403
    assert not Event.objects.filter(external_key="acled:SYR920001").exists()


def test_an_upload_shows_the_bad_row_report(client_for):
    rows = [acled_row("SYR920010"), acled_row("SYR920011", fatalities="-3")]
    response = client_for("analyst").post("/exchange/", {"format": "acled", "file": _upload(rows)})
    assert response.status_code == 200
    assert "1 events created" in response.text
    assert "Row 3, fatalities: a count cannot be negative" in response.text


def test_a_strict_upload_with_a_bad_row_imports_nothing(client_for):
    rows = [acled_row("SYR920020"), acled_row("SYR920021", event_date="soon")]
    response = client_for("analyst").post(
        "/exchange/", {"format": "acled", "file": _upload(rows), "strict": "on"}
    )
    assert "nothing was imported" in response.text
    assert not Event.objects.filter(external_key="acled:SYR920020").exists()


def test_a_file_too_large_for_the_web_is_refused_with_the_command_to_use(client_for, settings):
    settings.SULH_WEB_IMPORT_MAX_MB = 0  # any file is "too large" here
    rows = [acled_row("SYR920030")]
    response = client_for("analyst").post("/exchange/", {"format": "acled", "file": _upload(rows)})
    assert response.status_code == 200
    assert "are imported from the command line: sulh import FORMAT FILE" in response.text
    assert not Event.objects.filter(external_key="acled:SYR920030").exists()


def test_the_export_form_downloads_a_file(client_for):
    response = client_for("partner").get("/exchange/", {"format": "hxl", "area": "SY1006"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert b"#event+code" in b"".join(response.streaming_content)


def test_the_page_reads_in_arabic(client_for):
    client = client_for("analyst")
    client.cookies["django_language"] = "ar"
    response = client.get("/exchange/", HTTP_ACCEPT_LANGUAGE="ar")
    assert "استيراد" in response.text


def _upload(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("a.csv", acled_text(rows).encode(), content_type="text/csv")
