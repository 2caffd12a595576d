from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sulh.access.policy import can_manage_gazetteer, events_for_user
from sulh.events.queries import place_scope
from sulh.places.actions import do_add_place
from sulh.places.forms import PlaceForm
from sulh.places.models import Place
from sulh.places.panels import render_place_panels
from sulh.places.search import find_places


@login_required
def place_search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    matches = find_places(query, limit=20) if query else []
    return render(request, "places/search.html", {"query": query, "matches": matches})


@login_required
def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(Place.objects.select_related("parent"), pk=pk)
    events = events_for_user(request.user).filter(place_scope(place)).select_related("place")
    return render(
        request,
        "places/detail.html",
        {
            "place": place,
            "events": events[:200],
            "event_count": events.count(),
            "children": place.children.order_by("name_en")[:300],
            "panels": render_place_panels(request, place),
        },
    )


@login_required
def place_add(request: HttpRequest) -> HttpResponse:
    if not can_manage_gazetteer(request.user):
        raise PermissionDenied
    form = PlaceForm(request.POST or None, initial={"parent": request.GET.get("parent")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        aliases = [a for a in data.pop("aliases", "").split(",") if a.strip()]
        try:
            place = do_add_place(request.user, aliases=aliases, **data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("Place added to the gazetteer."))
            return redirect("places:detail", pk=place.pk)
    return render(request, "places/form.html", {"form": form})
