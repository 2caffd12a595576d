"""An actor's page lists the events naming it, latest first, each once."""

import pytest

from sulh.actors.models import Actor
from sulh.events.models import Event
from sulh.exchange.tests.helpers import acled_row, write_acled
from sulh.exchange.tests.test_import_acled import run_import

pytestmark = pytest.mark.django_db

FORCES = "Military Forces of Syria (2024-)"


def test_an_actor_page_lists_its_events_latest_first_each_once(tmp_path, client_for):
    rows = [
        acled_row("SYR960001", event_date="2019-04-02", location="Al Qadmus"),
        # The same actor on both sides: one event, listed once.
        acled_row("SYR960002", event_date="2019-04-09", actor1=FORCES, inter1="1"),
        acled_row("SYR960003", event_date="2019-03-20"),
        # Another actor only: not on the page.
        acled_row("SYR960004", event_date="2019-04-30", actor1="Protesters (Syria)", inter1="6",
                  actor2="", event_type="Protests", sub_event_type="Peaceful protest"),
    ]  # fmt: skip
    run_import(write_acled(tmp_path / "rows.csv", rows))
    actor = Actor.objects.get(name_en=FORCES)
    page = client_for("analyst").get(f"/actors/{actor.pk}/").content.decode()
    link = {
        e.external_key[6:]: f"/events/{e.pk}/"
        for e in Event.objects.filter(external_key__startswith="acled:SYR96")
    }
    shown = sorted((k for k in link if link[k] in page), key=lambda k: page.index(link[k]))
    assert shown == ["SYR960002", "SYR960001", "SYR960003"]
    # Named on both sides of its row, listed as often as an event naming it once.
    assert page.count(link["SYR960002"]) == page.count(link["SYR960001"])
