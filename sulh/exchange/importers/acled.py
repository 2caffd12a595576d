"""ACLED's CSV export (the 2023 column set in sulh/exchange/data/acled_columns.txt)."""

import calendar
from datetime import date
from functools import lru_cache

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
        key = row["event_id_cnty"].strip()
        if not key:
            raise RowError("event_id_cnty", "every row needs its ACLED event id")
        etype = TYPE_KEYS.get(row["event_type"].strip().lower())
        if etype is None:
            raise RowError("event_type", f"{row['event_type']!r} is not an ACLED event type")
        if self.subs is None:
            self.subs = _sub_keys()
        sub = _sub_key(self.subs, etype, row["sub_event_type"])
        start, end, precision = _dates(row["event_date"], row.get("time_precision", ""))
        killed = parse_count("fatalities", row["fatalities"])
        lat = parse_coordinate("latitude", row.get("latitude", ""), 90)
        lon = parse_coordinate("longitude", row.get("longitude", ""), 180)
        level = GEO_LEVEL.get(row.get("geo_precision", "").strip() or "1")
        if level is None:
            raise RowError("geo_precision", f"{row['geo_precision']!r} is not 1, 2 or 3")
        admin = (row.get("admin1", ""), row.get("admin2", ""), row.get("admin3", ""))
        location = row.get("location", "").strip()
        where = places.match(admin, location, lat, lon, level)
        actors = distinct_actors(
            [
                (row.get(f"actor{n}", "").strip(), _category(row.get(f"inter{n}", "")))
                for n in (1, 2)
            ]
        )
        sub_label = row["sub_event_type"].strip()
        return Parsed(
            key=f"acled:{key}",
            title=f"{sub_label} in {location}" if location else sub_label,
            event_type=etype.key,
            sub_event_type=sub,
            date_start=start,
            date_end=end,
            date_precision=precision,
            where=where,
            killed=parse_range(killed, killed, killed),
            actors=actors,
            description=row.get("notes", "").strip(),
            row_hash=row_hash(list(row.values())),
        )


@lru_cache(maxsize=65536)
def _dates(text: str, precision: str) -> tuple[date, date, str]:
    """A dataset repeats the same few thousand days: each is parsed once (a bad one raises)."""
    return acled_dates(parse_day("event_date", text), precision.strip())


def _category(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() and 1 <= int(text) <= 8 else None


register_importer(AcledImporter())
