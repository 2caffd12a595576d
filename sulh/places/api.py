from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from sulh.access.policy import can_manage_gazetteer
from sulh.access.redact import place_public
from sulh.places.actions import do_add_place
from sulh.places.models import Place
from sulh.places.search import find_places

router = Router(tags=["places"])
routes = [("/places", router)]


class PlaceOut(Schema):
    id: int
    name_en: str
    name_ar: str
    kind: str
    pcode: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    coarsened: bool = False


class PlaceMatchOut(PlaceOut):
    score: float
    matched: str


class PlaceIn(Schema):
    name_en: str = Field(..., max_length=200)
    name_ar: str = Field("", max_length=200)
    parent_id: int
    kind: str = "locality"
    aliases: list[str] = []
    latitude: float | None = None
    longitude: float | None = None
    sensitive: bool = False


@router.get("", response=list[PlaceOut])
@paginate
def list_places(request: HttpRequest, q: str = "", kind: str = "", parent_id: int | None = None):
    if q:
        return [
            place_public(m.place, request.user)
            for m in find_places(q, limit=50)
            if not kind or m.place.kind == kind
        ]
    places = Place.objects.all()
    if kind:
        places = places.filter(kind=kind)
    if parent_id:
        places = places.filter(parent_id=parent_id)
    return [place_public(p, request.user) for p in places.select_related("adm1", "adm2", "adm3")]


@router.get("/search", response=list[PlaceMatchOut])
def search_places(request: HttpRequest, q: str, limit: int = Query(10, ge=1, le=50)):
    return [
        {**place_public(m.place, request.user), "score": m.score, "matched": m.matched}
        for m in find_places(q, limit=min(limit, 50))
    ]


@router.get("/{place_id}", response=PlaceOut)
def get_place(request: HttpRequest, place_id: int):
    return place_public(get_object_or_404(Place, pk=place_id), request.user)


@router.post("", response={201: PlaceOut, 403: dict})
def create_place(request: HttpRequest, payload: PlaceIn):
    if not can_manage_gazetteer(request.user):
        return Status(403, {"detail": "your role cannot add places"})
    parent = Place.objects.filter(pk=payload.parent_id).first()
    if parent is None:
        raise ValidationError({"parent_id": f"no place with id {payload.parent_id}"})
    data = payload.dict(exclude={"parent_id"})
    place = do_add_place(request.user, parent=parent, **data)
    return Status(201, place_public(place, request.user))
