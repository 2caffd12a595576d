from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sulh.access.policy import events_for_user
from sulh.places.models import Place


@login_required
def home(request: HttpRequest) -> HttpResponse:
    events = events_for_user(request.user)
    context = {
        "recent": events.select_related("place")[:10],
        "disputed": events.filter(disputed=True).select_related("place")[:10],
        "counts": {"events": events.count(), "disputed": events.filter(disputed=True).count()},
    }
    return render(request, "core/home.html", context)


def about(request: HttpRequest) -> HttpResponse:
    counts = {
        kind: Place.objects.filter(kind=kind).count()
        for kind in ("adm1", "adm2", "adm3", "locality")
    }
    return render(request, "core/about.html", {"place_counts": counts})
