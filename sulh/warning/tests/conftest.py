from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def qadmus():
    from sulh.places.models import Place

    return Place.objects.get(geonames_id=173389)


@pytest.fixture
def record_event(persona, demo_key):
    """Record an event as a documenter would: record_event("battles", "2025-03-09", place)."""
    from sulh.events.actions import do_create_event

    def make(event_type: str, day: str, place, title: str = "A test event"):
        return do_create_event(
            persona("documenter"),
            title=title,
            source=demo_key("src-activist-a"),
            credibility=2,
            values={"event_type": event_type, "date": day, "location": place.pk},
        )

    return make


@pytest.fixture
def make_rule(persona):
    from sulh.warning.actions import do_create_rule

    def make(**fields):
        recipients = fields.pop("recipients", [])
        defaults = {"name": "Test rule", "indicator": "violent_events", "threshold": 1}
        return do_create_rule(persona("analyst"), recipients=recipients, **{**defaults, **fields})

    return make


def sulh_warning(*args: str) -> str:
    out = StringIO()
    call_command("warning", *args, stdout=out)
    return out.getvalue()
