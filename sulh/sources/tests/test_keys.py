"""The identity key: checked at start, rotated without losing a single identity."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from sulh.lib import crypto
from sulh.sources.actions import do_create_source, phone_hash_of
from sulh.sources.checks import check_identity_key
from sulh.sources.models import Source

pytestmark = pytest.mark.django_db

IDENTITY = {"name": "Rotation Person Echo", "phone": "+963 933 444 555", "notes": "met twice"}


@pytest.fixture
def key_file(tmp_path, settings):
    """The instance key copied to a file of the test's own, so the session's key stays put."""
    path = tmp_path / "identity.key"
    shutil.copy(crypto.key_file(), path)
    path.chmod(0o600)
    settings.SULH_KEY_FILE = path
    settings.SULH_KEY = ""
    return path


def _ids(check_result) -> list[str]:
    return [problem.id for problem in check_result]


def test_rotation_re_encrypts_every_identity_and_keeps_phone_matching(key_file, persona):
    source = do_create_source(
        persona("documenter"), kind="person", safe_description="a driver", identity=IDENTITY
    )
    old_key = crypto.current_key()
    before = {s.pk: crypto.unseal(s.identity_sealed) for s in Source.objects.all()}
    out = StringIO()
    call_command("keys", "rotate", stdout=out)
    new_key = crypto.current_key()
    assert new_key != old_key and "re-encrypted" in out.getvalue()
    assert crypto.read_key_file(crypto.previous_key_file()) == old_key
    for row in Source.objects.all():
        if row.has_identity:
            assert crypto.unseal(row.identity_sealed, new_key) == before[row.pk]
    source.refresh_from_db()
    assert source.phone_hash == phone_hash_of(IDENTITY, new_key) != phone_hash_of(IDENTITY, old_key)
    assert check_identity_key() == []
    call_command("keys", "forget-previous", stdout=StringIO())
    assert not crypto.previous_key_file().exists()
    assert (
        crypto.unseal(Source.objects.get(pk=source.pk).identity_sealed)["name"] == IDENTITY["name"]
    )


def test_a_second_rotation_waits_until_the_previous_key_is_forgotten(key_file):
    call_command("keys", "rotate", stdout=StringIO())
    with pytest.raises(CommandError, match="forget-previous"):
        call_command("keys", "rotate", stdout=StringIO())


def test_the_check_refuses_a_key_that_does_not_decrypt(key_file):
    crypto.write_key_file(key_file, crypto.generate_key())
    assert _ids(check_identity_key()) == ["sulh.E002"]
    with pytest.raises(CommandError):
        call_command("keys", "check", stdout=StringIO(), stderr=StringIO())


def test_the_check_refuses_to_start_without_the_key_over_sealed_data(key_file):
    key_file.unlink()
    assert _ids(check_identity_key()) == ["sulh.E001"]


def test_the_check_refuses_a_key_file_others_can_read(key_file):
    key_file.chmod(0o644)
    assert _ids(check_identity_key()) == ["sulh.E003"]


def test_a_key_in_the_environment_is_used_and_checked(key_file, settings):
    import base64

    settings.SULH_KEY = base64.b64encode(crypto.read_key_file(key_file)).decode()
    key_file.unlink()
    assert check_identity_key() == []
    settings.SULH_KEY = "not a key"
    assert _ids(check_identity_key()) == ["sulh.E004"]


def test_the_system_check_runs_with_django_check(key_file):
    crypto.write_key_file(key_file, crypto.generate_key())
    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match="sulh.E002"):
        call_command("check")
