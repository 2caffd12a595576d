"""Turning what a person or an importer gives into a claim's columns, and claims back into text."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from sulh.claims.models import Claim, ValueKind
from sulh.claims.reconcile import Evidence, Reconciled
from sulh.claims.registry import FieldSpec
from sulh.lib.dates import DateError, DateSpan, parse_date_span
from sulh.lib.numbers import NumberError, NumberRange, parse_range

UNKNOWN = "unknown"


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _number(field: str, raw: Any) -> NumberRange:
    try:
        if isinstance(raw, NumberRange):
            return raw
        if isinstance(raw, int):
            return NumberRange.exact(raw)
        if isinstance(raw, dict):
            return NumberRange(
                raw.get("low"), raw.get("best"), raw.get("high"), raw.get("qualifier", "")
            )
        return parse_range(str(raw))
    except NumberError as exc:
        raise _fail(field, str(exc)) from exc


def _date(field: str, raw: Any) -> DateSpan:
    try:
        if isinstance(raw, DateSpan):
            return raw
        if isinstance(raw, date):
            return DateSpan(raw, raw, "day")
        if isinstance(raw, dict):
            return DateSpan(
                parse_date_span(raw["start"]).start,
                parse_date_span(raw.get("end") or raw["start"]).end,
                raw.get("precision") or "range",
            )
        return parse_date_span(str(raw))
    except (DateError, KeyError) as exc:
        raise _fail(field, str(exc)) from exc


def claim_columns(spec: FieldSpec, raw: Any) -> dict[str, Any]:
    """The Claim columns for one value; a ValidationError names the field when it does not fit."""
    from sulh.actors.models import Actor
    from sulh.places.models import Place

    if raw is None or raw == "":
        raise _fail(spec.name, _("a value is required"))
    if spec.kind == ValueKind.NUMBER:
        n = _number(spec.name, raw)
        return {
            "num_low": n.low,
            "num_best": n.best,
            "num_high": n.high,
            "num_qualifier": n.qualifier,
        }
    if spec.kind == ValueKind.DATE:
        d = _date(spec.name, raw)
        return {"date_start": d.start, "date_end": d.end, "date_precision": d.precision}
    if spec.kind == ValueKind.PLACE:
        place = (
            raw if isinstance(raw, Place) else Place.objects.filter(pk=_int(spec.name, raw)).first()
        )
        if place is None:
            raise _fail(spec.name, _("no such place: %(value)s") % {"value": raw})
        return {"place": place}
    if spec.kind == ValueKind.ACTOR:
        if raw == UNKNOWN:
            return {"value": UNKNOWN}
        actor = (
            raw if isinstance(raw, Actor) else Actor.objects.filter(pk=_int(spec.name, raw)).first()
        )
        if actor is None:
            raise _fail(spec.name, _("no such actor: %(value)s") % {"value": raw})
        return {"actor": actor}
    if spec.kind == ValueKind.CATEGORY:
        key = str(raw).strip()
        if spec.choices and key not in spec.choice_keys():
            raise _fail(spec.name, _("%(value)s is not one of the allowed values") % {"value": key})
        return {"value": key}
    return {"text": str(raw)}


def _int(field: str, raw: Any) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError) as exc:
        raise _fail(field, _("%(value)s is not an id") % {"value": raw}) from exc


def evidence_of(claim: Claim) -> Evidence:
    return Evidence(
        claim_id=claim.pk,
        reliability=claim.source.reliability,
        credibility=claim.credibility,
        key=choice_key(claim),
        low=claim.num_low,
        best=claim.num_best,
        high=claim.num_high,
        start=claim.date_start,
        end=claim.date_end,
    )


def choice_key(claim: Claim) -> str:
    if claim.kind == ValueKind.PLACE:
        return str(claim.place_id or "")
    if claim.kind == ValueKind.ACTOR:
        return str(claim.actor_id) if claim.actor_id else (claim.value or UNKNOWN)
    if claim.kind == ValueKind.TEXT:
        return claim.text
    return claim.value


def display_claim_value(claim: Claim) -> str:
    if claim.kind == ValueKind.NUMBER:
        return str(NumberRange(claim.num_low, claim.num_best, claim.num_high, claim.num_qualifier))
    if claim.kind == ValueKind.DATE and claim.date_start and claim.date_end:
        return str(DateSpan(claim.date_start, claim.date_end, claim.date_precision or "range"))
    if claim.kind == ValueKind.PLACE:
        return str(claim.place) if claim.place_id else ""
    if claim.kind == ValueKind.ACTOR:
        return str(claim.actor) if claim.actor_id else _("unknown")
    if claim.kind == ValueKind.CATEGORY:
        from sulh.claims.registry import fields_for

        record_model = claim.record_type.model_class()
        spec = fields_for(record_model).get(claim.field) if record_model else None
        return spec.choice_label(claim.value) if spec else claim.value
    return claim.text


def display_reconciled(
    spec: FieldSpec, rec: Reconciled, labels: dict[str, str] | None = None
) -> str:
    """Human text of a reconciled value; ``labels`` maps place/actor keys to names."""
    if rec.kind == ValueKind.NUMBER:
        return str(NumberRange(rec.low, rec.best, rec.high)) if rec.low is not None else ""
    if rec.kind == ValueKind.DATE and rec.start and rec.end:
        return str(DateSpan(rec.start, rec.end, rec.precision))
    keys = rec.keys if spec.multiple else [rec.key]
    names = []
    for key in keys:
        if spec.kind == ValueKind.CATEGORY:
            names.append(spec.choice_label(key))
        elif key == UNKNOWN:
            names.append(_("unknown"))
        else:
            names.append((labels or {}).get(key, key))
    return ", ".join(names)
