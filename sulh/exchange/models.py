from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportJob(models.Model):
    """One run of ``sulh import``: its checkpoint, counts and bad-row report.

    ``rows_done`` is written in the same transaction as each batch of events, so a run killed at
    any moment resumes after the last committed batch.
    """

    RUNNING, DONE, REJECTED = "running", "done", "rejected"

    importer = models.CharField(max_length=20)
    file_name = models.CharField(max_length=255)
    file_hash = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=10, default=RUNNING)
    rows_done = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.importer} {self.file_name} ({self.status})"


class DatasetRow(models.Model):
    """The claims of one imported dataset row, one column per field (compact claim rows).

    A national dataset has millions of rows and each row holds about eight facts; one ``Claim`` row
    per fact would make an import ten times slower than the data's own size requires. So the import
    keeps each row's claims here, one row per event, and ``sulh.exchange.compact`` expands them
    into ordinary ``Claim`` rows the first time anything reads that event's claims (the event page,
    reconciliation, the API). Nothing outside this app sees the difference. See docs/exchange.md.
    """

    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="+")
    # Only ``event`` is checked by the database: the other references are ids the bulk import
    # took from the rows it holds in memory, and PostgreSQL would check each of them for every
    # row at every commit (most of its import time). PROTECT still guards deletes in the ORM.
    source = models.ForeignKey(
        "sources.Source",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    row_hash = models.CharField(max_length=32)
    expanded = models.BooleanField(default=False)
    credibility = models.PositiveSmallIntegerField(default=6)
    event_type = models.CharField(max_length=40, blank=True)
    sub_event_type = models.CharField(max_length=60, blank=True)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=8, blank=True)
    place = models.ForeignKey(
        "places.Place",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    killed_low = models.IntegerField(null=True, blank=True)
    killed_best = models.IntegerField(null=True, blank=True)
    killed_high = models.IntegerField(null=True, blank=True)
    actor1 = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    actor2 = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    description = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"dataset row of event {self.event_id}"
