"""Demo loader: a chat export of the scenario goes through the same import as an upload."""

from sulh.core.scenario import QADMUS, ScenarioContext, ScenarioError, section
from sulh.intake.actions_messages import do_import_messages
from sulh.sources.models import Source


@section("message_imports", order=80)
def load_message_import(ctx: ScenarioContext, item: dict):
    path = (QADMUS / item["file"]).resolve()
    if QADMUS.resolve() not in path.parents or not path.is_file():
        raise ScenarioError(f"no export file {item['file']!r} in the scenario folder")
    return do_import_messages(
        ctx.user,
        fmt=item.get("format", "whatsapp"),
        data=path.read_bytes(),
        source=ctx.get(item["source"], Source),
        place=ctx.place(item["place"]) if item.get("place") else None,
        date_order=item.get("date_order"),
        tz=item.get("tz"),
    )
