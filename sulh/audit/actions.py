"""The only way entries enter the audit log: appended, hash-chained, in the caller's transaction."""

from typing import Any

from django.db import connection, models, transaction

from sulh.audit.models import AuditEntry

GENESIS = "0" * 64
CHAIN_LOCK = 7101  # advisory lock id that serialises appends on PostgreSQL


def _lock_chain() -> None:
    # SQLite serialises writers already (IMMEDIATE transactions); PostgreSQL needs a lock so two
    # appends never read the same previous hash.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])


def record_type_of(record: models.Model | None) -> tuple[str, str]:
    if record is None:
        return "", ""
    return record._meta.label_lower, str(record.pk)


def do_audit(
    user: Any,
    action: str,
    record: models.Model | None = None,
    *,
    summary: str = "",
    changes: dict | None = None,
    ip: str = "",
    record_type: str = "",
    record_id: str = "",
) -> AuditEntry:
    """Append one entry. ``changes`` must never hold identity values (callers pass field names)."""
    if record is not None:
        record_type, record_id = record_type_of(record)
    real_user = user if getattr(user, "pk", None) else None
    with transaction.atomic():
        _lock_chain()
        last = AuditEntry.objects.order_by("-id").only("hash").first()
        entry = AuditEntry(
            user=real_user,
            username=getattr(real_user, "username", "") or (str(user) if user else "system"),
            action=action,
            record_type=record_type,
            record_id=record_id,
            summary=summary[:300],
            changes=changes or {},
            ip=ip,
            prev_hash=last.hash if last else GENESIS,
        )
        entry.hash = entry.compute_hash()
        entry.save()
    return entry


def do_audit_export(
    user: Any, kind: str, filters: dict | None = None, count: int = 0, *, ip: str = ""
) -> AuditEntry:
    """Record an export (CSV, HXL, report...): who took what, under which filters, how many rows.

    Exporters of every app call this once per export; ``filters`` holds the query as the user gave
    it (never identity values: exports never carry them).
    """
    return do_audit(
        user,
        "export",
        summary=f"{kind} export of {count} rows",
        changes={"kind": kind, "filters": filters or {}, "count": count},
        ip=ip,
        record_type=kind,
    )


def client_ip(request: Any) -> str:
    """The address a request came from, as the server saw it (a proxy must set REMOTE_ADDR)."""
    return (getattr(request, "META", None) or {}).get("REMOTE_ADDR", "")[:45]
