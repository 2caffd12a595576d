"""Writes to the gazetteer."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sulh.audit.actions import do_audit
from sulh.places.models import Place, PlaceKind
from sulh.places.search import forget_index

USER_KINDS = {PlaceKind.LOCALITY, PlaceKind.SITE}


@transaction.atomic
def do_add_place(
    user: Any,
    *,
    name_en: str,
    parent: Place,
    name_ar: str = "",
    kind: str = PlaceKind.LOCALITY,
    aliases: list[str] | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    sensitive: bool = False,
    note: str = "",
) -> Place:
    """Add a village or site the gazetteer lacks, under a known unit so area filters find it."""
    errors = {}
    if not (name_en or "").strip() and not (name_ar or "").strip():
        errors["name_en"] = "give the place a name in English or Arabic"
    if kind not in USER_KINDS:
        errors["kind"] = (
            "only towns, villages and sites can be added; admin units come from the gazetteer"
        )
    if parent is None:
        errors["parent"] = "choose the sub-district or district the place lies in"
    if latitude is not None and not 32 <= latitude <= 38:
        errors["latitude"] = "latitude is outside Syria (32 to 38)"
    if longitude is not None and not 35 <= longitude <= 43:
        errors["longitude"] = "longitude is outside Syria (35 to 43)"
    if errors:
        raise ValidationError(errors)
    place = Place(
        name_en=name_en.strip(),
        name_ar=name_ar.strip(),
        aliases=[a.strip() for a in aliases or [] if a.strip()],
        kind=kind,
        parent=parent,
        latitude=latitude if latitude is not None else parent.latitude,
        longitude=longitude if longitude is not None else parent.longitude,
        sensitive=sensitive,
        origin="user",
        note=note,
        added_by=user if getattr(user, "pk", None) else None,
    )
    place.fill_admin_units()
    place.match_keys = place.compute_match_keys()
    place.save()
    do_audit(user, "place.add", place, summary=place.name_en or place.name_ar)
    forget_index()
    return place
