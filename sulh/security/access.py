"""Who sees which register rows: the area scope of sulh.access.policy applied to every place a
row touches, and one 404 for rows a user may not see."""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from sulh.access.policy import area_q, can_write, is_active
from sulh.security.models import (
    AidMovement,
    ArmedUnit,
    Checkpoint,
    CheckpointProgramme,
    Register,
    WeaponsTransfer,
)

# The places a row of each register touches; a row is in scope when any of them is.
PLACE_PATHS: dict[type[Register], tuple[str, ...]] = {
    CheckpointProgramme: ("place",),
    Checkpoint: ("place",),
    WeaponsTransfer: ("place",),
    ArmedUnit: ("place",),
    AidMovement: ("origin_place", "destination_place", "blocked_at"),
}
REGISTERS: dict[str, type[Register]] = {
    "programme": CheckpointProgramme,
    "checkpoint": Checkpoint,
    "transfer": WeaponsTransfer,
    "unit": ArmedUnit,
    "aid": AidMovement,
}


def scope_q(user: Any, paths: tuple[str, ...]) -> Q:
    """Rows with no place at all, or with any of their places in the user's areas."""
    if len(paths) == 1:
        return area_q(user, paths[0])
    q = Q()
    for path in paths:
        q &= Q(**{f"{path}__isnull": True})
    for path in paths:
        q |= area_q(user, path) & Q(**{f"{path}__isnull": False})
    return q


def registers_for_user(user: Any, model: type[Register]) -> QuerySet:
    if not is_active(user):
        return model.objects.none()
    return model.objects.filter(scope_q(user, PLACE_PATHS[model]))


def get_register_for_user(user: Any, model: type[Register], pk: int) -> tuple[Any, bool]:
    """The row and whether the user may add to it; a 404 when it is not theirs to see."""
    record = registers_for_user(user, model).filter(pk=pk).first()
    if record is None:
        raise Http404("No such record")
    return record, can_write(user)
