"""JSON: every event with its reconciled values and every claim behind them, as the user may see
them (the same shapes as the API)."""

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sulh.exchange.exporters import register_exporter
from sulh.exchange.exporters.base import Exporter, ExportRow


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def event_json(row: ExportRow) -> dict:
    return {
        "id": row.id,
        "key": row.key,
        "title": row.title,
        "title_ar": row.title_ar,
        "event_type": row.event_type,
        "sub_event_type": row.sub_event_type,
        "date_start": row.date_start,
        "date_end": row.date_end,
        "date_precision": row.date_precision,
        "place": row.place,
        "geo_precision": row.geo_precision,
        "fatalities": dict(zip(("low", "best", "high"), row.fatalities, strict=True)),
        "actors": [
            {"role": role, "actor_id": a.pk if a else None, "name": a.name_en if a else "unknown"}
            for role, a in row.actors
        ],
        "sources": row.sources,
        "description": row.description,
        "disputed": row.disputed,
        "claims": row.claims,
    }


class JsonExporter(Exporter):
    name = "json"
    label = "JSON with claims"
    content_type = "application/json"
    extension = "json"
    with_claims = True

    def stream(self, rows: Iterable[ExportRow]) -> Iterator[str]:
        yield '{"events": ['
        first = True
        for row in rows:
            text = json.dumps(event_json(row), ensure_ascii=False, default=_default)
            yield ("" if first else ",\n") + text
            first = False
        yield "]}\n"


register_exporter(JsonExporter())
