"""Small template helpers: names in the page's language, figures with their ranges."""

from typing import Any

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def local(obj: Any) -> str:
    """The Arabic name of a public dict (name/name_ar, name_en/name_ar, safe_description...)
    on Arabic pages, the English one otherwise."""
    if not obj:
        return ""
    arabic = (get_language() or "en").startswith("ar")
    for en, ar in (
        ("name", "name_ar"),
        ("name_en", "name_ar"),
        ("safe_description", "safe_description_ar"),
        ("title", "title_ar"),
    ):
        if en in obj:
            return (obj.get(ar) if arabic and obj.get(ar) else obj.get(en)) or obj.get(ar) or ""
    return str(obj)


@register.filter
def lookup(mapping: dict, key: str) -> Any:
    return (mapping or {}).get(key)


@register.filter
def direction_label(key: str) -> str:
    from sulh.security.models import Direction

    return str(Direction(key).label) if key in Direction.values else key
