import hashlib
import json

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditEntry(models.Model):
    """One append-only, hash-chained line of the audit log."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=40, db_index=True)
    record_type = models.CharField(max_length=60, blank=True, db_index=True)
    record_id = models.CharField(max_length=40, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    ip = models.CharField(max_length=45, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.record_type}"

    def content(self) -> dict:
        return {
            "at": self.at.isoformat(),
            "user": self.username,
            "action": self.action,
            "record_type": self.record_type,
            "record_id": self.record_id,
            "summary": self.summary,
            "changes": self.changes,
            "ip": self.ip,
        }

    def compute_hash(self) -> str:
        body = json.dumps(self.content(), sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256((self.prev_hash + body).encode()).hexdigest()
