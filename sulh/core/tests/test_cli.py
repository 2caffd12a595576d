import subprocess
import sys

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_running_the_demo_twice_duplicates_nothing(capsys):
    from sulh.claims.models import Claim
    from sulh.events.models import Event
    from sulh.places.models import Place

    before = (Event.objects.count(), Claim.objects.count(), Place.objects.count())
    call_command("demo", "--no-serve")
    out = capsys.readouterr().out
    assert "already loaded" in out and "password:" in out
    assert (Event.objects.count(), Claim.objects.count(), Place.objects.count()) == before
    assert before[0] >= 25


def test_token_create_prints_a_working_token(capsys, client, persona):
    persona("analyst")
    call_command("token", "create", "t_analyst")
    token = capsys.readouterr().out.strip()
    assert token.startswith("sulh_")
    response = client.get("/api/v1/events", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json()["count"] >= 25
    call_command("token", "revoke", token[5:13])
    response = client.get("/api/v1/events", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_token_create_for_an_unknown_user_fails_clearly():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no user 'nobody'"):
        call_command("token", "create", "nobody")


def test_the_sulh_command_is_installed_and_lists_its_commands(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "sulh.cli", "help"],
        capture_output=True,
        text=True,
        env={"SULH_DATA_DIR": str(tmp_path), "PATH": ""},
        check=True,
    )
    for command in ("demo", "serve", "places", "token"):
        assert command in done.stdout


def test_a_token_is_never_given_a_prefix_the_command_line_would_read_as_an_option(
    capsys, persona, monkeypatch
):
    import secrets

    draws = iter(["-" + "a" * 42, "b" * 43])
    monkeypatch.setattr(secrets, "token_urlsafe", lambda n: next(draws))
    persona("analyst")
    call_command("token", "create", "t_analyst")
    token = capsys.readouterr().out.strip()
    assert token == "sulh_" + "b" * 43
    call_command("token", "revoke", token[5:13])
    assert "revoked bbbbbbbb" in capsys.readouterr().out
