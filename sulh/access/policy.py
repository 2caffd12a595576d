"""Who may see and change what. Every view, API route, export and command asks here.

The one redaction policy lives in ``sulh.access.redact``; this module answers yes/no questions and
hands out querysets already limited to what a user may see.
"""

from typing import Any

from django.db.models import QuerySet
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


def events_for_user(user: Any) -> QuerySet:
    from sulh.events.models import Event

    if not is_active(user):
        return Event.objects.none()
    return Event.objects.all()


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
