"""Gazetteer search: best matches for a name in any spelling or script."""

from dataclasses import dataclass
from threading import Lock

from django.db.models import Count, Max

from sulh.lib.matching import NameIndex
from sulh.places.models import Place

# Localities are what people name most often; admin units break ties after them.
KIND_BONUS = {"locality": 0.3, "site": 0.25, "adm3": 0.1, "adm2": 0.2, "adm1": 0.15}

_lock = Lock()
_cache: dict[str, object] = {"version": None, "index": None}


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    score: float
    matched: str


def _version() -> tuple:
    agg = Place.objects.aggregate(n=Count("id"), last=Max("id"), changed=Max("created_at"))
    return (agg["n"], agg["last"], agg["changed"])


def _index() -> NameIndex:
    version = _version()
    with _lock:
        if _cache["version"] != version:
            rows = Place.objects.values_list("id", "name_en", "name_ar", "aliases")
            _cache["index"] = NameIndex.from_rows(rows)
            _cache["version"] = version
        return _cache["index"]  # type: ignore[return-value]


def forget_index() -> None:
    with _lock:
        _cache["version"] = None


def find_places(query: str, limit: int = 10, kinds: list[str] | None = None) -> list[PlaceMatch]:
    matches = _index().search(query, limit=limit * 3)
    places = Place.objects.in_bulk([m.id for m in matches])
    found = []
    for m in matches:
        place = places.get(m.id)
        if place is None or (kinds and place.kind not in kinds):
            continue
        found.append(PlaceMatch(place, m.score, m.name))
    found.sort(
        key=lambda pm: (-(pm.score + KIND_BONUS.get(pm.place.kind, 0)), -(pm.place.population or 0))
    )
    return found[:limit]


def best_place(query: str, min_score: float = 85.0) -> Place | None:
    matches = find_places(query, limit=1)
    return matches[0].place if matches and matches[0].score >= min_score else None
