"""Map-ready GeoJSON (RFC 7946) of events and of the gazetteer's points, built from the shared
redaction policy: an event is what ``event_columns_public`` gives this user, so partners see a
sensitive place at its sub-district, and no source appears at all."""

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from sulh.access.redact import event_columns_public
from sulh.events.taxonomy import EVENT_TYPES
from sulh.places.models import Place
from sulh.reports.dashboard import DashboardFilters, events_in, total

MAP_LIMIT = 2000


def _collection(features: list[dict], **extra: Any) -> dict:
    return {"type": "FeatureCollection", "features": features, **extra}


def events_geojson(user: Any, filters: DashboardFilters, limit: int = MAP_LIMIT) -> dict:
    """The most recent ``limit`` located events under the filters, with the filtered total."""
    events = (
        events_in(user, filters)
        .filter(latitude__isnull=False)
        # Places by prefetch, not a join: with joins SQLite sorts every matching event before
        # taking the latest, instead of walking the date index (0.38 s -> 0.07 s at 200,000).
        .prefetch_related("place__adm1", "place__adm2", "place__adm3")
        .order_by("-date_start", "-id")[:limit]
    )
    features = []
    for event in events:
        data = event_columns_public(event, user)
        if data["latitude"] is None:
            continue
        etype = EVENT_TYPES.get(data["event_type"])
        place = data["place"] or {}
        features.append(
            {
                "type": "Feature",
                "id": f"event-{data['id']}",
                "geometry": {"type": "Point", "coordinates": [data["longitude"], data["latitude"]]},
                "properties": {
                    "kind": "event",
                    "title": event.display_title(),
                    "event_type": data["event_type"],
                    "type_label": str(etype.label) if etype else data["event_type"],
                    "date": data["date_start"].isoformat() if data["date_start"] else None,
                    "date_end": data["date_end"].isoformat() if data["date_end"] else None,
                    "place": place.get("name_en", ""),
                    "place_ar": place.get("name_ar", ""),
                    "geo_precision": data["geo_precision"],
                    "fatalities": data["fatalities"],
                    "disputed": data["disputed"],
                    "url": reverse("events:detail", args=[data["id"]]),
                },
            }
        )
    return _collection(features, total=total(user, filters).events)


def places_geojson(kinds: tuple[str, ...] = ("adm1", "adm2", "adm3", "locality")) -> dict:
    """The map's base layer without a tile server: admin centres and places, never a sensitive
    one (a sensitive village is the kind of place a partner must not see pinned)."""
    places: QuerySet = Place.objects.filter(
        kind__in=kinds, sensitive=False, latitude__isnull=False, longitude__isnull=False
    ).only("pk", "name_en", "name_ar", "kind", "latitude", "longitude")
    features = [
        {
            "type": "Feature",
            "id": f"place-{p.pk}",
            "geometry": {"type": "Point", "coordinates": [p.longitude, p.latitude]},
            "properties": {"name": p.display_name(), "kind": p.kind},
        }
        for p in places
    ]
    return _collection(features)
