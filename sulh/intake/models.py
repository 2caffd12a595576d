from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
