from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sulh.access.policy import events_for_user
from sulh.actors.models import Actor
from sulh.actors.search import find_actors
from sulh.events.models import EventActor


@login_required
def actor_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    actors = [a for a, _score in find_actors(query, 50)] if query else Actor.objects.all()[:500]
    return render(request, "actors/list.html", {"actors": actors, "query": query})


@login_required
def actor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=pk)
    # A subquery rather than a join: no DISTINCT, so the latest events are read in date order
    # and the reading stops at the page (an actor of a national dataset has tens of thousands).
    named = EventActor.objects.filter(actor=actor).values("event_id")
    events = events_for_user(request.user).filter(pk__in=named).select_related("place")
    # The latest 200; the event list filtered by the actor pages through the rest.
    return render(request, "actors/detail.html", {"actor": actor, "events": events[:200]})
