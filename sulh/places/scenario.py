from sulh.core.scenario import ScenarioContext, section
from sulh.places.actions import do_add_place


@section("places", order=10)
def load_place(ctx: ScenarioContext, item: dict):
    return do_add_place(
        ctx.user,
        name_en=item["name_en"],
        name_ar=item.get("name_ar", ""),
        aliases=item.get("aliases", []),
        kind=item.get("kind", "locality"),
        parent=ctx.place(item["parent"]),
        latitude=item.get("latitude"),
        longitude=item.get("longitude"),
        sensitive=item.get("sensitive", False),
        note=item.get("note", ""),
    )
