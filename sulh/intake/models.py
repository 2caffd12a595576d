from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# ---------------------------------------------------------------------------------------------
# Messaging exports (WhatsApp, Telegram): imports, one row per message, threat flags and targets.
# Every message is a sources.Report; these rows only add what the import learned about it.
# No sender name or phone number is stored: senders are keyed hashes (sulh.lib.crypto).
# ---------------------------------------------------------------------------------------------


class MessageFormat(models.TextChoices):
    WHATSAPP = "whatsapp", _("WhatsApp chat export")
    TELEGRAM = "telegram", _("Telegram channel export")


class ExtractionStatus(models.TextChoices):
    NOT_QUEUED = "not_queued", _("Not queued")
    QUEUED = "queued_for_extraction", _("Queued for extraction")
    EXTRACTED = "extracted", _("Extracted")


class MessageImport(models.Model):
    """One upload of an export file; its counts are the summary shown after importing."""

    format = models.CharField(max_length=10, choices=MessageFormat.choices)
    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="+")
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The file's hash, never its name: export names carry the contact's name or number.
    file_sha256 = models.CharField(max_length=64, db_index=True)
    messages_total = models.PositiveIntegerField(default=0)
    messages_new = models.PositiveIntegerField(default=0)
    messages_duplicate = models.PositiveIntegerField(default=0)
    system_lines = models.PositiveIntegerField(default=0)
    threats_new = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_format_display()} {self.created_at:%Y-%m-%d %H:%M}"


class ImportedMessage(models.Model):
    """A message as imported: its report, pseudonymous sender, day and threat flags."""

    message_import = models.ForeignKey(
        MessageImport, on_delete=models.PROTECT, related_name="messages"
    )
    report = models.OneToOneField(
        "sources.Report", on_delete=models.PROTECT, related_name="imported_message"
    )
    # Keyed hash of (format, sender, minute, text, occurrence): re-importing adds nothing.
    dedupe_key = models.CharField(max_length=64, unique=True)
    sender_pseudonym = models.CharField(max_length=64, db_index=True)
    sent_at = models.DateTimeField()
    day = models.DateField(db_index=True)  # the day as the export wrote it (local time)
    is_threat = models.BooleanField(default=False, db_index=True)
    threat_reasons = models.JSONField(default=list, blank=True)  # [{"code", "match"}]
    extraction_status = models.CharField(
        max_length=24,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.NOT_QUEUED,
        db_index=True,
    )

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.sent_at:%Y-%m-%d %H:%M} {self.short_sender}"

    @property
    def short_sender(self) -> str:
        return self.sender_pseudonym[:8]

    @property
    def reason_codes(self) -> list[str]:
        return [reason["code"] for reason in self.threat_reasons]


class ThreatTarget(models.Model):
    """A place a threatening message targets, on its day; the daily series counts these."""

    class How(models.TextChoices):
        IMPORT_PLACE = "import_place", _("place of the import")
        NAMED = "named", _("named in the message")

    message = models.ForeignKey(ImportedMessage, on_delete=models.PROTECT, related_name="targets")
    place = models.ForeignKey("places.Place", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    how = models.CharField(max_length=16, choices=How.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "place"], name="intake_threat_target_once")
        ]
        indexes = [models.Index(fields=["place", "day"], name="intake_threat_place_day")]

    def __str__(self) -> str:
        return f"{self.place_id} {self.day}"


# ---- end of messaging exports ----------------------------------------------------------------


# --- Text extraction: proposals a person reviews (branch intake) --------------------------------


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("To review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ExtractionProposal(models.Model):
    """One event an extractor read in a report, waiting for a person to accept, edit or reject it.

    ``data`` holds what the extractor proposed (type, date, place, actors, counts, attribution and
    the span of each); it is never edited. Accepting writes claims through the claims actions.
    """

    report = models.ForeignKey(
        "sources.Report", on_delete=models.PROTECT, related_name="extraction_proposals"
    )
    position = models.PositiveSmallIntegerField(default=0)  # order within the report
    extractor = models.CharField(max_length=40, default="builtin")
    data = models.JSONField(default=dict)
    event_type = models.CharField(max_length=40, blank=True)
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    span_start = models.PositiveIntegerField(default=0)
    span_end = models.PositiveIntegerField(default=0)
    status = models.CharField(
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PROPOSED,
        db_index=True,
    )
    event = models.ForeignKey(
        "events.Event", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "report_id", "position"]

    def __str__(self) -> str:
        return f"{self.event_type or 'event'} from report {self.report_id}"

    @property
    def quote(self) -> str:
        return self.report.text[self.span_start : self.span_end]


# --- end of the text extraction block ------------------------------------------------------------
