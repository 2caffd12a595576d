"""Writes of the security registers. Each record is created with the claims of one source and then
grows by claims; histories (status, size, flags) grow by dated rows each backed by a claim."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from sulh.audit.actions import do_audit
from sulh.claims.actions import do_add_claim, reconcile_record
from sulh.claims.models import Claim, ClaimStatus
from sulh.claims.registry import fields_for
from sulh.lib.dates import DateError, DateSpan, parse_date_span
from sulh.places.actions import do_add_place
from sulh.places.models import Place, PlaceKind
from sulh.security.models import (
    AidMovement,
    AidStatus,
    AidStatusChange,
    ArmedUnit,
    Checkpoint,
    CheckpointProgramme,
    CheckpointStatus,
    CheckpointStatusChange,
    Register,
    UnitFlag,
    UnitReport,
    WeaponsTransfer,
)
from sulh.sources.models import Report, Source


def _span(field: str, raw: Any) -> DateSpan:
    if isinstance(raw, DateSpan):
        return raw
    if raw is None or str(raw).strip() == "":
        raise ValidationError({field: "give the date (2025-03-06, 2025-03 or a range)"})
    try:
        return parse_date_span(str(raw))
    except DateError as exc:
        raise ValidationError({field: str(exc)}) from exc


def _create(
    model: type[Register],
    user: Any,
    *,
    name: str,
    source: Source,
    values: dict[str, Any],
    required: tuple[str, ...] = (),
    name_ar: str = "",
    credibility: int = 6,
    report: Report | None = None,
    quotes: dict[str, str] | None = None,
    origin: str = "manual",
    **columns: Any,
) -> Register:
    """Create a register row whose every given value is a claim from ``source``."""
    errors = {}
    if not (name or "").strip() and not (name_ar or "").strip():
        errors["name"] = "give it a short name"
    for field in sorted(set(values) - set(fields_for(model))):
        errors[field] = f"not a field of a {model._meta.verbose_name}"
    for field in required:
        if values.get(field) in (None, "", []):
            errors[field] = "this is required"
    if errors:
        raise ValidationError(errors)
    record = model.objects.create(
        name=name.strip(),
        name_ar=(name_ar or "").strip(),
        origin=origin,
        created_by=user if getattr(user, "pk", None) else None,
        **columns,
    )
    quotes = quotes or {}
    for field, value in values.items():
        if value in (None, ""):
            continue
        do_add_claim(
            user,
            record,
            field,
            value,
            source=source,
            credibility=credibility,
            report=report,
            quote=quotes.get(field, ""),
            reconcile_now=False,
        )
    reconcile_record(record)
    do_audit(user, f"{model._meta.model_name}.create", record, summary=record.name[:200])
    return record


def _dated_claim(
    user: Any,
    record: models.Model,
    field: str,
    value: Any,
    *,
    source: Source,
    credibility: int,
    report: Report | None,
    quote: str,
    note: str,
) -> Claim:
    # Not reconciled here: the caller writes the history row first, then reconciles.
    return do_add_claim(
        user,
        record,
        field,
        value,
        source=source,
        credibility=credibility,
        report=report,
        quote=quote,
        note=note,
        reconcile_now=False,
    )


@transaction.atomic
def do_create_checkpoint_programme(user: Any, **kwargs: Any) -> CheckpointProgramme:
    return _create(CheckpointProgramme, user, **kwargs)


@transaction.atomic
def do_create_checkpoint(
    user: Any,
    *,
    name: str,
    source: Source,
    values: dict[str, Any],
    programme: CheckpointProgramme | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    sensitive: bool = False,
    location_note: str = "",
    status: str = "",
    status_date: Any = None,
    **kwargs: Any,
) -> Checkpoint:
    """A checkpoint at a gazetteer place, or at coordinates: then a site is added under the
    given place so area scopes and redaction treat it like any place."""
    if status and not (status_date or values.get("since")):
        raise ValidationError({"status_date": "say from when the status holds (or give since)"})
    if latitude is not None or longitude is not None:
        parent = values.get("location")
        if not isinstance(parent, Place):
            digits = str(parent or "").isdigit()
            parent = Place.objects.filter(pk=int(parent)).first() if digits else None
        if parent is None:
            raise ValidationError({"location": "say which village or sub-district it is in"})
        if latitude is None or longitude is None:
            raise ValidationError({"latitude": "give both latitude and longitude"})
        site = do_add_place(
            user,
            name_en=name,
            name_ar=kwargs.get("name_ar", ""),
            parent=parent,
            kind=PlaceKind.SITE,
            latitude=latitude,
            longitude=longitude,
            sensitive=sensitive,
            note=location_note,
        )
        values = {**values, "location": site}
    checkpoint = _create(
        Checkpoint,
        user,
        name=name,
        source=source,
        values=values,
        required=("location",),
        programme=programme,
        location_note=location_note.strip(),
        **kwargs,
    )
    if status:
        do_record_checkpoint_status(
            user,
            checkpoint,
            status,
            status_date or values.get("since"),
            source=source,
            credibility=kwargs.get("credibility", 6),
            report=kwargs.get("report"),
        )
    return checkpoint


@transaction.atomic
def do_record_checkpoint_status(
    user: Any,
    checkpoint: Checkpoint,
    status: str,
    date: Any,
    *,
    source: Source,
    credibility: int = 6,
    report: Report | None = None,
    quote: str = "",
    note: str = "",
) -> CheckpointStatusChange:
    """Append a status (active, suspended, removed, hostile) from a source; never edits one."""
    if status not in CheckpointStatus.values:
        raise ValidationError({"status": f"{status!r} is not one of {CheckpointStatus.values}"})
    span = _span("date", date)
    claim = _dated_claim(
        user,
        checkpoint,
        "status",
        status,
        source=source,
        credibility=credibility,
        report=report,
        quote=quote,
        note=note,
    )
    change = CheckpointStatusChange.objects.create(
        checkpoint=checkpoint,
        claim=claim,
        status=status,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
    )
    reconcile_record(checkpoint)
    do_audit(user, "checkpoint.status", checkpoint, changes={"status": status})
    return change


@transaction.atomic
def do_create_weapons_transfer(user: Any, **kwargs: Any) -> WeaponsTransfer:
    return _create(WeaponsTransfer, user, required=("direction", "count"), **kwargs)


@transaction.atomic
def do_create_armed_unit(user: Any, **kwargs: Any) -> ArmedUnit:
    return _create(ArmedUnit, user, **kwargs)


UNIT_REPORT_FIELDS = {"size", *UnitFlag.values}


@transaction.atomic
def do_record_unit_report(
    user: Any,
    unit: ArmedUnit,
    field: str,
    value: Any,
    date: Any,
    *,
    source: Source,
    credibility: int = 6,
    report: Report | None = None,
    quote: str = "",
    note: str = "",
) -> UnitReport:
    """A dated observation of a unit: its size ("about 60") or a flag (armed/paid/integrated)."""
    if field not in UNIT_REPORT_FIELDS:
        raise ValidationError({"field": f"one of {sorted(UNIT_REPORT_FIELDS)}"})
    span = _span("date", date)
    claim = _dated_claim(
        user,
        unit,
        field,
        value,
        source=source,
        credibility=credibility,
        report=report,
        quote=quote,
        note=note,
    )
    row = UnitReport.objects.create(
        unit=unit,
        claim=claim,
        field=field,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
    )
    do_audit(user, "armedunit.report", unit, changes={"field": field})
    return row


@transaction.atomic
def do_create_aid_movement(
    user: Any,
    *,
    name: str,
    source: Source,
    values: dict[str, Any],
    retry_of: AidMovement | None = None,
    status: str = AidStatus.REQUESTED,
    **kwargs: Any,
) -> AidMovement:
    """An aid movement, first in the status given (requested by default); a retry of a blocked
    movement points back to it."""
    movement = _create(
        AidMovement,
        user,
        name=name,
        source=source,
        values=values,
        required=("date",),
        retry_of=retry_of,
        **kwargs,
    )
    do_record_aid_status(
        user,
        movement,
        status,
        values.get("date"),
        source=source,
        credibility=kwargs.get("credibility", 6),
        report=kwargs.get("report"),
    )
    return movement


@transaction.atomic
def do_record_aid_status(
    user: Any,
    movement: AidMovement,
    status: str,
    date: Any,
    *,
    source: Source,
    credibility: int = 6,
    report: Report | None = None,
    checkpoint: Checkpoint | None = None,
    place: Place | None = None,
    actor: Any = None,
    event: Any = None,
    quote: str = "",
    note: str = "",
) -> AidStatusChange:
    """Append a step of the movement. A block names where (a checkpoint or a place) and by whom
    (the checkpoint's manning actor unless given), and is recorded as an access event too: the
    ``event`` given (one already documented), or a new aid_movement/aid_blocked event."""
    if status not in AidStatus.values:
        raise ValidationError({"status": f"{status!r} is not one of {AidStatus.values}"})
    span = _span("date", date)
    if checkpoint is not None:
        place = place or checkpoint.place
        actor = actor or checkpoint.manned_by
    if status == AidStatus.BLOCKED and place is None:
        raise ValidationError({"checkpoint": "say at which checkpoint or place it was blocked"})
    grade = {"source": source, "credibility": credibility, "report": report, "quote": quote}
    claim = _dated_claim(user, movement, "status", status, note=note, **grade)
    if status == AidStatus.BLOCKED:
        do_add_claim(user, movement, "blocked_at", place, reconcile_now=False, **grade)
        if actor is not None:
            do_add_claim(user, movement, "blocked_by", actor, reconcile_now=False, **grade)
    if status == AidStatus.BLOCKED and event is None:
        event = _blocked_event(user, movement, span, place, actor, grade)
    change = AidStatusChange.objects.create(
        movement=movement,
        claim=claim,
        status=status,
        date_start=span.start,
        date_end=span.end,
        date_precision=span.precision,
        place=place,
        checkpoint=checkpoint,
        actor=actor,
        event=event,
    )
    if event is not None:
        movement.events.add(event)
    reconcile_record(movement)
    do_audit(user, "aidmovement.status", movement, changes={"status": status})
    return change


def _blocked_event(user: Any, movement: AidMovement, span: DateSpan, place, actor, grade: dict):
    from sulh.events.actions import do_create_event

    values: dict[str, Any] = {
        "event_type": "aid_movement",
        "sub_event_type": "aid_blocked",
        "date": span,
        "location": place,
    }
    if actor is not None:
        values["perpetrator"] = actor
    if movement.cargo:
        values["description"] = movement.cargo
    return do_create_event(
        user,
        title=f"Aid blocked: {movement.name}"[:300],
        title_ar=f"منع مرور مساعدات: {movement.name_ar}"[:300] if movement.name_ar else "",
        source=grade["source"],
        credibility=grade["credibility"],
        report=grade["report"],
        values=values,
        status=ClaimStatus.ACCEPTED,
    )


@transaction.atomic
def do_link_event(user: Any, record: Register, event: Any) -> None:
    """Link an event (a killing at a checkpoint, the programme's announcement) to a record."""
    record.events.add(event)
    do_audit(user, "security.link_event", record, changes={"event": event.pk})
