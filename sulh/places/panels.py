"""Extension point: apps add sections to a place's page (checkpoints there, cases there...).

A panel is a function ``(request, place) -> str`` returning rendered HTML ("" to show nothing),
registered with ``@place_panel(order)`` in the app's ``AppConfig.ready``.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from sulh.places.models import Place

Panel = Callable[[HttpRequest, Place], str]
_PANELS: list[tuple[int, Panel]] = []


def place_panel(order: int) -> Callable[[Panel], Panel]:
    def register(panel: Panel) -> Panel:
        if panel not in [p for _o, p in _PANELS]:
            _PANELS.append((order, panel))
        return panel

    return register


def render_place_panels(request: HttpRequest, place: Place) -> list[SafeString]:
    rendered = (panel(request, place) for _order, panel in sorted(_PANELS, key=lambda p: p[0]))
    return [mark_safe(html) for html in rendered if html]  # noqa: S308 - panels render templates
