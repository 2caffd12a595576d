"""Who may see and change what. Every view, API route, export and command asks here.

The one redaction policy lives in ``sulh.access.redact``; this module answers yes/no questions and
hands out querysets already limited to what a user may see.
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from sulh.accounts.models import Role

WRITER_ROLES = {Role.ADMINISTRATOR, Role.MEDIATOR, Role.ANALYST, Role.DOCUMENTER, Role.COORDINATOR}


def is_active(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_write(user: Any) -> bool:
    return is_active(user) and (user.is_superuser or user.role in WRITER_ROLES)


def can_see_report_text(user: Any) -> bool:
    return is_active(user) and user.role != Role.PARTNER


def can_see_identity(user: Any) -> bool:
    return is_active(user) and user.role != Role.PARTNER and bool(user.source_clearance)


def can_manage_gazetteer(user: Any) -> bool:
    return can_write(user)


def sees_everywhere(user: Any) -> bool:
    """Administrators, and users given no areas (national analysts, partners), see every area."""
    if user.is_superuser or user.role == Role.ADMINISTRATOR:
        return True
    return not user.areas.exists()


def area_q(user: Any, place_path: str = "place") -> Q:
    """Records whose place (reached by ``place_path``) lies in the user's areas, or has no place."""
    if not is_active(user):
        return Q(pk__in=[])
    if sees_everywhere(user):
        return Q()
    q = Q(**{f"{place_path}__isnull": True})
    for area in user.areas.all():
        level = area.admin_level
        key = f"{place_path}__adm{level}_id" if level else f"{place_path}_id"
        q |= Q(**{key: area.pk})
    return q


def events_for_user(user: Any) -> QuerySet:
    from sulh.events.models import Event

    if not is_active(user):
        return Event.objects.none()
    if sees_everywhere(user):
        return Event.objects.all()
    # Events carry their admin units, so the scope is a filter on the event table itself.
    q = Q(place__isnull=True)
    for area in user.areas.all():
        level = area.admin_level
        q |= Q(**{f"adm{level}_id": area.pk}) if level else Q(place_id=area.pk)
    return Event.objects.filter(q)


def get_event_for_user(user: Any, pk: int) -> tuple[Any, bool]:
    """The event and whether the user may add to it; a 404 when it is not theirs to see."""
    event = events_for_user(user).filter(pk=pk).first()
    if event is None:
        raise Http404("No such event")
    return event, can_write(user)


def reports_for_user(user: Any) -> QuerySet:
    from sulh.sources.models import Report

    if not can_see_report_text(user):
        return Report.objects.none()
    return Report.objects.all()


def get_report_for_user(user: Any, pk: int) -> Any:
    report = reports_for_user(user).filter(pk=pk).first()
    if report is None:
        raise Http404("No such report")
    return report


def can_read_audit(user: Any) -> bool:
    """The audit log is for administrators only."""
    return is_active(user) and (user.is_superuser or user.role == Role.ADMINISTRATOR)
