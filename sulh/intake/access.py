"""Who may use intake, built on sulh.access.policy: writers only (partners never), and a person
limited to some areas sees and accepts only proposals placed in them (or placed nowhere yet)."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from sulh.access.policy import area_q, can_write, sees_everywhere


def can_use_intake(user: Any) -> bool:
    return can_write(user)


def proposals_for_user(user: Any) -> QuerySet:
    from sulh.intake.models import ExtractionProposal

    if not can_use_intake(user):
        return ExtractionProposal.objects.none()
    return ExtractionProposal.objects.filter(area_q(user, "place"))


def get_proposal_for_user(user: Any, pk: int) -> Any:
    proposal = proposals_for_user(user).select_related("report", "place").filter(pk=pk).first()
    if proposal is None:
        raise Http404("No such proposal")
    return proposal


def place_in_areas(user: Any, place: Any) -> bool:
    if place is None or sees_everywhere(user):
        return True
    for area in user.areas.all():
        level = area.admin_level
        if place.pk == area.pk or (level and getattr(place, f"adm{level}_id") == area.pk):
            return True
    return False
