"""Event filters shared by the web list, the API and exports."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from sulh.events.models import EventActor
from sulh.places.models import Place


@dataclass
class EventFilters:
    date_from: date | None = None
    date_to: date | None = None
    place_id: int | None = None
    event_type: str = ""
    actor_id: int | None = None
    disputed: bool = False
    q: str = ""


def place_scope(place: Place) -> Q:
    """Everything at or under a place: an admin unit matches its whole area."""
    level = place.admin_level
    if level:
        return Q(**{f"adm{level}_id": place.pk})
    children = list(Place.objects.filter(parent=place).values_list("pk", flat=True))
    return Q(place_id__in=[place.pk, *children])


def filter_events(events: QuerySet, f: EventFilters) -> QuerySet:
    if f.date_from:
        events = events.filter(
            Q(date_end__gte=f.date_from) | Q(date_end__isnull=True, date_start__gte=f.date_from)
        )
    if f.date_to:
        events = events.filter(date_start__lte=f.date_to)
    if f.place_id:
        place = Place.objects.filter(pk=f.place_id).first()
        events = events.filter(place_scope(place)) if place else events.none()
    if f.event_type:
        events = events.filter(event_type=f.event_type)
    if f.actor_id:
        # A subquery, not a join: no DISTINCT, so a page is read in date order and stops.
        named = EventActor.objects.filter(actor_id=f.actor_id).values("event_id")
        events = events.filter(pk__in=named)
    if f.disputed:
        events = events.filter(disputed=True)
    if f.q:
        events = events.filter(Q(title__icontains=f.q) | Q(title_ar__icontains=f.q))
    return events
