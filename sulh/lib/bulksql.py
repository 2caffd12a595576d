"""Writing many rows at once past the ORM: ``COPY`` on PostgreSQL, ``executemany`` on SQLite.

The ORM builds SQL for every row (on SQLite it also caps a batch at a few dozen rows), which
is most of the time of a large write. Callers pass plain tuples in the table's column order.
"""

from collections.abc import Sequence

from django.db import connection


def insert_rows(table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    connection.ensure_connection()
    raw = connection.connection
    if connection.vendor == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(columns))
    raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)  # noqa: S608


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
