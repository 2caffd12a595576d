"""ACLED's own columns, so tools built for ACLED read sulh's events (and sulh reads them back)."""

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache

from django.utils import translation

from sulh.events.taxonomy import EVENT_TYPES, acled_names
from sulh.exchange.exporters import register_exporter
from sulh.exchange.exporters.base import Exporter, ExportRow, csv_line, csv_lines
from sulh.exchange.formats import ACLED_COLUMNS

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
}


def acled_key(key: str) -> str:
    return key.removeprefix("acled:").replace(":", "-")


# Memoised, as is the place part below: a dataset repeats a few hundred days, a few hundred
# places and one import time per batch (an ACLED row cost about 9 µs before, profiled).
@lru_cache(maxsize=4096)
def acled_date(start: date | None, end: date | None) -> tuple[str, str]:
    """event_date and time_precision: the day, the middle of a week, or the month."""
    if start is None:
        return "", ""
    end = end or start
    span = (end - start).days
    if span == 0:
        return start.isoformat(), "1"
    if span <= 6:
        return (start + timedelta(days=span // 2)).isoformat(), "2"
    return start.isoformat(), "3"


@lru_cache(maxsize=256)
def english_names(event_type: str, sub_event_type: str) -> tuple[str, str]:
    with translation.override("en"):
        return acled_names(event_type, sub_event_type)


@lru_cache(maxsize=4096)
def _timestamp(updated_at: datetime) -> str:
    return str(int(updated_at.timestamp()))


def _where(row: ExportRow) -> tuple[str, str, str, str, str, str]:
    """admin1, admin2, admin3, location, latitude, longitude."""
    place = row.place or {}
    adm1, adm2, adm3 = row.admin
    return (
        adm1.name_en if adm1 else "",
        adm2.name_en if adm2 else "",
        adm3.name_en if adm3 else "",
        place.get("name_en", ""),
        _coordinate(place.get("latitude")),
        _coordinate(place.get("longitude")),
    )


def acled_values(row: ExportRow, places: dict | None = None) -> dict[str, str]:
    """The row's ACLED columns. ``places`` keeps the place part by place for the rows of one
    export (where a place's names and admin units do not change)."""
    etype, sub = english_names(row.event_type, row.sub_event_type)
    first = [a for role, a in row.actors if role in ("perpetrator", "party")]
    second = [a for role, a in row.actors if role in ("target", "party") and a not in first]
    actor1 = first[0] if first else None
    actor2 = second[0] if second else (first[1] if len(first) > 1 else None)
    inter1 = str(actor1.acled_category or "") if actor1 else ""
    inter2 = str(actor2.acled_category or "") if actor2 else ""
    event_date, precision = acled_date(row.date_start, row.date_end)
    if places is None:
        where = _where(row)
    else:
        key = row.place["id"] if row.place else None
        if key not in places:
            places[key] = _where(row)
        where = places[key]
    admin1, admin2, admin3, location, latitude, longitude = where
    violent = EVENT_TYPES.get(row.event_type)
    return {
        "event_id_cnty": acled_key(row.key),
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": precision,
        "disorder_type": DISORDER.get(etype, "Strategic developments"),
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": actor1.name_en if actor1 else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": actor2.name_en if actor2 else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": f"{inter1}{inter2}" if inter1 else "",
        "civilian_targeting": "Civilian targeting"
        if violent and violent.key == "violence_against_civilians"
        else "",
        "iso": "760",
        "region": "Middle East",
        "country": "Syria",
        "admin1": admin1,
        "admin2": admin2,
        "admin3": admin3,
        "location": location,
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": str(row.geo_precision or ""),
        "source": "; ".join(s["safe_description"] for s in row.sources),
        "source_scale": "",
        "notes": row.description,
        "fatalities": str(row.fatalities[1] or 0),
        "tags": "",
        "timestamp": _timestamp(row.updated_at) if row.updated_at else "",
    }


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}"


class AcledExporter(Exporter):
    name = "acled"
    label = "ACLED CSV"
    content_type = "text/csv; charset=utf-8"
    extension = "csv"

    def stream(self, rows: Iterable[ExportRow]) -> Iterator[str]:
        yield csv_line(ACLED_COLUMNS)
        places: dict = {}

        def line(row: ExportRow) -> list[str]:
            values = acled_values(row, places)
            return [values[c] for c in ACLED_COLUMNS]

        yield from csv_lines(map(line, rows))


register_exporter(AcledExporter())
