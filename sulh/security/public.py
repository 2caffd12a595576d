"""Register rows as a user may see them: the one shape pages, the API, GeoJSON and the CLI use.

Places go through ``place_public`` (sensitive sites coarsened for partners), sources appear only
as their safe descriptions, claims through ``claim_public``.
"""

from typing import Any

from sulh.access.redact import claim_public, place_public, source_public
from sulh.claims.models import ClaimStatus, record_claims
from sulh.lib.dates import DateSpan
from sulh.lib.numbers import NumberRange
from sulh.security.models import (
    AidMovement,
    ArmedUnit,
    Checkpoint,
    CheckpointProgramme,
    Register,
    UnitFlag,
    WeaponsTransfer,
)


def actor_public(actor: Any) -> dict | None:
    if actor is None:
        return None
    return {"id": actor.pk, "name_en": actor.name_en, "name_ar": actor.name_ar}


def figure(data: dict | None, qualifier: str = "") -> dict | None:
    """A reconciled number with its range and a readable form ("8–40", "about 80")."""
    if not data or data.get("low") is None:
        return None
    text = str(NumberRange(data["low"], data.get("best"), data.get("high"), qualifier))
    return {
        "low": data["low"],
        "best": data.get("best"),
        "high": data.get("high"),
        "disputed": bool(data.get("disputed")),
        "claims": data.get("claims", 0),
        "text": text,
    }


def span_text(start: Any, end: Any, precision: str) -> str:
    if not start or not end:
        return ""
    return str(DateSpan(start, end, precision or "range"))


def claims_of(record: Register, user: Any) -> list[dict]:
    claims = record_claims(record).select_related("source", "place__adm1", "place__adm2")
    rows = []
    for claim in claims.select_related("place__adm3", "actor", "record_type"):
        row = claim_public(claim, user)
        if row["place"]:  # the claim's own text names the exact place; show what policy allows
            row["display"] = row["place"]["name_en"]
        rows.append(row)
    return rows


def sources_of(record: Register, user: Any, field: str | None = None) -> list[dict]:
    """The sources of a record's accepted claims (of one field), safe descriptions only."""
    claims = record_claims(record).filter(status=ClaimStatus.ACCEPTED).select_related("source")
    if field:
        claims = claims.filter(field=field)
    seen: dict[int, dict] = {}
    for claim in claims:
        if claim.source_id not in seen:
            seen[claim.source_id] = {
                **source_public(claim.source, user),
                "grade": f"{claim.source.reliability}{claim.credibility}",
            }
    return list(seen.values())


def qualifier_of(record: Register, field: str) -> str:
    """The word the sources used ("about", "nearly") when they all used the same one."""
    accepted = record_claims(record).filter(field=field, status=ClaimStatus.ACCEPTED)
    words = set(accepted.values_list("num_qualifier", flat=True))
    return words.pop() if len(words) == 1 else ""


def _base(record: Register, user: Any, kind: str) -> dict:
    return {
        "id": record.pk,
        "kind": kind,
        "name": record.name,
        "name_ar": record.name_ar,
        "place": place_public(record.place, user) if record.place_id else None,
        "date_start": record.date_start,
        "date_end": record.date_end,
        "date": span_text(record.date_start, record.date_end, record.date_precision),
        "disputed": record.disputed,
        "disputed_fields": record.disputed_fields,
        "sources": sources_of(record, user),
        "events": [
            {"id": e.pk, "title": e.title, "title_ar": e.title_ar} for e in record.events.all()
        ],
        "url": record.get_absolute_url(),
    }


def programme_public(p: CheckpointProgramme, user: Any) -> dict:
    return {
        **_base(p, user, "programme"),
        "set_up_by": actor_public(p.set_up_by),
        "villages": figure(p.reconciled.get("villages")),
        "villages_sources": sources_of(p, user, "villages"),
        "checkpoints": figure(p.reconciled.get("checkpoints")),
    }


def _history(rows: Any, user: Any) -> list[dict]:
    out = []
    for row in rows:
        item = {
            "status": row.status,
            "label": str(row.get_status_display()),
            "date": span_text(row.date_start, row.date_end, row.date_precision),
            "date_start": row.date_start,
            "source": source_public(row.claim.source, user),
            "grade": f"{row.claim.source.reliability}{row.claim.credibility}",
            "note": row.claim.note,
        }
        if hasattr(row, "actor"):
            item["by"] = actor_public(row.actor)
            item["at"] = place_public(row.place, user) if row.place_id else None
            item["checkpoint_id"] = row.checkpoint_id
            item["event_id"] = row.event_id
        out.append(item)
    return out


