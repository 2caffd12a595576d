"""UCDP's Georeferenced Event Dataset (GED) CSV, as downloaded from ucdp.uu.se."""

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
)
from sulh.exchange.placeindex import PlaceIndex

# type_of_violence: 1 state-based, 2 non-state, 3 one-sided (GED codebook 19.1).
VIOLENCE = {
    "1": ("battles", "armed_clash", "Armed clash (state-based conflict)"),
    "2": ("battles", "armed_clash", "Armed clash (non-state conflict)"),
    "3": ("violence_against_civilians", "attack", "Attack on civilians (one-sided violence)"),
}
# where_prec: 1 exact place, 2 within about 25 km, 3 second-order admin unit, 4 first-order,
# 5 a linear or unclear feature, 6 the country, 7 international waters or airspace.
WHERE_LEVEL = {"1": "locality", "2": "adm3", "3": "adm2", "4": "adm1", "5": "adm1"}
# date_prec: 1 exact day, 2 within 2-6 days, 3 within a week, 4 a month, 5 a longer period.
DATE_PRECISION = {"1": "day", "2": "range", "3": "week", "4": "month", "5": "year"}


class UcdpImporter(Importer):
    name = "ucdp"
    label = "UCDP GED"
    source_description = "UCDP Georeferenced Event Dataset (Uppsala University), dataset"
    source_description_ar = "قاعدة بيانات الأحداث المحددة جغرافياً لبرنامج أوبسالا (UCDP)"
    reliability = "B"
    required = (
        "id", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates",
        "adm_1", "adm_2", "latitude", "longitude", "date_prec", "date_start", "date_end",
        "low", "best", "high",
    )  # fmt: skip

    def parse(self, row: dict[str, str], places: PlaceIndex) -> Parsed:
        key = row["id"].strip()
        if not key:
            raise RowError("id", "every row needs its UCDP id")
        violence = VIOLENCE.get(row["type_of_violence"].strip())
        if violence is None:
            raise RowError("type_of_violence", f"{row['type_of_violence']!r} is not 1, 2 or 3")
        start = parse_day("date_start", row["date_start"])
        end = parse_day("date_end", row["date_end"] or row["date_start"])
        if end < start:
            raise RowError("date_end", "the event ends before it starts")
        precision = DATE_PRECISION.get(row["date_prec"].strip())
        if precision is None:
            raise RowError("date_prec", f"{row['date_prec']!r} is not 1 to 5")
        if precision == "day" and start != end:
            precision = "range"
        low, best, high = (parse_count(name, row[name]) for name in ("low", "best", "high"))
        # About one row in 160 of UCDP's Syria file has high below low or best (e.g. 8/8/7);
        # the range is widened to hold all three estimates rather than the row rejected.
        killed = parse_range(min(low, best, high), best, max(low, best, high))
        lat = parse_coordinate("latitude", row["latitude"], 90)
        lon = parse_coordinate("longitude", row["longitude"], 180)
        where_prec = row["where_prec"].strip()
        if where_prec not in WHERE_LEVEL and where_prec not in ("6", "7"):
            raise RowError("where_prec", f"{where_prec!r} is not 1 to 7")
        level = WHERE_LEVEL.get(where_prec)
        location = row["where_coordinates"].strip()
        where = None
        if level:
            where = places.match((row["adm_1"], row["adm_2"], ""), location, lat, lon, level)
        etype, sub, label = violence
        return Parsed(
            key=f"ucdp:{key}",
            title=f"{label} in {location}" if location else label,
            event_type=etype,
            sub_event_type=sub,
            date_start=start,
            date_end=end,
            date_precision=precision,
            where=where,
            killed=killed,
            actors=distinct_actors([(row[s].strip(), None) for s in ("side_a", "side_b")]),
            description=(row.get("source_headline") or "").strip(),
            row_hash=row_hash(list(row.values())),
        )


register_importer(UcdpImporter())
