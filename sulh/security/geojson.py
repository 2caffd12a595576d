"""Map-ready GeoJSON (RFC 7946) of checkpoints and aid movements, built from the public shapes
so the same redaction applies: partners get sensitive sites at their sub-district, and no source
appears beyond its safe description."""

from typing import Any

from sulh.security.public import aid_public, checkpoint_public


def _point(place: dict | None) -> dict | None:
    if not place or place.get("longitude") is None or place.get("latitude") is None:
        return None
    # RFC 7946 positions are [longitude, latitude].
    return {"type": "Point", "coordinates": [place["longitude"], place["latitude"]]}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def _sources(data: dict) -> list[str]:
    return [s["safe_description"] for s in data["sources"]]


def checkpoints_geojson(checkpoints: Any, user: Any) -> dict:
    features = []
    for c in checkpoints:
        data = checkpoint_public(c, user)
        place = data["place"]
        features.append(
            {
                "type": "Feature",
                "id": f"checkpoint-{c.pk}",
                "geometry": _point(place),
                "properties": {
                    "kind": "checkpoint",
                    "name": data["name"],
                    "name_ar": data["name_ar"],
                    "status": data["status"],
                    "since": data["since"],
                    "manned_by": (data["manned_by"] or {}).get("name_en"),
                    "set_up_by": (data["set_up_by"] or {}).get("name_en"),
                    "programme": (data["programme"] or {}).get("name"),
                    "place": place["name_en"] if place else None,
                    "coarsened": bool(place and place["coarsened"]),
                    "events": [e["id"] for e in data["events"]],
                    "sources": _sources(data),
                    "url": data["url"],
                },
            }
        )
    return _collection(features)


def aid_geojson(movements: Any, user: Any) -> dict:
    """One feature per movement (a line origin -> destination, a point when only one end is
    known), and one point where a blocked movement was stopped."""
    features = []
    for a in movements:
        data = aid_public(a, user)
        ends = [p for p in (_point(data["origin"]), _point(data["destination"])) if p]
        if len(ends) == 2 and ends[0] != ends[1]:
            geometry = {"type": "LineString", "coordinates": [e["coordinates"] for e in ends]}
        else:
            geometry = ends[0] if ends else None
        props = {
            "kind": "aid_movement",
            "name": data["name"],
            "name_ar": data["name_ar"],
            "date": data["date"],
            "status": data["status"],
            "cargo": data["cargo"],
            "origin": (data["origin"] or {}).get("name_en"),
            "destination": (data["destination"] or {}).get("name_en"),
            "escorted_by": (data["escorted_by"] or {}).get("name_en"),
            "blocked_by": (data["blocked_by"] or {}).get("name_en"),
            "blocked_at": (data["blocked_at"] or {}).get("name_en"),
            "retry_of": data["retry_of"],
            "sources": _sources(data),
            "url": data["url"],
        }
        features.append(
            {"type": "Feature", "id": f"aid-{a.pk}", "geometry": geometry, "properties": props}
        )
        if data["blocked_at"]:
            features.append(
                {
                    "type": "Feature",
                    "id": f"aid-{a.pk}-blocked",
                    "geometry": _point(data["blocked_at"]),
                    "properties": {**props, "kind": "aid_blocked_at"},
                }
            )
    return _collection(features)
