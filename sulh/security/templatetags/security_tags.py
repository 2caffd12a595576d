"""Small template helpers: names in the page's language, figures with their ranges."""

from typing import Any

from django import template
from django.utils.translation import get_language, pgettext_lazy

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


QUALIFIERS = {
    "about": pgettext_lazy("approximate number", "about"),
    "nearly": pgettext_lazy("approximate number", "nearly"),
    "at_least": pgettext_lazy("approximate number", "at least"),
    "at_most": pgettext_lazy("approximate number", "at most"),
}


@register.filter
def qualifier(key: str) -> str:
    """The word a source put before a number ("about" 80), in the page's language."""
    return str(QUALIFIERS.get(key, ""))


@register.filter
def signed_range(pair: tuple) -> str:
    """A net flow (low, high), either end possibly unbounded; one number when both agree."""
    low, high = pair
    if low is not None and low == high:
        return f"{low:+,}" if low else "0"
    return f"{'?' if low is None else f'{low:+,}'} … {'?' if high is None else f'{high:+,}'}"
