import pytest

pytestmark = pytest.mark.django_db


def test_switching_to_arabic_translates_and_turns_the_page_right_to_left(client_for):
    client = client_for("analyst")
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/events/"})
    assert response.status_code == 302
    page = client.get("/events/").text
    assert '<html lang="ar" dir="rtl">' in page
    assert "الأحداث" in page and "التسلسل الزمني" in page  # menu
    assert "الإمام الروحي للإسماعيليين" in page  # an event's Arabic title
    client.post("/i18n/setlang/", {"language": "en", "next": "/events/"})
    assert '<html lang="en" dir="ltr">' in client.get("/events/").text


def test_an_event_reads_in_arabic_with_safe_descriptions_in_arabic(client_for, demo_key):
    client = client_for("analyst")
    client.post("/i18n/setlang/", {"language": "ar"})
    page = client.get(f"/events/{demo_key('ev-village-checkpoints').pk}/").text
    assert "ناشط إسماعيلي في القدموس" in page
    assert "متنازع عليه" in page
    assert "8–40" in page


def test_the_browser_language_is_honoured_on_the_login_page(client):
    page = client.get("/accounts/login/", headers={"accept-language": "ar"}).text
    assert 'dir="rtl"' in page and "تسجيل الدخول" in page
