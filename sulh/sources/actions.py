"""Writes of sources and reports. Identity is sealed here and nowhere else."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sulh.audit.actions import do_audit
from sulh.lib.crypto import keyed_hash, normalise_phone, seal
from sulh.sources.models import Reliability, Report, ReportKind, Source, SourceKind

IDENTITY_FIELDS = ("name", "phone", "contact", "notes")


def clean_identity(identity: dict | None) -> dict:
    identity = {k: str(v).strip() for k, v in (identity or {}).items() if v and str(v).strip()}
    unknown = set(identity) - set(IDENTITY_FIELDS)
    if unknown:
        raise ValidationError(
            {"identity": f"unknown identity fields: {', '.join(sorted(unknown))}"}
        )
    return identity


def phone_hash_of(identity: dict, key: bytes | None = None) -> str:
    """The keyed hash that finds the same phone number again without storing it in clear."""
    phone = normalise_phone(identity.get("phone", ""))
    return keyed_hash(phone, key) if phone else ""


@transaction.atomic
def do_create_source(
    user: Any,
    *,
    kind: str,
    safe_description: str,
    safe_description_ar: str = "",
    reliability: str = Reliability.F,
    identity: dict | None = None,
    dataset_key: str = "",
) -> Source:
    errors = {}
    if not (safe_description or "").strip():
        errors["safe_description"] = "describe the source safely, e.g. 'an activist in Qadmus'"
    if kind not in SourceKind.values:
        errors["kind"] = f"{kind!r} is not a source kind ({', '.join(SourceKind.values)})"
    if reliability not in Reliability.values:
        errors["reliability"] = "reliability is graded A to F"
    identity = clean_identity(identity)
    if errors:
        raise ValidationError(errors)
    source = Source(
        kind=kind,
        safe_description=safe_description.strip(),
        safe_description_ar=(safe_description_ar or "").strip(),
        reliability=reliability,
        identity_sealed=seal(identity),
        phone_hash=phone_hash_of(identity),
        dataset_key=dataset_key,
        created_by=user if getattr(user, "pk", None) else None,
    )
    source.save()
    # Field names only: identity values never enter the audit log.
    do_audit(
        user,
        "source.create",
        source,
        summary=source.safe_description,
        changes={"identity_fields": sorted(identity)},
    )
    return source


@transaction.atomic
def do_grade_source(user: Any, source: Source, reliability: str) -> Source:
    if reliability not in Reliability.values:
        raise ValidationError({"reliability": "reliability is graded A to F"})
    before = source.reliability
    source.reliability = reliability
    source.save(update_fields=["reliability"])
    do_audit(user, "source.grade", source, changes={"reliability": [before, reliability]})
    from sulh.claims.actions import reconcile_record
    from sulh.claims.models import ClaimStatus

    # Grades weigh in reconciliation, so every record this source speaks to is reconciled again.
    seen = set()
    for claim in source.claims.filter(status=ClaimStatus.ACCEPTED).select_related("record_type"):
        key = (claim.record_type_id, claim.record_id)
        if key not in seen:
            seen.add(key)
            record = claim.record
            if record is not None:
                reconcile_record(record)
    return source


@transaction.atomic
def do_create_report(
    user: Any,
    *,
    source: Source,
    text: str,
    kind: str = ReportKind.INTERVIEW,
    title: str = "",
    language: str = "en",
    received_at: datetime | None = None,
    external_key: str = "",
) -> Report:
    errors = {}
    if not (text or "").strip():
        errors["text"] = "a report needs its text"
    if kind not in ReportKind.values:
        errors["kind"] = f"{kind!r} is not a report kind ({', '.join(ReportKind.values)})"
    if received_at is not None and timezone.is_naive(received_at):
        errors["received_at"] = "give the time with its time zone"
    if errors:
        raise ValidationError(errors)
    report = Report(
        source=source,
        kind=kind,
        title=title,
        language=language,
        text=text,
        received_at=received_at or timezone.now(),
        external_key=external_key,
        created_by=user if getattr(user, "pk", None) else None,
    )
    report.save()
    do_audit(user, "report.create", report, summary=title[:100])
    return report
