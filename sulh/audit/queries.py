"""Filters of the audit log page: by user, by record, by date."""

from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from sulh.audit.models import AuditEntry


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def filter_entries(params: dict) -> tuple[QuerySet, dict]:
    """Entries matching the page's filters, newest first, and the filters as understood."""
    entries = AuditEntry.objects.order_by("-id")
    shown = {k: (params.get(k) or "").strip() for k in ("user", "record", "action")}
    if shown["user"]:
        entries = entries.filter(username__iexact=shown["user"])
    if shown["action"]:
        entries = entries.filter(action__startswith=shown["action"])
    if shown["record"]:
        record_type, _, record_id = shown["record"].partition(":")
        entries = entries.filter(record_type__iexact=record_type.strip())
        if record_id.strip():
            entries = entries.filter(record_id=record_id.strip())
    start, end = _day(params.get("from") or ""), _day(params.get("to") or "")
    zone = timezone.get_current_timezone()
    if start:
        entries = entries.filter(at__gte=datetime.combine(start, time.min, tzinfo=zone))
    if end:
        entries = entries.filter(at__lte=datetime.combine(end, time.max, tzinfo=zone))
    shown["from"] = start.isoformat() if start else ""
    shown["to"] = end.isoformat() if end else ""
    return entries, shown
