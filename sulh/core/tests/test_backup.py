"""`sulh backup` and `sulh restore`: a round trip loses nothing; a changed archive is refused."""

import json
import shutil

import pytest

from sulh.access.tests.instance import (
    IDENTITY,
    empty_instance,
    remove_instance,
    seeded_instance,
)

STATE = """
import json
from sulh.core.backup import row_counts
from sulh.sources.models import Source, Report
from sulh.lib.crypto import unseal
source = Source.objects.get(safe_description="a teacher in Qadmus")
report = Report.objects.get(source=source)
print(json.dumps({"counts": row_counts(), "identity": unseal(source.identity_sealed),
                  "phone_hash": source.phone_hash,
                  "attachment": report.attachment.read().decode()}))
"""


@pytest.fixture(scope="module")
def seeded():
    instance = seeded_instance()
    yield instance
    remove_instance(instance)


@pytest.fixture
def fresh():
    instance = empty_instance()
    yield instance
    remove_instance(instance)


def _state(instance) -> dict:
    return json.loads(instance.shell(STATE).strip().splitlines()[-1])


def test_a_backup_restores_into_an_empty_instance_with_nothing_lost(seeded, fresh, tmp_path):
    archive = tmp_path / "sulh.backup"
    made = seeded.run("backup", str(archive))
    assert "wrote" in made.stdout
    raw = archive.read_bytes()
    for secret in [*IDENTITY.values(), "a teacher in Qadmus", "an uploaded note"]:
        assert secret.encode() not in raw
    before = _state(seeded)
    shutil.copy(seeded.data_dir / "identity.key", fresh.data_dir / "identity.key")
    (fresh.data_dir / "identity.key").chmod(0o600)
    restored = fresh.run("restore", str(archive))
    assert "audit log intact" in restored.stdout
    after = _state(fresh)
    before_counts = {k: v for k, v in before.pop("counts").items() if k != "audit.auditentry"}
    after_counts = after.pop("counts")
    assert after.pop("identity") == IDENTITY == before.pop("identity")
    assert after == before  # phone hash, uploaded file
    for model, count in before_counts.items():
        assert after_counts[model] == count, model
    assert fresh.run("audit", "verify").returncode == 0
    assert fresh.run("keys", "check").returncode == 0


def test_a_changed_archive_is_refused_and_nothing_is_restored(seeded, fresh, tmp_path):
    archive = tmp_path / "sulh.backup"
    seeded.run("backup", str(archive))
    raw = bytearray(archive.read_bytes())
    raw[len(raw) // 2] ^= 1
    archive.write_bytes(bytes(raw))
    shutil.copy(seeded.data_dir / "identity.key", fresh.data_dir / "identity.key")
    done = fresh.run("restore", str(archive), check=False)
    assert done.returncode != 0 and "does not open" in done.stderr
    assert (
        fresh.shell(
            "from django.db import connection; print(len(connection.introspection.table_names()))"
        )
        .strip()
        .splitlines()[-1]
        == "0"
    )


def test_a_backup_does_not_open_without_its_key(seeded, fresh, tmp_path):
    archive = tmp_path / "sulh.backup"
    seeded.run("backup", str(archive))
    from sulh.lib.crypto import generate_key, write_key_file

    write_key_file(fresh.data_dir / "identity.key", generate_key())  # another instance's key
    done = fresh.run("restore", str(archive), check=False)
    assert done.returncode != 0 and "not the key it was made with" in done.stderr
