"""Every sealed (encrypted) column of the instance, so the key check and rotation cover them all.

An app that seals values with ``sulh.lib.crypto.seal`` registers the column in its
``AppConfig.ready``: ``register_sealed(Model, "field", hashes={"phone_hash": phone_hash_of})``;
each hash column is recomputed from the unsealed value when the key changes.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, models, transaction

from sulh.lib import crypto


@dataclass
class SealedField:
    model: type[models.Model]
    field: str
    hashes: dict[str, Callable[[dict, bytes], str]] = field(default_factory=dict)

    def rows(self) -> models.QuerySet:
        return self.model._default_manager.exclude(**{self.field: b""}).exclude(
            **{f"{self.field}__isnull": True}
        )

    @property
    def label(self) -> str:
        return f"{self.model._meta.label_lower}.{self.field}"


SEALED: list[SealedField] = []


def register_sealed(model: type[models.Model], field_name: str, hashes: dict | None = None) -> None:
    if not any(s.model is model and s.field == field_name for s in SEALED):
        SEALED.append(SealedField(model, field_name, hashes or {}))


def any_sealed_data() -> bool:
    return any(s.rows().exists() for s in SEALED)


def samples() -> Iterator[tuple[str, Any, bytes]]:
    """The newest sealed value of each registered column: enough to prove a key fits."""
    for sealed in SEALED:
        row = sealed.rows().order_by("-pk").values_list("pk", sealed.field).first()
        if row:
            yield sealed.label, row[0], bytes(row[1])


def ensure_instance_key(**kwargs: Any) -> None:
    """Create the key of a new instance (after migrate); never over data sealed by a lost key."""
    try:
        crypto.current_key()
    except crypto.MissingKey:
        try:
            if any_sealed_data():
                return  # the system check sulh.E001 says what to do
        except DatabaseError:
            return
        crypto.ensure_key()


@transaction.atomic
def reseal_all(new_key: bytes, *, progress: Callable[[int], None] | None = None) -> int:
    """Re-encrypt every sealed value (and recompute its keyed hashes) under ``new_key``."""
    done = 0
    for sealed in SEALED:
        for row in sealed.rows().select_for_update().iterator(chunk_size=500):
            value = crypto.unseal(getattr(row, sealed.field))
            setattr(row, sealed.field, crypto.seal(value, new_key))
            for column, make in sealed.hashes.items():
                setattr(row, column, make(value, new_key))
            sealed.model._default_manager.filter(pk=row.pk).update(
                **{name: getattr(row, name) for name in [sealed.field, *sealed.hashes]}
            )
            done += 1
            if progress:
                progress(done)
    return done
