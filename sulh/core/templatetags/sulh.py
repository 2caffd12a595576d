"""Template helpers that apply the redaction policy where templates hold model objects."""

from typing import Any

from django import template
from django.utils.translation import get_language

from sulh.access.redact import place_public

register = template.Library()


@register.simple_tag(takes_context=True)
def place_shown(context: dict, place: Any) -> dict | None:
    """The place as the current user may see it (partners see a sensitive place's sub-district)."""
    request = context.get("request")
    shown = place_public(place, getattr(request, "user", None))
    if shown:
        arabic = (get_language() or "en").startswith("ar")
        shown["name"] = shown["name_ar"] if arabic and shown["name_ar"] else shown["name_en"]
    return shown
