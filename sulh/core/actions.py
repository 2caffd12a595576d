"""Generic writes shared by the back office: a field edit of a record, audited."""

from typing import Any

from django.db import models, transaction

from sulh.audit.actions import do_audit


@transaction.atomic
def do_update_fields(user: Any, record: models.Model, changes: dict[str, Any]) -> models.Model:
    before = {name: getattr(record, name) for name in changes}
    for name, value in changes.items():
        setattr(record, name, value)
    if hasattr(record, "compute_match_keys"):
        record.match_keys = record.compute_match_keys()
        changes = {**changes, "match_keys": record.match_keys}
    record.full_clean(exclude=[f.name for f in record._meta.fields if f.name not in changes])
    record.save(update_fields=list(changes))
    diff = {
        name: [str(before[name]), str(getattr(record, name))]
        for name in before
        if before[name] != getattr(record, name)
    }
    do_audit(user, f"{record._meta.model_name}.update", record, changes=diff)
    return record
