from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from sulh.access.policy import events_for_user
from sulh.actors.models import Actor
from sulh.actors.search import find_actors


@login_required
def actor_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    actors = [a for a, _score in find_actors(query, 50)] if query else Actor.objects.all()[:500]
    return render(request, "actors/list.html", {"actors": actors, "query": query})


@login_required
def actor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor, pk=pk)
    events = (
        events_for_user(request.user)
        .filter(actor_roles__actor=actor)
        .distinct()
        .select_related("place")
    )
    roles = {}
    for row in actor.event_roles.all():
        roles.setdefault(row.event_id, []).append(row.role)
    return render(
        request, "actors/detail.html", {"actor": actor, "events": events[:200], "roles": roles}
    )
