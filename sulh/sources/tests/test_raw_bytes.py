"""No identity value is stored in clear: read the raw database as an intruder would."""

import pytest
from django.db import connection

from sulh.access.tests.instance import IDENTITY, on_postgres, remove_instance, seeded_instance
from sulh.lib.crypto import normalise_phone


def _needles() -> list[bytes]:
    values = [*IDENTITY.values(), normalise_phone(IDENTITY["phone"]), "Zulu"]
    found = []
    for value in values:
        found += [value.encode(), value.encode().hex().encode(), value.encode("utf-16-le")]
    return found


@pytest.fixture(scope="module")
def instance():
    inst = seeded_instance()
    yield inst
    remove_instance(inst)


@pytest.mark.skipif(on_postgres(), reason="the SQLite file is only there on SQLite")
def test_the_sqlite_file_and_its_wal_hold_no_identity_value(instance):
    files = [p for p in instance.data_dir.glob("sulh.sqlite3*") if p.is_file()]
    assert any(p.name == "sulh.sqlite3" for p in files)
    raw_all = b"".join(p.read_bytes() for p in files)
    assert b"a teacher in Qadmus" in raw_all  # the safe description is there, in clear
    for path in files:
        raw = path.read_bytes()
        for needle in _needles():
            assert needle not in raw, f"{needle!r} in {path.name}"


@pytest.mark.skipif(not on_postgres(), reason="PostgreSQL rows")
def test_postgresql_rows_hold_no_identity_value(instance):
    import psycopg

    with psycopg.connect(instance.database_url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        ]
        dump = "\n".join(
            str(row[0])
            for table in tables
            for row in conn.execute(f'SELECT t::text FROM "{table}" t').fetchall()  # noqa: S608
        ).encode()
    assert b"a teacher in Qadmus" in dump
    for needle in _needles():
        assert needle not in dump, needle


@pytest.mark.django_db
def test_rows_written_in_this_database_hold_no_identity_value(persona):
    """The same on the test database of either engine, row by row as the driver returns it."""
    from sulh.sources.actions import do_create_source

    do_create_source(
        persona("documenter"), kind="person", safe_description="a baker", identity=IDENTITY
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM sources_source")
        rows = repr(cursor.fetchall()).encode()
        cursor.execute("SELECT * FROM audit_auditentry")
        rows += repr(cursor.fetchall()).encode()
    assert b"a baker" in rows
    for needle in _needles():
        assert needle not in rows, needle
