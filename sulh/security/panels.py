"""The security section of a place's page: checkpoints, transfers, units and aid there."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from sulh.places.models import Place
from sulh.places.panels import place_panel
from sulh.security.access import REGISTERS
from sulh.security.public import PUBLIC
from sulh.security.queries import RegisterFilters, registers

PANEL_ROWS = 50  # a place page stays light; the registers hold the rest


@place_panel(30)
def security_panel(request: HttpRequest, place: Place) -> str:
    here = RegisterFilters(place_id=place.pk)
    found = {}
    for kind, name in [
        ("checkpoint", "checkpoints"),
        ("transfer", "transfers"),
        ("unit", "units"),
        ("aid", "movements"),
    ]:
        rows = registers(request.user, REGISTERS[kind], here)[:PANEL_ROWS]
        found[name] = [PUBLIC[kind](r, request.user) for r in rows]
    if not any(found.values()):
        return ""
    return render_to_string("security/_panel.html", found, request=request)
