"""Demo loaders for the security registers (sulh/core/scenarios/qadmus/60-security.yaml)."""

from typing import Any

from sulh.claims.actions import do_add_claim
from sulh.claims.registry import fields_for
from sulh.core.scenario import ScenarioContext, section
from sulh.events.models import Event
from sulh.security import actions
from sulh.security.models import AidMovement, Checkpoint, CheckpointProgramme, Register
from sulh.sources.models import Report, Source


def _resolve(ctx: ScenarioContext, model: type[Register], field: str, value: Any) -> Any:
    kind = fields_for(model)[field].kind
    if kind == "place":
        return ctx.place(value)
    if kind == "actor":
        return ctx.actor(value)
    return value


def _grade(ctx: ScenarioContext, item: dict) -> dict[str, Any]:
    return {
        "source": ctx.get(item["source"], Source),
        "report": ctx.get(item["report"], Report) if item.get("report") else None,
        "credibility": item.get("credibility", 6),
    }


def _create(ctx: ScenarioContext, model: type[Register], create, item: dict, **extra: Any):
    values = {f: _resolve(ctx, model, f, v) for f, v in item.get("values", {}).items()}
    record = create(
        ctx.user,
        name=item["name"],
        name_ar=item.get("name_ar", ""),
        values=values,
        quotes=item.get("quotes"),
        origin="demo",
        **_grade(ctx, item),
        **extra,
    )
    for claim in item.get("claims", []):
        do_add_claim(
            ctx.user,
            record,
            claim["field"],
            _resolve(ctx, model, claim["field"], claim["value"]),
            quote=claim.get("quote", ""),
            **_grade(ctx, claim),
        )
    for key in item.get("events", []):
        actions.do_link_event(ctx.user, record, ctx.get(key, Event))
    return record


@section("checkpoint_programmes", order=60)
def load_programme(ctx: ScenarioContext, item: dict):
    return _create(ctx, CheckpointProgramme, actions.do_create_checkpoint_programme, item)


@section("checkpoints", order=61)
def load_checkpoint(ctx: ScenarioContext, item: dict):
    programme = ctx.get(item["programme"], CheckpointProgramme) if item.get("programme") else None
    checkpoint = _create(
        ctx,
        Checkpoint,
        actions.do_create_checkpoint,
        item,
        programme=programme,
        location_note=item.get("location_note", ""),
    )
    for change in item.get("status", []):
        actions.do_record_checkpoint_status(
            ctx.user,
            checkpoint,
            change["status"],
            change["date"],
            quote=change.get("quote", ""),
            note=change.get("note", ""),
            **_grade(ctx, change),
        )
    return checkpoint


@section("weapons_transfers", order=62)
def load_transfer(ctx: ScenarioContext, item: dict):
    from sulh.security.models import WeaponsTransfer

    return _create(ctx, WeaponsTransfer, actions.do_create_weapons_transfer, item)


@section("armed_units", order=63)
def load_unit(ctx: ScenarioContext, item: dict):
    from sulh.security.models import ArmedUnit

    unit = _create(ctx, ArmedUnit, actions.do_create_armed_unit, item)
    for report in item.get("reports", []):
        actions.do_record_unit_report(
            ctx.user,
            unit,
            report["field"],
            report["value"],
            report["date"],
            quote=report.get("quote", ""),
            note=report.get("note", ""),
            **_grade(ctx, report),
        )
    return unit


@section("aid_movements", order=64)
def load_aid(ctx: ScenarioContext, item: dict):
    first, *rest = item["status"]
    movement = _create(
        ctx,
        AidMovement,
        actions.do_create_aid_movement,
        item,
        status=first["status"],
        retry_of=ctx.get(item["retry_of"], AidMovement) if item.get("retry_of") else None,
    )
    for change in rest:
        actions.do_record_aid_status(
            ctx.user,
            movement,
            change["status"],
            change["date"],
            checkpoint=ctx.get(change["checkpoint"], Checkpoint)
            if change.get("checkpoint")
            else None,
            event=ctx.get(change["event"], Event) if change.get("event") else None,
            quote=change.get("quote", ""),
            note=change.get("note", ""),
            **_grade(ctx, change),
        )
    return movement
