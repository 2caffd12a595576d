from datetime import datetime

from django.utils import timezone

from sulh.core.scenario import ScenarioContext, section
from sulh.sources.actions import do_create_report, do_create_source
from sulh.sources.models import Source


@section("sources", order=30)
def load_source(ctx: ScenarioContext, item: dict):
    return do_create_source(
        ctx.user,
        kind=item["kind"],
        safe_description=item["safe_description"],
        safe_description_ar=item.get("safe_description_ar", ""),
        reliability=item.get("reliability", "F"),
        identity=item.get("identity"),
    )


@section("reports", order=40)
def load_report(ctx: ScenarioContext, item: dict):
    received = datetime.fromisoformat(str(item["received_at"]))
    if timezone.is_naive(received):
        received = timezone.make_aware(received)
    return do_create_report(
        ctx.user,
        source=ctx.get(item["source"], Source),
        text=item["text"],
        kind=item.get("kind", "interview"),
        title=item.get("title", ""),
        language=item.get("language", "en"),
        received_at=received,
    )
