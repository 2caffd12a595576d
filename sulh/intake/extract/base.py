"""What an extractor returns: proposed events, each with the spans of text its values came from."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sulh.lib.dates import DateSpan
from sulh.lib.numbers import NumberRange

Span = tuple[int, int]


@dataclass
class ProposedCount:
    what: str  # a count field of an event: killed, injured, armed_men, amount ...
    value: NumberRange
    span: Span


@dataclass
class ProposedActor:
    actor_id: int
    name: str
    role: str  # perpetrator, target, party
    span: Span


@dataclass
class ProposedEvent:
    event_type: str
    sub_event_type: str
    span: Span
    date: DateSpan | None = None
    date_span: Span | None = None
    place_id: int | None = None
    place_span: Span | None = None
    actors: list[ProposedActor] = field(default_factory=list)
    counts: list[ProposedCount] = field(default_factory=list)
    attribution: str = ""
    attribution_span: Span | None = None
    trigger: str = ""

    def as_data(self) -> dict[str, Any]:
        """A JSON-safe form kept with a stored proposal (ids, values and spans)."""
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "span": list(self.span),
            "date": _date_data(self.date),
            "date_span": list(self.date_span) if self.date_span else None,
            "place_id": self.place_id,
            "place_span": list(self.place_span) if self.place_span else None,
            "actors": [
                {"id": a.actor_id, "name": a.name, "role": a.role, "span": list(a.span)}
                for a in self.actors
            ],
            "counts": [
                {
                    "what": c.what,
                    "low": c.value.low,
                    "best": c.value.best,
                    "high": c.value.high,
                    "qualifier": c.value.qualifier,
                    "span": list(c.span),
                }
                for c in self.counts
            ],
            "attribution": self.attribution,
            "attribution_span": list(self.attribution_span) if self.attribution_span else None,
            "trigger": self.trigger,
        }


def _date_data(span: DateSpan | None) -> dict | None:
    if span is None:
        return None
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
    }


class Extractor(Protocol):
    name: str

    def extract(self, text: str, report_date: date, lang: str = "") -> list[ProposedEvent]: ...
