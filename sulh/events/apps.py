from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "sulh.events"
    verbose_name = "Events"

    def ready(self) -> None:
        from sulh.claims.registry import register_claimable
        from sulh.events.fields import EVENT_FIELDS
        from sulh.events.models import Event

        register_claimable(Event, EVENT_FIELDS)
