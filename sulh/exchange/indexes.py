"""Setting the events' lookup indexes aside during a large import on SQLite.

Inserting a million events into a table with seven lookup indexes (type, date, areas, place,
week, actor) costs SQLite a random B-tree insertion per index per row; building each index once
at the end is a sort, several times cheaper. The indexes are the models' own (from ``Meta`` and
``db_index``, through Django's schema editor), so what is rebuilt is exactly what the migrations
made. The indexes the import itself reads (the unique ``uid`` and ``external_key``, and every
``event_id`` lookup) stay in place.

Crash safety: ``restore_indexes()`` runs at the start of every import, after every ``migrate``
(``post_migrate``) and before a summary rebuild from the command line, so an import killed while
the indexes were set aside leaves a database that is merely slower until one of those runs; no
query gives a different answer without an index.
"""

from django.conf import settings
from django.db import connection

from sulh.lib.bulksql import index_build_cache, index_statements


def _lookup_indexes() -> list[tuple[str, str]]:
    """(name, CREATE INDEX IF NOT EXISTS ...) of the events' indexes an import may set aside."""
    from sulh.events.models import Event, EventActor

    return [
        (name, sql)
        for model in (Event, EventActor)
        for name, sql, columns in index_statements(model)
        # The event_id lookups are read by the import itself (a changed row's claims and roles).
        if "event_id" not in columns
    ]


def restore_indexes(**kwargs) -> int:
    """Recreate any of the events' lookup indexes that are missing; how many were missing."""
    if connection.vendor != "sqlite":
        return 0
    from sulh.events.models import Event

    tables = connection.introspection.table_names()
    if Event._meta.db_table not in tables:
        return 0  # before the events' first migration
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        present = {row[0] for row in cursor.fetchall()}
    missing = [sql for name, sql in _lookup_indexes() if name not in present]
    with index_build_cache(), connection.cursor() as cursor:
        for sql in missing:
            cursor.execute(sql)
    return len(missing)


def set_aside_indexes() -> None:
    """Drop the events' lookup indexes (SQLite only); ``restore_indexes`` brings them back."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name, _sql in _lookup_indexes():
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')


def worth_setting_aside(estimated_rows: int) -> bool:
    """A large file into a table not much larger than it: rebuilding beats inserting."""
    if connection.vendor != "sqlite" or estimated_rows < settings.SULH_IMPORT_SET_ASIDE_ROWS:
        return False
    from sulh.events.models import Event

    return Event.objects.count() <= estimated_rows
