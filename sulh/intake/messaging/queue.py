"""Messages waiting for the text extractor: a plain status on the imported message.

The extraction queue reads ``reports_queued_for_extraction()`` and calls
``do_mark_extracted`` once it has made its proposals for a report.
"""

from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from sulh.audit.actions import do_audit
from sulh.intake.models import ExtractionStatus, ImportedMessage
from sulh.sources.models import Report


def reports_queued_for_extraction() -> QuerySet[Report]:
    return Report.objects.filter(
        imported_message__extraction_status=ExtractionStatus.QUEUED
    ).order_by("received_at", "pk")


def batch_reports_queued(batch: Any) -> QuerySet[Report]:
    """The reports of one import still waiting for the extractor."""
    return reports_queued_for_extraction().filter(imported_message__message_import=batch)


@transaction.atomic
def do_mark_extracted(user: Any, report: Report) -> None:
    updated = ImportedMessage.objects.filter(
        report=report, extraction_status=ExtractionStatus.QUEUED
    ).update(extraction_status=ExtractionStatus.EXTRACTED)
    if updated:
        do_audit(user, "intake.mark_extracted", report)


def do_extract_queued(user: Any, reports: QuerySet[Report] | None = None) -> tuple[int, int]:
    """Read each queued report with the extractor; its proposals join the review queue.

    Returns (reports read, proposals made). Each report is its own transaction, so a failure
    leaves the ones before it done and the rest still queued for the next run.
    """
    from sulh.intake.actions import do_extract_report

    read = made = 0
    for report in reports if reports is not None else reports_queued_for_extraction():
        with transaction.atomic():
            made += len(do_extract_report(user, report))
            do_mark_extracted(user, report)
        read += 1
    return read, made
