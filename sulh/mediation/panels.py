"""The cases of a place, on the place's page."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from sulh.access.redact import is_partner
from sulh.mediation.access import cases_for_user
from sulh.places.models import Place
from sulh.places.panels import place_panel


@place_panel(30)
def cases_here(request: HttpRequest, place: Place) -> str:
    """Cases whose areas lie in this place or contain it."""
    if is_partner(request.user):
        return ""
    level = place.admin_level
    inside = {f"areas__adm{level}_id": place.pk} if level else {"areas": place.pk}
    lineage = [p.pk for p in place.lineage()]
    cases = cases_for_user(request.user)
    found = (cases.filter(**inside) | cases.filter(areas__in=lineage)).distinct()
    if not found.exists():
        return ""
    return render_to_string(
        "mediation/_place_panel.html", {"cases": found[:50], "place": place}, request=request
    )
