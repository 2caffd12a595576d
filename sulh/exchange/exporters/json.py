"""JSON: every event with its reconciled values and every claim behind them, as the user may see
them (the same shapes as the API)."""

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sulh.exchange.exporters import register_exporter
from sulh.exchange.exporters.base import Exporter, ExportRow, SharedFact


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


class _Text:
    """Events as JSON text, the same as ``json.dumps`` gives (tested). An event's claims are most
    of it, and a compact row's repeat a few facts (``SharedFact``): each fact's text is made once,
    cut where a row's own values go, and filled in for each row. Encoding every claim in full was
    most of a JSON export (profiled)."""

    MARK = "\x00own\x00"

    def __init__(self) -> None:
        self.encode = json.JSONEncoder(ensure_ascii=False, default=_default).encode
        self.cuts: dict[tuple, tuple[list[str], list[str]]] = {}

    def event(self, row: ExportRow) -> str:
        data = event_json(row)
        claims = data["claims"]
        if next(reversed(data)) != "claims" or not any(isinstance(c, SharedFact) for c in claims):
            return self.encode(data)
        head = self.encode({**data, "claims": []})  # ends with the claims' empty list: []}
        # The same recorded_at (and text) object is in several claims of a row: encoded once.
        own: dict[int, str] = {}
        texts = []
        for claim in claims:
            cut = self.cut(claim) if isinstance(claim, SharedFact) else None
            if cut is None:
                texts.append(self.encode(claim))
                continue
            parts, keys = cut
            text = [parts[0]]
            for key, part in zip(keys, parts[1:], strict=True):
                value = claim[key]
                if id(value) not in own:
                    own[id(value)] = self.encode(value)
                text += (own[id(value)], part)
            texts.append("".join(text))
        return f"{head[:-3]}[{', '.join(texts)}]}}"

    def cut(self, claim: SharedFact) -> tuple[list[str], list[str]] | None:
        """The fact's text in parts around the row's own values, and their keys in order."""
        if claim.fact not in self.cuts:
            keys = [key for key in claim if key in claim.own]
            marked = self.encode({**claim, **dict.fromkeys(keys, self.MARK)})
            parts = marked.split(self.encode(self.MARK))
            if len(parts) != len(keys) + 1:  # the mark is in the fact itself: not cached
                return None
            if len(self.cuts) > 100_000:  # bounded whatever the data
                self.cuts.clear()
            self.cuts[claim.fact] = (parts, keys)
        return self.cuts[claim.fact]


class JsonExporter(Exporter):
    name = "json"
    label = "JSON with claims"
    content_type = "application/json"
    extension = "json"
    with_claims = True

    def stream(self, rows: Iterable[ExportRow]) -> Iterator[str]:
        yield '{"events": ['
        first = True
        encoder = _Text()
        for row in rows:
            yield ("" if first else ",\n") + encoder.event(row)
            first = False
        yield "]}\n"


register_exporter(JsonExporter())
