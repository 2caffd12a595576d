"""Compact claim rows: one ``DatasetRow`` holds every claim an imported row makes about its event.

The import writes events and these rows with raw bulk SQL; ``expand_record`` (registered in
``sulh.claims.models.CLAIM_EXPANDERS``) turns them into ordinary ``Claim`` rows the first time
anything reads the event's claims, so the event page, the API and reconciliation see claims with
their source and grade like any other. See docs/exchange.md for the measurements behind this.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from sulh.claims.models import Claim, ClaimStatus, ValueKind
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


def expand_record(record: models.Model) -> None:
    """Turn the event's unexpanded dataset rows into Claim rows (one query when there are none)."""
    if record._meta.label_lower != "events.event" or record.pk is None:
        return
    if not DatasetRow.objects.filter(event_id=record.pk, expanded=False).exists():
        return
    with transaction.atomic():
        rows = list(
            DatasetRow.objects.select_for_update().filter(event_id=record.pk, expanded=False)
        )
        ctype = ContentType.objects.get_for_model(record)
        claims = [
            Claim(
                record_type=ctype,
                record_id=record.pk,
                field=field,
                kind=kind,
                source_id=row.source_id,
                credibility=row.credibility,
                status=ClaimStatus.ACCEPTED,
                recorded_by_id=row.recorded_by_id,
                recorded_at=row.recorded_at,
                **columns,
            )
            for row in rows
            for field, kind, columns in row_claims(row)
        ]
        Claim.objects.bulk_create(claims)
        DatasetRow.objects.filter(pk__in=[r.pk for r in rows]).update(expanded=True)
