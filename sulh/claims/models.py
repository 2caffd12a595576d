from collections.abc import Callable

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Credibility(models.IntegerChoices):
    """Information credibility, the Admiralty (NATO) scale."""

    CONFIRMED = 1, _("1 — confirmed by other sources")
    PROBABLY_TRUE = 2, _("2 — probably true")
    POSSIBLY_TRUE = 3, _("3 — possibly true")
    DOUBTFUL = 4, _("4 — doubtful")
    IMPROBABLE = 5, _("5 — improbable")
    CANNOT_JUDGE = 6, _("6 — truth cannot be judged")


class ValueKind(models.TextChoices):
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    PLACE = "place", _("Place")
    ACTOR = "actor", _("Actor")
    CATEGORY = "category", _("Category")
    TEXT = "text", _("Text")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    WEEK = "week", _("Week")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")
    RANGE = "range", _("Range")


class ClaimStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    SUPERSEDED = "superseded", _("Superseded by a correction")


class Claim(models.Model):
    """One value for one field of one record, from one source. Never edited: a correction is a new
    claim that supersedes this one."""

    record_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    record_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("record_type", "record_id")
    field = models.CharField(max_length=64)
    kind = models.CharField(max_length=10, choices=ValueKind.choices)

    num_low = models.BigIntegerField(null=True, blank=True)
    num_best = models.BigIntegerField(null=True, blank=True)
    num_high = models.BigIntegerField(null=True, blank=True)
    num_qualifier = models.CharField(max_length=12, blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=8, choices=DatePrecision.choices, blank=True)
    place = models.ForeignKey(
        "places.Place", null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    value = models.CharField(max_length=255, blank=True)  # a category key, "unknown", short text
    text = models.TextField(blank=True)

    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="claims")
    report = models.ForeignKey(
        "sources.Report", null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField(blank=True)
    credibility = models.PositiveSmallIntegerField(
        choices=Credibility.choices,
        default=Credibility.CANNOT_JUDGE,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    status = models.CharField(
        max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.ACCEPTED, db_index=True
    )
    supersedes = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        indexes = [models.Index(fields=["record_type", "record_id", "field"])]

    def __str__(self) -> str:
        return f"{self.field} = {self.display_value()}"

    @property
    def grade(self) -> str:
        return f"{self.source.reliability}{self.credibility}"

    def display_value(self) -> str:
        from sulh.claims.values import display_claim_value

        return display_claim_value(self)


# Apps that keep some claims in a compact form (dataset imports, sulh/exchange) register a
# function here that turns a record's compact claims into Claim rows before they are read.
CLAIM_EXPANDERS: list[Callable[[models.Model], None]] = []


# The same apps may leave a record's stored reconciliation empty until its claims are expanded;
# they register a function giving it from the compact claims, without writing anything.
RECONCILED_PREVIEWS: list[Callable[[models.Model], dict | None]] = []


# And a function reading what those previews need for many records at once (a page of a list).
RECONCILED_PREFETCHES: list[Callable[[list[models.Model]], None]] = []


def prefetch_reconciled(records: list[models.Model]) -> None:
    """Read at once what ``current_reconciled`` needs for records whose reconciliation is not
    stored yet, instead of a query or two for each."""
    waiting = [r for r in records if not r.reconciled]
    if waiting:
        for prefetch in RECONCILED_PREFETCHES:
            prefetch(waiting)


def current_reconciled(record: models.Model) -> dict:
    """The record's reconciled values: stored, or worked out from its compact claims."""
    if record.reconciled:
        return record.reconciled
    for preview in RECONCILED_PREVIEWS:
        data = preview(record)
        if data is not None:
            return data
    return {}


def record_claims(record: models.Model) -> models.QuerySet[Claim]:
    for expand in CLAIM_EXPANDERS:
        expand(record)
    ctype = ContentType.objects.get_for_model(record)
    return Claim.objects.filter(record_type=ctype, record_id=record.pk)
