import pytest
from django.test import Client

from sulh.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_login_and_a_failed_login_are_audited_with_their_address(persona):
    user = persona("analyst")
    user.set_password("a long enough password")
    user.save(update_fields=["password"])
    client = Client(REMOTE_ADDR="192.0.2.7")
    bad = client.post("/accounts/login/", {"username": "t_analyst", "password": "wrong"})
    assert bad.status_code == 200
    failed = AuditEntry.objects.filter(action="login.failed").latest("id")
    assert failed.changes == {"username": "t_analyst"} and failed.ip == "192.0.2.7"
    assert "wrong" not in str(failed.content())
    good = client.post(
        "/accounts/login/", {"username": "t_analyst", "password": "a long enough password"}
    )
    assert good.status_code == 302
    login = AuditEntry.objects.filter(action="login").latest("id")
    assert login.username == "t_analyst" and login.ip == "192.0.2.7"
