"""Extractors: text in, proposed events with claims out. A registry, so a better model can be
plugged in later by registering it under a name (``settings.SULH_EXTRACTOR`` picks the default).

The built-in extractor (``builtin``) is registered here like any other; it works offline with the
gazetteer, the actor registry and pinned pure-Python dependencies only.
"""

from collections.abc import Callable
from datetime import date

from sulh.intake.extract.base import Extractor, ProposedEvent

_REGISTRY: dict[str, Callable[[], Extractor]] = {}


def register_extractor(name: str, factory: Callable[[], Extractor]) -> None:
    _REGISTRY[name] = factory


def extractor_names() -> list[str]:
    return sorted(_REGISTRY)


def get_extractor(name: str | None = None) -> Extractor:
    from django.conf import settings

    name = name or getattr(settings, "SULH_EXTRACTOR", "") or "builtin"
    if name not in _REGISTRY:
        raise KeyError(f"no extractor named {name!r} ({', '.join(extractor_names())})")
    return _REGISTRY[name]()


def extract(
    text: str, report_date: date, lang: str = "", extractor: str | None = None
) -> list[ProposedEvent]:
    """Proposals for a text; stores nothing."""
    return get_extractor(extractor).extract(text, report_date, lang)


def _builtin() -> Extractor:
    from sulh.intake.extract.builtin import RuleExtractor

    return RuleExtractor()


register_extractor("builtin", _builtin)

__all__ = ["Extractor", "ProposedEvent", "extract", "get_extractor", "register_extractor"]
