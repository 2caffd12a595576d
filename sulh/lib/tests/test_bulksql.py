"""Bulk inserts past the ORM write every row once, with the shared values in each."""

import pytest
from django.db import connection

from sulh.lib import bulksql
from sulh.lib.bulksql import insert_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch_table():
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE sulh_bulk_scratch (n integer, label text, origin text, flag boolean, "
            "who integer)"
        )
    yield "sulh_bulk_scratch"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE sulh_bulk_scratch")


def test_rows_across_several_statements_are_all_written_with_their_shared_values(
    scratch_table, monkeypatch
):
    monkeypatch.setattr(bulksql, "ROWS_PER_STATEMENT", 4)  # 11 rows: statements of 4, 4 and 3
    rows = [(n, f"row {n}" if n % 3 else None) for n in range(11)]
    constants = {"origin": "it's acled", "flag": True, "who": None}
    insert_rows(scratch_table, ("n", "label"), rows, constants)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT n, label, origin, flag, who FROM {scratch_table} ORDER BY n")  # noqa: S608
        stored = cursor.fetchall()
    assert [(n, label, origin, bool(flag), who) for n, label, origin, flag, who in stored] == [
        (n, label, "it's acled", True, None) for n, label in rows
    ]


def test_a_shared_value_of_an_unexpected_type_is_refused_not_written(scratch_table):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's COPY carries values itself")
    with pytest.raises(TypeError, match="no SQL literal for list"):
        insert_rows(scratch_table, ("n",), [(1,)], {"origin": ["a"]})


def test_index_builds_get_their_settings_and_the_connection_gets_its_own_back():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's pragmas")

    def pragmas() -> tuple[int, int]:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            cache = cursor.fetchone()[0]
            cursor.execute("PRAGMA threads")
            return cache, cursor.fetchone()[0]

    before = pragmas()
    with bulksql.index_build_cache():
        assert pragmas() == (-bulksql.INDEX_BUILD_CACHE_KIB, bulksql.INDEX_BUILD_THREADS)
    assert pragmas() == before
