"""Matching a dataset's place columns to the gazetteer, in memory.

The whole gazetteer (a few hundred admin units and localities) is read once per import; every
distinct combination of names and coordinates is matched once and remembered, so a million rows
cost a dictionary lookup each, not a query.
"""

import math
import re
from dataclasses import dataclass

from sulh.lib.arabic import normalise, skeleton
from sulh.places.models import Place

# Words datasets add around admin names: "Hamah Governorate", "Mintaqat Markaz Hamah district".
NOISE = re.compile(
    r"\b(governorate|province|muhafazat|district|sub ?district|subdistrict|mintaqat|nahiyat|"
    r"nahiya|markaz|town|city|village|area|countryside|mantiqat)\b"
)
GEO_PRECISION = {"locality": 1, "site": 1, "adm3": 2, "adm2": 3, "adm1": 3}
PLACE_KIND_LEVEL = {"adm1": 1, "adm2": 2, "adm3": 3}


@dataclass(frozen=True)
class Where:
    """A matched place with the admin units and point the event columns need."""

    place_id: int
    kind: str
    adm1_id: int | None
    adm2_id: int | None
    adm3_id: int | None
    latitude: float | None
    longitude: float | None
    name_en: str

    @property
    def geo_precision(self) -> int | None:
        return GEO_PRECISION.get(self.kind)


def _keys(name: str) -> list[str]:
    """Comparable forms of a name, the plainest first."""
    norm = normalise(name)
    bare = " ".join(NOISE.sub(" ", norm).split())
    keys = [k for k in (norm, bare) if k]
    skel = skeleton(bare or norm)
    if skel:
        keys.append("~" + skel)
    return keys


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Equirectangular is exact enough at Syria's scale and much cheaper than haversine.
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371 * math.hypot(x, y)


class PlaceIndex:
    def __init__(self) -> None:
        self.places: dict[int, Where] = {}
        self.by_name: dict[str, list[Where]] = {}
        self.by_pcode: dict[str, Where] = {}
        self.by_geonames: dict[int, Where] = {}
        self._memo: dict[tuple, Where | None] = {}
        rows = Place.objects.values_list(
            "id",
            "kind",
            "adm1_id",
            "adm2_id",
            "adm3_id",
            "latitude",
            "longitude",
            "name_en",
            "name_ar",
            "aliases",
            "pcode",
            "geonames_id",
        )
        for pid, kind, a1, a2, a3, lat, lon, en, ar, aliases, pcode, gid in rows:
            where = Where(pid, kind, a1, a2, a3, lat, lon, en)
            self.places[pid] = where
            if pcode:
                self.by_pcode[pcode.upper()] = where
            if gid:
                self.by_geonames[gid] = where
            for name in {en, ar, *(aliases or [])}:
                for key in _keys(name or ""):
                    bucket = self.by_name.setdefault(key, [])
                    if where not in bucket:
                        bucket.append(where)

    def named(self, name: str, kinds: tuple[str, ...], within: Where | None = None) -> list[Where]:
        """Places of these kinds called ``name``, inside ``within`` when given."""
        for key in _keys(name or ""):
            found = [w for w in self.by_name.get(key, []) if w.kind in kinds]
            if within is not None:
                level = PLACE_KIND_LEVEL.get(within.kind)
                if level:
                    found = [w for w in found if getattr(w, f"adm{level}_id") == within.place_id]
            if found:
                return found
        return []

    def nearest(
        self, lat: float, lon: float, kinds: tuple[str, ...], max_km: float = math.inf
    ) -> Where | None:
        best, best_km = None, max_km
        for w in self.places.values():
            if w.kind in kinds and w.latitude is not None:
                km = _distance_km(lat, lon, w.latitude, w.longitude)
                if km < best_km:
                    best, best_km = w, km
        return best

    def closest_of(self, options: list[Where], lat: float | None, lon: float | None) -> Where:
        if lat is None or lon is None or len(options) == 1:
            return options[0]
        return min(
            options,
            key=lambda w: (
                _distance_km(lat, lon, w.latitude, w.longitude)
                if w.latitude is not None
                else math.inf
            ),
        )

    def match(
        self,
        admin: tuple[str, str, str],
        location: str,
        lat: float | None,
        lon: float | None,
        level: str,
    ) -> Where | None:
        """The most precise place the row supports.

        ``admin`` holds the governorate, district and sub-district names as the dataset writes
        them; ``level`` is how precise the row says its place is: "locality", "adm3", "adm2" or
        "adm1". A village missing from the gazetteer falls back to its sub-district, then to the
        nearest admin unit to the coordinates.
        """
        memo_key = (admin, location, lat, lon, level)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._match(admin, location, lat, lon, level)
        return self._memo[memo_key]

    def _match(self, admin, location, lat, lon, level) -> Where | None:
        unit: Where | None = None
        for kind, name in zip(("adm1", "adm2", "adm3"), admin, strict=True):
            if not name:
                continue
            found = self.named(name, (kind,), unit) or self.named(name, (kind,))
            if found:
                unit = self.closest_of(found, lat, lon)
        if level == "locality" and location:
            found = self.named(location, ("locality", "site"), unit)
            if not found and unit is None:
                found = self.named(location, ("locality", "site"))
            if found:
                return self.closest_of(found, lat, lon)
            if lat is not None and lon is not None:
                near = self.nearest(lat, lon, ("locality", "site"), max_km=2.0)
                if near:
                    return near
        wanted = {"locality": 3, "adm3": 3, "adm2": 2, "adm1": 1}[level]
        if unit is not None and PLACE_KIND_LEVEL[unit.kind] >= wanted:
            # The named unit is at least as precise as asked: climb to the asked level.
            return self.places.get(getattr(unit, f"adm{wanted}_id")) or unit
        if lat is not None and lon is not None:
            kind = f"adm{wanted}"
            return self.nearest(lat, lon, (kind,))
        return unit
