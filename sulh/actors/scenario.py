from sulh.actors.actions import do_create_actor
from sulh.core.scenario import ScenarioContext, section


@section("actors", order=20)
def load_actor(ctx: ScenarioContext, item: dict):
    return do_create_actor(
        ctx.user,
        name_en=item["name_en"],
        name_ar=item.get("name_ar", ""),
        aliases=item.get("aliases", []),
        kind=item["kind"],
        acled_category=item.get("acled_category"),
        parent=ctx.actor(item["parent"]) if item.get("parent") else None,
        role=item.get("role", ""),
        place=ctx.place(item["place"]) if item.get("place") else None,
        description=item.get("description", ""),
    )
