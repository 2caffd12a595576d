"""Compact claim rows: one ``DatasetRow`` holds every claim an imported row makes about its event.

The import writes events and these rows with raw bulk SQL; ``expand_record`` (registered in
``sulh.claims.models.CLAIM_EXPANDERS``) turns them into ordinary ``Claim`` rows the first time
anything reads the event's claims, so the event page, the API and reconciliation see claims with
their source and grade like any other. See docs/exchange.md for the measurements behind this.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from sulh.claims.actions import reconcile_evidence, reconciled_fields
from sulh.claims.models import Claim, ClaimStatus, ValueKind
from sulh.claims.reconcile import Evidence
from sulh.claims.values import evidence_of
from sulh.exchange.models import DatasetRow

UNKNOWN_ACTOR = "unknown"


def row_claims(row: DatasetRow) -> list[tuple[str, str, dict[str, Any]]]:
    """(field, kind, Claim columns) for each fact of a dataset row, in the order they are made.

    The order matters: reconciliation ranks equally supported parties by the first claim, so
    actor1 comes before actor2 as it does in the file.
    """
    claims: list[tuple[str, str, dict[str, Any]]] = []
    if row.event_type:
        claims.append(("event_type", ValueKind.CATEGORY, {"value": row.event_type}))
    if row.sub_event_type:
        claims.append(("sub_event_type", ValueKind.CATEGORY, {"value": row.sub_event_type}))
    if row.date_start:
        claims.append(
            (
                "date",
                ValueKind.DATE,
                {
                    "date_start": row.date_start,
                    "date_end": row.date_end or row.date_start,
                    "date_precision": row.date_precision,
                },
            )
        )
    if row.place_id:
        claims.append(("location", ValueKind.PLACE, {"place_id": row.place_id}))
    if row.killed_best is not None or row.killed_low is not None:
        claims.append(
            (
                "killed",
                ValueKind.NUMBER,
                {
                    "num_low": row.killed_low,
                    "num_best": row.killed_best,
                    "num_high": row.killed_high,
                },
            )
        )
    for actor_id in (row.actor1_id, row.actor2_id):
        if actor_id:
            claims.append(("party", ValueKind.ACTOR, {"actor_id": actor_id}))
    if row.description:
        claims.append(("description", ValueKind.TEXT, {"text": row.description}))
    return claims


def row_claim_objects(row: DatasetRow, ctype: Any, **related: Any) -> list[Claim]:
    """The unsaved ``Claim`` of each fact of a dataset row, in the order ``row_claims`` gives."""
    return [row_claim_object(row, ctype, fact, **related) for fact in row_claims(row)]


def row_claim_object(
    row: DatasetRow, ctype: Any, fact: tuple[str, str, dict[str, Any]], **related: Any
) -> Claim:
    """The unsaved ``Claim`` of one fact (an item of ``row_claims(row)``)."""
    field, kind, columns = fact
    if "source" not in related:
        related["source_id"] = row.source_id
    return Claim(
        record_type=ctype,
        record_id=row.event_id,
        field=field,
        kind=kind,
        credibility=row.credibility,
        status=ClaimStatus.ACCEPTED,
        recorded_by_id=row.recorded_by_id,
        recorded_at=row.recorded_at,
        **related,
        **columns,
    )


def _is_event(record: models.Model) -> bool:
    return record._meta.label_lower == "events.event" and record.pk is not None


def _reconciled_of(record: models.Model, row: DatasetRow) -> dict:
    """What reconciliation gives for an event whose only claims are this one row's."""
    by_field: dict[str, list[Evidence]] = {}
    for order, claim in enumerate(row_claim_objects(row, None, source=row.source)):
        claim.pk = order  # ties between parties go to the earlier claim, as once expanded
        by_field.setdefault(claim.field, []).append(evidence_of(claim))
    return {name: r.as_dict() for name, r in reconcile_evidence(record, by_field).items()}


def preview_reconciled(record: models.Model) -> dict | None:
    """An imported event's reconciled values before its claims are expanded (nothing written).

    The bulk import leaves the event's stored reconciliation empty: at about a kilobyte a row it
    was most of what a million-row import wrote. Its columns (type, dates, place, fatalities,
    parties) are written as usual; the full reconciliation is worked out from the compact row
    when something reads it, and stored when the claims are expanded.
    """
    if not _is_event(record):
        return None
    if _PREFETCHED in record.__dict__:
        row = record.__dict__[_PREFETCHED]
    else:
        unexpanded = DatasetRow.objects.filter(event_id=record.pk, expanded=False)
        row = unexpanded.select_related("source").first()
    return _reconciled_of(record, row) if row is not None else None


_PREFETCHED = "_unexpanded_dataset_row"


def prefetch_rows(records: list[models.Model]) -> None:
    """The unexpanded dataset row of each of these events (or None), read in one query and kept
    on the event for ``preview_reconciled``."""
    events = {r.pk: r for r in records if _is_event(r)}
    if not events:
        return
    found: dict[int, DatasetRow] = {}
    unexpanded = DatasetRow.objects.filter(event_id__in=list(events), expanded=False)
    for row in unexpanded.select_related("source").order_by("id"):
        found.setdefault(row.event_id, row)  # the first, as ``preview_reconciled`` reads it
    for pk, event in events.items():
        event.__dict__[_PREFETCHED] = found.get(pk)


def expand_record(record: models.Model) -> None:
    """Turn the event's unexpanded dataset rows into Claim rows (one query when there are none)."""
    if not _is_event(record):
        return
    if not DatasetRow.objects.filter(event_id=record.pk, expanded=False).exists():
        return
    with transaction.atomic():
        rows = list(
            DatasetRow.objects.select_for_update().filter(event_id=record.pk, expanded=False)
        )
        ctype = ContentType.objects.get_for_model(record)
        Claim.objects.bulk_create([c for row in rows for c in row_claim_objects(row, ctype)])
        DatasetRow.objects.filter(pk__in=[r.pk for r in rows]).update(expanded=True)
        if not record.reconciled:  # left empty by the bulk import: stored from now on
            results = reconciled_fields(record)
            record.reconciled = {name: r.as_dict() for name, r in results.items()}
            type(record).objects.filter(pk=record.pk).update(reconciled=record.reconciled)
