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


@transaction.atomic
def do_mark_extracted(user: Any, report: Report) -> None:
    updated = ImportedMessage.objects.filter(
        report=report, extraction_status=ExtractionStatus.QUEUED
    ).update(extraction_status=ExtractionStatus.EXTRACTED)
    if updated:
        do_audit(user, "intake.mark_extracted", report)
