"""Writes of claims, and the reconciliation that follows each one."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from sulh.audit.actions import do_audit
from sulh.claims.models import Claim, ClaimStatus, record_claims
from sulh.claims.reconcile import Reconciled, reconcile
from sulh.claims.registry import FieldSpec, fields_for
from sulh.claims.values import claim_columns, evidence_of
from sulh.sources.models import Report, Source


def _span_of(report: Report | None, quote: str) -> tuple[int | None, int | None]:
    if report is None or not quote:
        return None, None
    start = report.text.find(quote)
    return (start, start + len(quote)) if start >= 0 else (None, None)


def do_add_claim(
    user: Any,
    record: models.Model,
    field: str,
    value: Any,
    *,
    source: Source,
    credibility: int = 6,
    report: Report | None = None,
    quote: str = "",
    span: tuple[int, int] | None = None,
    status: str = ClaimStatus.ACCEPTED,
    note: str = "",
    supersedes: Claim | None = None,
    reconcile_now: bool = True,
) -> Claim:
    spec = fields_for(record).get(field)
    if spec is None:
        raise ValidationError({"field": f"{record._meta.verbose_name} has no field {field!r}"})
    if not 1 <= int(credibility) <= 6:
        raise ValidationError({"credibility": "credibility is graded 1 to 6"})
    if report is not None and report.source_id != source.pk:
        raise ValidationError({"report": "the report comes from another source"})
    columns = claim_columns(spec, value)
    if span is None:
        span = _span_of(report, quote)
    elif report is not None and quote == "":
        quote = report.text[span[0] : span[1]]
    with transaction.atomic():
        claim = Claim.objects.create(
            record=record,
            field=field,
            kind=spec.kind,
            source=source,
            report=report,
            quote=quote,
            span_start=span[0],
            span_end=span[1],
            credibility=int(credibility),
            status=status,
            note=note,
            supersedes=supersedes,
            recorded_by=user if getattr(user, "pk", None) else None,
            **columns,
        )
        do_audit(
            user,
            "claim.add",
            claim,
            summary=f"{record._meta.label_lower}:{record.pk} {field}",
            changes={"field": field, "status": status},
        )
        if reconcile_now and status == ClaimStatus.ACCEPTED:
            reconcile_record(record)
    return claim


def do_review_claim(user: Any, claim: Claim, decision: str, note: str = "") -> Claim:
    """A person accepts or rejects a proposed claim; the record is reconciled again."""
    if decision not in (ClaimStatus.ACCEPTED, ClaimStatus.REJECTED):
        raise ValidationError({"decision": "accept or reject"})
    if claim.status == ClaimStatus.SUPERSEDED:
        raise ValidationError({"decision": "a superseded claim cannot be reviewed"})
    with transaction.atomic():
        before = claim.status
        claim.status = decision
        claim.reviewed_by = user if getattr(user, "pk", None) else None
        claim.reviewed_at = timezone.now()
        if note:
            claim.note = (claim.note + "\n" + note).strip()
        claim.save(update_fields=["status", "reviewed_by", "reviewed_at", "note"])
        do_audit(user, "claim.review", claim, changes={"status": [before, decision]})
        reconcile_record(claim.record)
    return claim


def do_correct_claim(user: Any, claim: Claim, value: Any, note: str = "", **kwargs: Any) -> Claim:
    """A correction is a new claim from the same source; the old one stays, marked superseded."""
    with transaction.atomic():
        claim.status = ClaimStatus.SUPERSEDED
        claim.save(update_fields=["status"])
        return do_add_claim(
            user,
            claim.record,
            claim.field,
            value,
            source=kwargs.pop("source", claim.source),
            credibility=kwargs.pop("credibility", claim.credibility),
            report=kwargs.pop("report", claim.report),
            quote=kwargs.pop("quote", claim.quote),
            note=note,
            supersedes=claim,
            **kwargs,
        )


def _place_refines() -> Any:
    from sulh.places.models import Place

    cache: dict[str, set[str]] = {}

    def ancestors(key: str) -> set[str]:
        if key not in cache:
            place = Place.objects.filter(pk=key).first()
            cache[key] = {str(p.pk) for p in place.lineage()} if place else {key}
        return cache[key]

    return lambda specific, general: general in ancestors(specific)


def reconciled_fields(record: models.Model) -> dict[str, Reconciled]:
    accepted = record_claims(record).filter(status=ClaimStatus.ACCEPTED).select_related("source")
    by_field: dict[str, list] = {}
    for claim in accepted:
        by_field.setdefault(claim.field, []).append(evidence_of(claim))
    return reconcile_evidence(record, by_field)


def reconcile_evidence(record: models.Model, by_field: dict[str, list]) -> dict[str, Reconciled]:
    """Each field's reconciled value from its evidence, by the record's field specs."""
    specs: dict[str, FieldSpec] = fields_for(record)
    results = {}
    for name, items in by_field.items():
        spec = specs.get(name)
        if spec is None:
            continue
        refines = _place_refines() if spec.kind == "place" else None
        result = reconcile(spec.kind, items, spec.multiple, refines)
        if result is not None:
            results[name] = result
    return results


def reconcile_record(record: models.Model) -> dict[str, Reconciled]:
    results = reconciled_fields(record)
    apply = getattr(record, "apply_reconciliation", None)
    if apply is not None:
        apply(results)
    return results
