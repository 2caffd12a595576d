"""Writing many rows at once past the ORM: ``COPY`` on PostgreSQL, multi-row inserts on SQLite.

The ORM builds SQL for every row (on SQLite it also caps a batch at a few dozen rows), which
is most of the time of a large write. Callers pass plain tuples in the table's column order, and
the values every row shares (the importing user, the time, the origin) once as ``constants``.
"""

import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from typing import Any

from django.db import connection

# Rows per SQLite statement: one statement per few hundred rows instead of one per row, which
# is about a third of an insert's time (measured on 200,000 events: 1.68 s -> 1.2 s).
ROWS_PER_STATEMENT = 250


def insert_rows(
    table: str,
    columns: Sequence[str],
    rows: list[tuple],
    constants: Mapping[str, Any] | None = None,
) -> None:
    if not rows:
        return
    constants = constants or {}
    names = ", ".join(f'"{c}"' for c in (*columns, *constants))
    connection.ensure_connection()
    raw = connection.connection
    fixed = tuple(constants.values())
    if connection.vendor == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row + fixed if fixed else row)
        return
    width = len(columns)
    limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_STATEMENT, limit // width))
    tail = "".join(f", {_literal(v)}" for v in fixed)
    for start in range(0, len(rows), per):
        chunk = rows[start : start + per]
        sql = _multi_row_insert(table, names, width, tail, len(chunk))
        raw.execute(sql, tuple(chain.from_iterable(chunk)))


def _literal(value: Any) -> str:
    """A shared value written into the statement (numbered parameters bound once measured twice
    as slow as binding the value in every row). Only the plain types callers pass."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {type(value).__name__}")


@lru_cache(maxsize=64)
def _multi_row_insert(table: str, names: str, width: int, tail: str, count: int) -> str:
    group = "(" + ", ".join("?" * width) + tail + ")"
    return f'INSERT INTO "{table}" ({names}) VALUES {", ".join([group] * count)}'  # noqa: S608


def index_statements(model) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, CREATE INDEX IF NOT EXISTS ..., columns) of a model's secondary indexes, from its
    ``Meta.indexes`` and ``db_index`` fields through Django's schema editor: what the migrations
    made, so what a bulk write drops and rebuilds is exactly that."""
    editor = connection.SchemaEditorClass(connection, collect_sql=True)
    found = []
    for statement in editor._model_indexes_sql(model):
        sql = str(statement).replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)
        columns = tuple(statement.parts["columns"].columns)
        found.append((str(statement.parts["name"]).strip('"'), sql, columns))
    return found


# SQLite's page cache while it builds indexes, in KiB (its default). The sorter behind CREATE
# INDEX sizes its in-memory runs by the page cache: with a bulk import's 64 MB it sorted the
# events' nine indexes of a million rows in 8.1-8.8 s, with 2 MB in 5.1-5.3 s (runs that fit the
# CPU's caches, merged after).
INDEX_BUILD_CACHE_KIB = 2000


@contextmanager
def sqlite_pragmas(**values: int) -> Iterator[None]:
    """Set these SQLite pragmas (integers) for the block and put the earlier values back after;
    a no-op on PostgreSQL."""
    if connection.vendor != "sqlite":
        yield
        return
    before = {}
    with connection.cursor() as cursor:
        for name, value in values.items():
            cursor.execute(f"PRAGMA {name}")
            before[name] = int(cursor.fetchone()[0])
            cursor.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in before.items():
                cursor.execute(f"PRAGMA {name} = {value}")


# Helper threads SQLite's sorter may use while it builds an index: with a core to spare (a bulk
# import builds its indexes once the rows are in and its reading process is done), the events'
# nine indexes of a million rows took 8.9-10.8 s instead of 11.8-11.9 s.
INDEX_BUILD_THREADS = min(2, (os.cpu_count() or 1) - 1)


def index_build_cache():
    """Build indexes inside this with SQLite's default page cache and the sorter's helper
    threads (a no-op on PostgreSQL)."""
    return sqlite_pragmas(cache_size=-INDEX_BUILD_CACHE_KIB, threads=INDEX_BUILD_THREADS)
