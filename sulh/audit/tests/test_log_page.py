import pytest

from sulh.audit.actions import do_audit

pytestmark = pytest.mark.django_db


def test_an_administrator_reads_the_log_filtered_by_user_record_and_date(client_for, persona):
    analyst = persona("analyst")
    do_audit(analyst, "test.viewed", analyst, summary="looked at a thing")
    do_audit(persona("partner"), "test.viewed", summary="a partner looked")
    client = client_for("admin")
    by_user = client.get("/audit/", {"user": "t_analyst"}).text
    assert "looked at a thing" in by_user and "a partner looked" not in by_user
    by_record = client.get("/audit/", {"record": f"accounts.user:{analyst.pk}"}).text
    assert "looked at a thing" in by_record and "a partner looked" not in by_record
    assert "looked at a thing" not in client.get("/audit/", {"to": "2020-01-01"}).text
    assert "looked at a thing" in client.get("/audit/", {"from": "2020-01-01"}).text
    assert 'href="/audit/"' in client.get("/").text


def test_the_log_is_for_administrators_only(client_for, client):
    assert client.get("/audit/").status_code == 302
    for name in ("mediator", "partner", "cleared_analyst"):
        assert client_for(name).get("/audit/").status_code == 403
    assert 'href="/audit/"' not in client_for("analyst").get("/").text
