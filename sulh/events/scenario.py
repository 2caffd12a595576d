from typing import Any

from sulh.claims.actions import do_add_claim
from sulh.claims.registry import fields_for
from sulh.core.scenario import ScenarioContext, section
from sulh.events.actions import do_create_event
from sulh.events.models import Event
from sulh.sources.models import Report, Source


def _resolve(ctx: ScenarioContext, field: str, value: Any) -> Any:
    kind = fields_for(Event)[field].kind
    if isinstance(value, list):
        return [_resolve(ctx, field, v) for v in value]
    if kind == "place":
        return ctx.place(value)
    if kind == "actor":
        return ctx.actor(value)
    return value


@section("events", order=50)
def load_event(ctx: ScenarioContext, item: dict):
    source = ctx.get(item["source"], Source)
    report = ctx.get(item["report"], Report) if item.get("report") else None
    values = {field: _resolve(ctx, field, v) for field, v in item["values"].items()}
    event = do_create_event(
        ctx.user,
        title=item["title"],
        title_ar=item.get("title_ar", ""),
        source=source,
        credibility=item.get("credibility", 6),
        report=report,
        values=values,
        quotes=item.get("quotes"),
        origin="demo",
    )
    for claim in item.get("claims", []):
        claim_source = ctx.get(claim["source"], Source)
        claim_report = ctx.get(claim["report"], Report) if claim.get("report") else None
        do_add_claim(
            ctx.user,
            event,
            claim["field"],
            _resolve(ctx, claim["field"], claim["value"]),
            source=claim_source,
            credibility=claim.get("credibility", 6),
            report=claim_report,
            quote=claim.get("quote", ""),
            status=claim.get("status", "accepted"),
            note=claim.get("note", ""),
        )
    return event