def checkpoint_public(c: Checkpoint, user: Any) -> dict:
    history = c.status_history.select_related("claim__source").order_by("date_start", "id")
    return {
        **_base(c, user, "checkpoint"),
        "since": span_text(c.date_start, c.date_end, c.date_precision),
        "location_note": c.location_note,
        "programme": {"id": c.programme_id, "name": c.programme.name} if c.programme_id else None,
        "set_up_by": actor_public(c.set_up_by),
        "manned_by": actor_public(c.manned_by),
        "status": c.status,
        "status_label": str(c.get_status_display()) if c.status else "",
        "status_history": _history(history, user),
    }


def transfer_public(t: WeaponsTransfer, user: Any) -> dict:
    return {
        **_base(t, user, "transfer"),
        "from_actor": actor_public(t.from_actor),
        "to_actor": actor_public(t.to_actor),
        "direction": t.direction,
        "direction_label": str(t.get_direction_display()) if t.direction else "",
        "category": t.category,
        "category_label": str(t.get_category_display()) if t.category else "",
        "count": figure(t.reconciled.get("count"), qualifier_of(t, "count")),
        "villages": figure(t.reconciled.get("villages")),
    }


def unit_public(u: ArmedUnit, user: Any) -> dict:
    reports = u.reports.select_related("claim__source").order_by("date_start", "id")
    observations = []
    for r in reports:
        claim = r.claim
        observations.append(
            {
                "field": r.field,
                "date": span_text(r.date_start, r.date_end, r.date_precision),
                "date_start": r.date_start,
                "value": claim.value,
                "size": figure(
                    {"low": claim.num_low, "best": claim.num_best, "high": claim.num_high},
                    claim.num_qualifier,
                )
                if r.field == "size"
                else None,
                "display": claim.display_value(),
                "source": source_public(claim.source, user),
                "grade": f"{claim.source.reliability}{claim.credibility}",
                "note": claim.note,
            }
        )
    latest_size = next((o for o in reversed(observations) if o["field"] == "size"), None)
    flags = {}
    for flag in UnitFlag.values:
        last = next((o for o in reversed(observations) if o["field"] == flag), None)
        flags[flag] = {"value": last["value"], "since": last["date"]} if last else None
    return {
        **_base(u, user, "unit"),
        "actor": actor_public(u.actor),
        "affiliation": actor_public(u.affiliation),
        "size": latest_size["size"] if latest_size else None,
        "size_as_of": latest_size["date"] if latest_size else "",
        "flags": flags,
        "observations": observations,
    }


def aid_public(a: AidMovement, user: Any) -> dict:
    history = a.status_history.select_related("claim__source", "actor", "place").order_by(
        "date_start", "id"
    )
    return {
        **_base(a, user, "aid"),
        "origin": place_public(a.origin_place, user) if a.origin_place_id else None,
        "destination": place_public(a.destination_place, user) if a.destination_place_id else None,
        "cargo": a.cargo,
        "requested_by": actor_public(a.requested_by),
        "escorted_by": actor_public(a.escorted_by),
        "blocked_by": actor_public(a.blocked_by),
        "blocked_at": place_public(a.blocked_at, user) if a.blocked_at_id else None,
        "status": a.status,
        "status_label": str(a.get_status_display()) if a.status else "",
        "status_history": _history(history, user),
        "retry_of": a.retry_of_id,
        "retries": [r.pk for r in a.retries.all()],
    }


PUBLIC = {
    "programme": programme_public,
    "checkpoint": checkpoint_public,
    "transfer": transfer_public,
    "unit": unit_public,
    "aid": aid_public,
}


def field_rows(record: Register, user: Any) -> list[dict]:
    """One row per field that has claims: the reconciled value beside every claim about it."""
    from sulh.claims.registry import fields_for
    from sulh.claims.values import display_reconciled
    from sulh.events.views import _as_reconciled
    from sulh.security.models import HISTORY_FIELDS

    claims = list(
        record_claims(record).select_related(
            "source", "actor", "record_type", "place__adm1", "place__adm2", "place__adm3"
        )
    )
    labels: dict[str, str] = {}
    for claim in claims:
        if claim.place_id:
            shown = place_public(claim.place, user) or {}
            labels[str(claim.place_id)] = shown.get("name_en", "")
        if claim.actor_id:
            labels[str(claim.actor_id)] = str(claim.actor)
    public = {c["id"]: c for c in claims_of(record, user)}
    rows = []
    for name, spec in fields_for(record).items():
        mine = [public[c.pk] for c in claims if c.field == name]
        if not mine or name in HISTORY_FIELDS:
            continue
        data = (record.reconciled or {}).get(name)
        value = display_reconciled(spec, _as_reconciled(data), labels) if data else ""
        rows.append(
            {
                "name": name,
                "label": spec.label,
                "claims": mine,
                "value": value,
                "disputed": bool(data and data.get("disputed")),
                "reconciled": data,
            }
        )
    return rows
