from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from sulh.access.policy import can_write
from sulh.actors.actions import do_create_actor
from sulh.actors.models import Actor
from sulh.actors.search import find_actors

router = Router(tags=["actors"])
routes = [("/actors", router)]


class ActorOut(Schema):
    id: int
    name_en: str
    name_ar: str
    aliases: list[str]
    kind: str
    acled_category: int | None
    parent_id: int | None
    role: str
    place_id: int | None


class ActorIn(Schema):
    name_en: str = Field(..., max_length=200)
    name_ar: str = Field("", max_length=200)
    kind: str
    aliases: list[str] = []
    acled_category: int | None = Field(None, ge=1, le=8)
    parent_id: int | None = None
    role: str = Field("", max_length=120)
    place_id: int | None = None
    description: str = ""


@router.get("", response=list[ActorOut])
@paginate
def list_actors(request: HttpRequest, q: str = "", kind: str = ""):
    if q:
        return [
            actor for actor, _score in find_actors(q, limit=50) if not kind or actor.kind == kind
        ]
    actors = Actor.objects.all()
    return actors.filter(kind=kind) if kind else actors


@router.get("/{actor_id}", response=ActorOut)
def get_actor(request: HttpRequest, actor_id: int):
    return get_object_or_404(Actor, pk=actor_id)


@router.post("", response={201: ActorOut, 403: dict})
def create_actor(request: HttpRequest, payload: ActorIn):
    from sulh.places.models import Place

    if not can_write(request.user):
        return Status(403, {"detail": "your role cannot add actors"})
    parent = place = None
    if payload.parent_id is not None:
        parent = Actor.objects.filter(pk=payload.parent_id).first()
        if parent is None:
            raise ValidationError({"parent_id": f"no actor with id {payload.parent_id}"})
    if payload.place_id is not None:
        place = Place.objects.filter(pk=payload.place_id).first()
        if place is None:
            raise ValidationError({"place_id": f"no place with id {payload.place_id}"})
    data = payload.dict(exclude={"parent_id", "place_id"})
    return Status(201, do_create_actor(request.user, parent=parent, place=place, **data))
