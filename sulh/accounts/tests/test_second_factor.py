import time

import pytest
from django.test import Client

from sulh.audit.models import AuditEntry
from sulh.lib.totp import code_at

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough password 5"


def _with_password(user):
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def _secret_on_page(text: str) -> str:
    return text.split('<code dir="ltr">', 1)[1].split("<", 1)[0]


def test_a_cleared_user_must_set_up_a_code_before_getting_in(persona):
    _with_password(persona("cleared_analyst"))
    client = Client()
    step = client.post("/accounts/login/", {"username": "t_cleared_analyst", "password": PASSWORD})
    assert step.status_code == 302 and step["Location"] == "/accounts/login/code/"
    assert client.get("/sources/").status_code == 302  # not in yet
    page = client.get("/accounts/login/code/").text
    secret = _secret_on_page(page)
    assert "otpauth://totp/sulh%3At_cleared_analyst" in page
    assert client.post("/accounts/login/code/", {"code": "000000"}).status_code == 200
    done = client.post("/accounts/login/code/", {"code": code_at(secret, time.time())})
    assert done.status_code == 302 and client.get("/sources/").status_code == 200
    assert AuditEntry.objects.filter(action="user.totp.enrol", username="t_cleared_analyst")


def test_an_enrolled_user_gives_a_code_and_a_code_counts_once(persona):
    from sulh.accounts.actions import do_enrol_totp

    user = _with_password(persona("cleared_analyst"))
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    do_enrol_totp(user, user, secret, code_at(secret, time.time() - 30))
    first, second = Client(), Client()
    for client in (first, second):
        client.post("/accounts/login/", {"username": "t_cleared_analyst", "password": PASSWORD})
    code = code_at(secret, time.time())
    assert first.post("/accounts/login/code/", {"code": code}).status_code == 302
    replay = second.post("/accounts/login/code/", {"code": code})
    assert replay.status_code == 200 and "not right" in replay.text
    assert AuditEntry.objects.filter(action="login.totp_failed").exists()


def test_five_wrong_codes_send_the_user_back_to_the_password(persona):
    _with_password(persona("cleared_analyst"))
    client = Client()
    client.post("/accounts/login/", {"username": "t_cleared_analyst", "password": PASSWORD})
    for _ in range(4):
        client.post("/accounts/login/code/", {"code": "000000"})
    last = client.post("/accounts/login/code/", {"code": "000000"})
    assert last.status_code == 302 and last["Location"] == "/accounts/login/"
    assert client.get("/accounts/login/code/")["Location"] == "/accounts/login/"


def test_an_uncleared_user_logs_in_with_a_password_and_may_add_a_code(persona, client_for):
    _with_password(persona("analyst"))
    client = Client()
    step = client.post("/accounts/login/", {"username": "t_analyst", "password": PASSWORD})
    assert step.status_code == 302 and step["Location"] == "/"
    page = client.get("/accounts/second-factor/").text
    secret = _secret_on_page(page)
    client.post("/accounts/second-factor/", {"code": code_at(secret, time.time())})
    persona("analyst").refresh_from_db()
    assert persona("analyst").has_totp
    client.post("/accounts/second-factor/", {"remove": "1"})
    assert not persona("analyst").has_totp


def test_the_secret_is_sealed_at_rest(persona):
    from sulh.accounts.actions import do_enrol_totp

    user = persona("analyst")
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    do_enrol_totp(user, user, secret, code_at(secret, time.time()))
    user.refresh_from_db()
    assert secret.encode() not in bytes(user.totp_sealed)


def test_an_administrator_resets_a_lost_second_factor_from_the_command_line(persona):
    from io import StringIO

    from django.core.management import call_command

    from sulh.accounts.actions import do_enrol_totp

    user = persona("cleared_analyst")
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    do_enrol_totp(user, user, secret, code_at(secret, time.time()))
    out = StringIO()
    call_command("second_factor", "reset", "t_cleared_analyst", stdout=out)
    user.refresh_from_db()
    assert not user.has_totp and user.needs_second_factor and "next log-in" in out.getvalue()
