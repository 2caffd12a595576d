import pytest

pytestmark = pytest.mark.django_db


def test_the_audit_log_and_the_second_factor_page_read_in_arabic(client_for):
    client = client_for("admin")
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert "سجل التدقيق" in client.get("/audit/").text
    assert "عامل التحقق الثاني" in client.get("/accounts/second-factor/").text
