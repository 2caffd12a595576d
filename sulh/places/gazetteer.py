"""Load the Syrian gazetteer shipped in sulh/places/data (see its README for licences)."""

import csv
import math
from pathlib import Path

from django.db import transaction

from sulh.places.models import Place, PlaceKind

DATA = Path(__file__).parent / "data"
LEVEL_KIND = {"1": PlaceKind.GOVERNORATE, "2": PlaceKind.DISTRICT, "3": PlaceKind.SUBDISTRICT}
ARABIC = range(0x0600, 0x0700)


def _float(value: str) -> float | None:
    return float(value) if value else None


def _int(value: str) -> int | None:
    return int(float(value)) if value else None


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))


def _arabic_name(names: list[str]) -> str:
    return next((n for n in names if n and ord(n[0]) in ARABIC), "")


@transaction.atomic
def load_gazetteer() -> dict[str, int]:
    """Create or update admin units and localities; running it again changes nothing."""
    counts = {"created": 0, "updated": 0}
    by_pcode: dict[str, Place] = {p.pcode: p for p in Place.objects.exclude(pcode=None)}
    with open(DATA / "syria_admin_hierarchy.csv", encoding="utf-8") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: r["admin_level"])
    for row in rows:
        values = {
            "name_en": row["name_en"],
            "name_ar": row["name_ar"],
            "aliases": [a for a in row["aliases"].split("|") if a],
            "kind": LEVEL_KIND[row["admin_level"]],
            "parent": by_pcode.get(row["parent_ocha_pcode"]),
            "latitude": _float(row["centroid_lat"]),
            "longitude": _float(row["centroid_lon"]),
            "population": _int(row["population"]),
            "origin": "opensyria",
        }
        by_pcode[row["ocha_pcode"]] = _upsert(
            by_pcode.get(row["ocha_pcode"]), values, counts, pcode=row["ocha_pcode"]
        )
    subdistricts = [p for p in by_pcode.values() if p.kind == PlaceKind.SUBDISTRICT and p.latitude]
    by_geonames = {p.geonames_id: p for p in Place.objects.filter(origin="geonames")}
    with open(DATA / "syria_geonames_cities500.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            point = (float(row["latitude"]), float(row["longitude"]))
            names = [n for n in row["alternatenames"].split("|") if n]
            parent = min(subdistricts, key=lambda s: _distance_km(point, (s.latitude, s.longitude)))
            values = {
                "name_en": row["name"],
                "name_ar": _arabic_name(names),
                "aliases": [n for n in names if n != row["name"]],
                "kind": PlaceKind.LOCALITY,
                "parent": parent,
                "latitude": point[0],
                "longitude": point[1],
                "population": _int(row["population"]) or None,
                "origin": "geonames",
                "note": "Placed under the nearest sub-district centroid.",
            }
            gid = int(row["geonameid"])
            _upsert(by_geonames.get(gid), values, counts, geonames_id=gid)
    from sulh.places.search import forget_index

    forget_index()
    return counts


def _upsert(place: Place | None, values: dict, counts: dict[str, int], **identity) -> Place:
    if place is None:
        place = Place(**identity, **values)
        place.save()
        counts["created"] += 1
    else:
        changed = [k for k, v in values.items() if getattr(place, k) != v]
        if not changed:
            return place
        for k in changed:
            setattr(place, k, values[k])
        counts["updated"] += 1
    place.fill_admin_units()
    place.match_keys = place.compute_match_keys()
    place.save()
    return place
