from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "sulh.events"
    verbose_name = "Events"
    nav = [(10, _("Events"), "events:list"), (20, _("Timeline"), "events:timeline")]

    def ready(self) -> None:
        from sulh.claims.registry import register_claimable
        from sulh.events.fields import EVENT_FIELDS
        from sulh.events.models import Event

        register_claimable(Event, EVENT_FIELDS)
