from datetime import date

import pytest


@pytest.fixture
def record_event(db, persona, demo_key, django_capture_on_commit_callbacks):
    """Record an event as a documenter would; the dashboard's summary follows on commit."""
    from sulh.events.actions import do_create_event

    def make(title: str, day: date, place_pcode: str | None, event_type: str = "battles", **values):
        from sulh.places.models import Place

        given = {"event_type": event_type, "date": day.isoformat(), **values}
        if place_pcode:
            given["location"] = str(Place.objects.get(pcode=place_pcode).pk)
        with django_capture_on_commit_callbacks(execute=True):
            return do_create_event(
                persona("documenter"),
                title=title,
                source=demo_key("src-activist-a"),
                values=given,
                credibility=3,
            )

    return make
