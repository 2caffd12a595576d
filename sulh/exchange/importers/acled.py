"""ACLED's CSV export (the 2023 column set in sulh/exchange/data/acled_columns.txt)."""

import calendar
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from operator import itemgetter

from django.utils import translation

from sulh.events.taxonomy import ACLED_TYPES
from sulh.exchange.importers import register_importer
from sulh.exchange.importers.base import (
    Importer,
    Parsed,
    RowError,
    distinct_actors,
    parse_coordinate,
    parse_count,
    parse_day,
    parse_range,
    row_hash,
    week_around,
)
from sulh.exchange.placeindex import PlaceIndex

# ACLED names -> sulh keys, compared in lower case.
TYPE_KEYS = {str(t.acled).lower(): t for t in ACLED_TYPES}
GEO_LEVEL = {"1": "locality", "2": "adm3", "3": "adm2"}


def _sub_keys() -> dict[tuple[str, str], str]:
    with translation.override("en"):
        return {(t.key, str(label).lower()): key for t in ACLED_TYPES for key, label in t.sub_types}


def _sub_key(subs: dict[tuple[str, str], str], etype, label: str) -> str:
    key = subs.get((etype.key, label.strip().lower()))
    if key is None:
        raise RowError(
            "sub_event_type", f"{label!r} is not an ACLED sub-event type of {etype.acled}"
        )
    return key


def acled_dates(day: date, precision: str) -> tuple[date, date, str]:
    """time_precision 1 is the day, 2 the week around it, 3 its month."""
    if precision in ("", "1"):
        return day, day, "day"
    if precision == "2":
        start, end = week_around(day)
        return start, end, "week"
    if precision == "3":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last), "month"
    raise RowError("time_precision", f"{precision!r} is not 1, 2 or 3")


class AcledImporter(Importer):
    name = "acled"
    label = "ACLED"
    source_description = "ACLED (Armed Conflict Location & Event Data), dataset"
    source_description_ar = "بيانات ACLED (مشروع بيانات مواقع وأحداث النزاعات المسلحة)"
    subs: dict[tuple[str, str], str] | None = None
    required = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "fatalities")

    def parse(self, row: dict[str, str], places: PlaceIndex) -> Parsed:
        """One row given as a dict (column name -> value)."""
        positions = {name: i for i, name in enumerate(row)}
        return self.row_parser(positions, places)(list(row.values()))

    def row_parser(
        self, positions: dict[str, int], places: PlaceIndex
    ) -> Callable[[list[str]], Parsed]:
        """``parse`` by position: the same checks and results, without a dict per row, and each
        distinct type, day, place and pair of actors worked out once (a national file repeats
        a few thousand of each across a million rows). Absent optional columns read as ""."""
        if self.subs is None:
            self.subs = _sub_keys()
        subs = self.subs
        empty = len(positions)  # every row gets one "" appended, for the absent columns

        def at(name: str) -> int:
            return positions.get(name, empty)

        i_key, i_date, i_type, i_sub, i_fatalities = (positions[n] for n in self.required)
        i_precision, i_notes = at("time_precision"), at("notes")
        place_of = itemgetter(
            *(at(n) for n in ("admin1", "admin2", "admin3", "location", "latitude", "longitude"))
        )
        geo_of = itemgetter(at("geo_precision"))
        parties_of = itemgetter(*(at(n) for n in ("actor1", "inter1", "actor2", "inter2")))
        kinds: dict[tuple[str, str], tuple[str, str, str]] = {}
        titles: dict[tuple[str, str], str] = {}  # one string per type and place, shared
        wheres: dict[tuple, tuple] = {}
        parties: dict[tuple, tuple] = {}
        counts: dict[str, object] = {}

        def kind_of(type_text: str, sub_text: str) -> tuple[str, str, str]:
            etype = TYPE_KEYS.get(type_text.strip().lower())
            if etype is None:
                raise RowError("event_type", f"{type_text!r} is not an ACLED event type")
            return etype.key, _sub_key(subs, etype, sub_text), sub_text.strip()

        def where_of(raw: tuple, geo: str) -> tuple:
            admin1, admin2, admin3, location, lat_text, lon_text = raw
            lat = parse_coordinate("latitude", lat_text, 90)
            lon = parse_coordinate("longitude", lon_text, 180)
            level = GEO_LEVEL.get(geo.strip() or "1")
            if level is None:
                raise RowError("geo_precision", f"{geo!r} is not 1, 2 or 3")
            location = location.strip()
            return places.match((admin1, admin2, admin3), location, lat, lon, level), location

        def parse_values(values: list[str]) -> Parsed:
            digest = row_hash(values)
            values.append("")
            key = values[i_key].strip()
            if not key:
                raise RowError("event_id_cnty", "every row needs its ACLED event id")
            type_key = (values[i_type], values[i_sub])
            kind = kinds.get(type_key)
            if kind is None:
                kind = kinds[type_key] = kind_of(*type_key)
            start, end, precision = _dates(values[i_date], values[i_precision])
            fatalities = values[i_fatalities]
            killed = counts.get(fatalities)
            if killed is None:
                n = parse_count("fatalities", fatalities)
                killed = counts[fatalities] = parse_range(n, n, n)
            raw_place, geo = place_of(values), geo_of(values)
            place = wheres.get((raw_place, geo))
            if place is None:
                place = wheres[(raw_place, geo)] = where_of(raw_place, geo)
            where, location = place
            title = titles.get((kind[2], location))
            if title is None:
                title = titles[(kind[2], location)] = (
                    f"{kind[2]} in {location}" if location else kind[2]
                )
            raw_parties = parties_of(values)
            actors = parties.get(raw_parties)
            if actors is None:
                a1, i1, a2, i2 = raw_parties
                actors = parties[raw_parties] = distinct_actors(
                    [(a1.strip(), _category(i1)), (a2.strip(), _category(i2))]
                )
            return Parsed(
                key=f"acled:{key}",
                title=title,
                event_type=kind[0],
                sub_event_type=kind[1],
                date_start=start,
                date_end=end,
                date_precision=precision,
                where=where,
                killed=killed,
                actors=actors,
                description=values[i_notes].strip(),
                row_hash=digest,
            )

        return parse_values


@lru_cache(maxsize=65536)
def _dates(text: str, precision: str) -> tuple[date, date, str]:
    """A dataset repeats the same few thousand days: each is parsed once (a bad one raises)."""
    return acled_dates(parse_day("event_date", text), precision.strip())


def _category(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() and 1 <= int(text) <= 8 else None


register_importer(AcledImporter())
