"""Exports as a stream of text, the same for the command line, the API and the web page."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from sulh.events.queries import EventFilters
from sulh.events.taxonomy import EVENT_TYPES
from sulh.exchange.actions import do_record_export
from sulh.exchange.exporters import EXPORTERS, Exporter, get_exporter
from sulh.exchange.exporters.base import export_rows
from sulh.places.models import Place
from sulh.places.search import best_place


@dataclass
class ExportRequest:
    format: str
    area: str = ""
    date_from: date | None = None
    date_to: date | None = None
    event_type: str = ""

    def described(self) -> dict[str, Any]:
        """The filters as the audit log records them."""
        return {
            "area": self.area,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "type": self.event_type,
        }


def find_area(text: str) -> Place:
    """A place by P-code (SY1006), id or name in either script; a ValidationError otherwise."""
    text = text.strip()
    place = Place.objects.filter(pcode__iexact=text).first()
    if place is None and text.isdigit():
        place = Place.objects.filter(pk=int(text)).first()
    if place is None:
        place = best_place(text)
    if place is None:
        raise ValidationError({"area": f"no place matches {text!r}"})
    return place


def check(request: ExportRequest) -> tuple[Exporter, EventFilters]:
    errors = {}
    if request.format not in EXPORTERS:
        errors["format"] = f"{request.format!r} is not one of {', '.join(sorted(EXPORTERS))}"
    if request.event_type and request.event_type not in EVENT_TYPES:
        errors["type"] = f"{request.event_type!r} is not an event type"
    if request.date_from and request.date_to and request.date_from > request.date_to:
        errors["to"] = "the end date is before the start date"
    if errors:
        raise ValidationError(errors)
    area = find_area(request.area) if request.area else None
    filters = EventFilters(
        date_from=request.date_from,
        date_to=request.date_to,
        place_id=area.pk if area else None,
        event_type=request.event_type,
    )
    return get_exporter(request.format), filters


def export_stream(user: Any, request: ExportRequest) -> Iterator[str]:
    """The export as text chunks, redacted for ``user``; audited once the stream ends."""
    exporter, filters = check(request)

    def stream() -> Iterator[str]:
        count = 0

        def counted():
            nonlocal count
            for row in export_rows(user, filters, exporter.with_claims):
                count += 1
                yield row

        try:
            yield from exporter.stream(counted())
        finally:
            do_record_export(user, request.format, request.described(), count)

    return stream()
