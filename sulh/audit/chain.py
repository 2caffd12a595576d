"""Walking the hash chain of the audit log: the first entry that breaks it, if any."""

from dataclasses import dataclass

from sulh.audit.actions import GENESIS
from sulh.audit.models import AuditEntry


@dataclass
class Break:
    entry_id: int
    reason: str

    def __str__(self) -> str:
        return f"audit entry #{self.entry_id} {self.reason}"


def first_break(batch: int = 2000) -> tuple[int, Break | None]:
    """Entries checked and the first break: an altered entry fails its own hash; a removed or
    re-ordered one leaves the next entry pointing at a hash that is not the one before it."""
    expected_prev = GENESIS
    checked = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=batch):
        if entry.prev_hash != expected_prev:
            return checked, Break(
                entry.pk,
                "does not follow the entry before it: an entry was removed or re-ordered here",
            )
        if entry.compute_hash() != entry.hash:
            return checked, Break(entry.pk, "was altered: its content no longer matches its hash")
        expected_prev = entry.hash
        checked += 1
    return checked, None


def head() -> AuditEntry | None:
    return AuditEntry.objects.order_by("-id").first()
