import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Reliability(models.TextChoices):
    """Source reliability, the Admiralty (NATO) scale."""

    A = "A", _("A — completely reliable")
    B = "B", _("B — usually reliable")
    C = "C", _("C — fairly reliable")
    D = "D", _("D — not usually reliable")
    E = "E", _("E — unreliable")
    F = "F", _("F — reliability cannot be judged")


class SourceKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")
    MEDIA = "media", _("Media")
    DOCUMENT = "document", _("Document")
    DATASET = "dataset", _("Dataset")


class Source(models.Model):
    """Who told us. Everything but the sealed identity is safe to show to any signed-in role."""

    kind = models.CharField(max_length=20, choices=SourceKind.choices)
    safe_description = models.CharField(_("safe description"), max_length=200)
    safe_description_ar = models.CharField(
        _("safe description (Arabic)"), max_length=200, blank=True
    )
    reliability = models.CharField(max_length=1, choices=Reliability.choices, default=Reliability.F)
    # Identity (name, phone, notes) sealed with the instance key; see sulh/lib/crypto.py.
    identity_sealed = models.BinaryField(blank=True, default=b"", editable=False)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    dataset_key = models.CharField(max_length=40, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["safe_description"]

    def __str__(self) -> str:
        return self.display_description()

    def display_description(self, language: str | None = None) -> str:
        language = language or get_language() or "en"
        if language.startswith("ar") and self.safe_description_ar:
            return self.safe_description_ar
        return self.safe_description

    @property
    def has_identity(self) -> bool:
        return bool(self.identity_sealed)


class ReportKind(models.TextChoices):
    INTERVIEW = "interview", _("Interview or conversation")
    PHONE = "phone", _("Phone call")
    MESSAGE = "message", _("Message")
    ARTICLE = "article", _("News or article")
    FIELD_FORM = "field_form", _("Field form")
    DOCUMENT = "document", _("Document")
    DATASET_ROW = "dataset_row", _("Dataset row")


class Report(models.Model):
    """What was received, as received. Immutable once saved; the hash proves it."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(max_length=20, choices=ReportKind.choices, default=ReportKind.INTERVIEW)
    title = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, default="en")
    text = models.TextField()
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    content_hash = models.CharField(max_length=64, db_index=True, editable=False)
    external_key = models.CharField(max_length=120, blank=True, db_index=True)
    attachment = models.FileField(upload_to="reports/%Y/%m", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.received_at:%Y-%m-%d}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not kwargs.pop("allow_update", False):
            raise ValueError("reports are immutable once saved")
        self.content_hash = self.hash_text(self.text)
        super().save(*args, **kwargs)

    @staticmethod
    def hash_text(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()
