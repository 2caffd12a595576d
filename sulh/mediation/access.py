"""Who sees which case. A case is visible to its mediators, to administrators, and to users whose
areas cover one of its areas; partners see cases only as redacted briefs."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from sulh.access.policy import area_q, can_write, is_active, sees_everywhere
from sulh.access.redact import is_partner
from sulh.mediation.models import Case


def cases_for_user(user: Any) -> QuerySet[Case]:
    if not is_active(user):
        return Case.objects.none()
    if sees_everywhere(user):
        return Case.objects.all()
    # area_q also lets through records without a place: a case with no areas is everyone's.
    visible = area_q(user, "areas") | Q(mediators=user)
    return Case.objects.filter(pk__in=Case.objects.filter(visible).values("pk"))


def get_case_for_user(user: Any, pk: int) -> tuple[Case, bool]:
    """The case and whether the user may record in it; the same 404 whether it exists or not."""
    case = cases_for_user(user).filter(pk=pk).first()
    if case is None:
        raise Http404("No such case")
    return case, can_write(user)


def get_case_page_for_user(user: Any, pk: int) -> tuple[Case, bool]:
    """The full case (sources, notes, contacts); partners are limited to the brief."""
    case, writable = get_case_for_user(user, pk)
    if is_partner(user):
        raise PermissionDenied
    return case, writable


def get_writable_case_for_user(user: Any, pk: int) -> Case:
    case, writable = get_case_page_for_user(user, pk)
    if not writable:
        raise PermissionDenied
    return case
