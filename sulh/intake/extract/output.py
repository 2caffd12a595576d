"""The JSON shape ``sulh extract`` prints and the dry-run API returns (the issue's contract)."""

from typing import Any

from sulh.intake.extract.base import ProposedEvent


def location_json(place_id: int | None) -> dict[str, Any] | None:
    from sulh.places.models import Place

    place = Place.objects.filter(pk=place_id).first() if place_id else None
    if place is None:
        return None
    return {
        "name": place.name_en or place.name_ar,
        "geonames_id": place.geonames_id,
        "pcode": place.pcode or (place.adm3.pcode if place.adm3_id else None),
        "lat": place.latitude,
        "lon": place.longitude,
    }


def event_json(event: ProposedEvent) -> dict[str, Any]:
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": {"start": event.date.start.isoformat(), "end": event.date.end.isoformat()}
        if event.date
        else None,
        "location": location_json(event.place_id),
        "actors": [a.name for a in event.actors],
        "counts": [
            {"what": c.what, "low": c.value.low, "best": c.value.best, "high": c.value.high}
            for c in event.counts
        ],
        "span": list(event.span),
    }


def events_json(events: list[ProposedEvent]) -> dict[str, Any]:
    return {"events": [event_json(e) for e in events]}
