"""Find actors by any of their names (aliases, both scripts)."""

from sulh.actors.models import Actor
from sulh.lib.matching import NameIndex


def find_actors(query: str, limit: int = 10) -> list[tuple[Actor, float]]:
    rows = Actor.objects.values_list("id", "name_en", "name_ar", "aliases")
    index = NameIndex.from_rows(rows)
    matches = index.search(query, limit=limit)
    actors = Actor.objects.in_bulk([m.id for m in matches])
    return [(actors[m.id], m.score) for m in matches if m.id in actors]
