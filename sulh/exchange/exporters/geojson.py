"""GeoJSON (RFC 7946): one Point feature per located event, for Leaflet, MapLibre or QGIS."""

import json
from collections.abc import Iterable, Iterator

from sulh.exchange.exporters import register_exporter
from sulh.exchange.exporters.base import Exporter, ExportRow


def feature(row: ExportRow) -> dict:
    place = row.place or {}
    return {
        "type": "Feature",
        "id": row.id,
        # RFC 7946 puts longitude first.
        "geometry": {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]},
        "properties": {
            "key": row.key,
            "title": row.title,
            "title_ar": row.title_ar,
            "event_type": row.event_type,
            "sub_event_type": row.sub_event_type,
            "date_start": row.date_start.isoformat() if row.date_start else None,
            "date_end": row.date_end.isoformat() if row.date_end else None,
            "place": place.get("name_en"),
            "place_ar": place.get("name_ar"),
            "geo_precision": row.geo_precision,
            "coarsened": place.get("coarsened", False),
            "fatalities_low": row.fatalities[0],
            "fatalities_best": row.fatalities[1],
            "fatalities_high": row.fatalities[2],
            "disputed": row.disputed,
            "sources": [s["safe_description"] for s in row.sources],
        },
    }


class GeoJsonExporter(Exporter):
    name = "geojson"
    label = "GeoJSON"
    content_type = "application/geo+json"
    extension = "geojson"

    def stream(self, rows: Iterable[ExportRow]) -> Iterator[str]:
        yield '{"type": "FeatureCollection", "features": ['
        first = True
        for row in rows:
            if not row.place or row.place.get("latitude") is None:
                continue
            yield ("" if first else ",\n") + json.dumps(feature(row), ensure_ascii=False)
            first = False
        yield "]}\n"


register_exporter(GeoJsonExporter())
