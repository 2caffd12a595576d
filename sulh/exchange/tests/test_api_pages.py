"""A page of the events API costs the same whatever the dataset's size.

The list used to turn every matching event into an API item before cutting the page out, and to
work out each imported event's reconciliation with queries of its own: with a national dataset a
page of fifty read a million events.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sulh.claims.models import current_reconciled
from sulh.events.models import Event
from sulh.exchange.tests.helpers import acled_row, write_acled
from sulh.exchange.tests.test_import_acled import run_import

pytestmark = pytest.mark.django_db


def _imported(tmp_path, count: int, first: int = 0) -> None:
    rows = [
        acled_row(f"SYR95{n:04d}", event_date=f"2019-05-{1 + n % 28:02d}", fatalities=str(n % 4))
        for n in range(first, first + count)
    ]
    run_import(write_acled(tmp_path / f"rows{first}.csv", rows))


def _page(api, limit: int) -> tuple[dict, int]:
    with CaptureQueriesContext(connection) as queries:
        body = api.get("/events", date_to="2019-12-31", limit=limit).json()
    return body, len(queries)


def test_a_page_of_five_costs_the_same_with_ten_events_or_sixty(tmp_path, api_for):
    api = api_for("analyst")
    api.get("/events", limit=1)  # the token's first use writes its last-used time
    _imported(tmp_path, 10)
    few, few_queries = _page(api, 5)
    _imported(tmp_path, 50, first=10)
    many, many_queries = _page(api, 5)
    assert (few["count"], many["count"]) == (10, 60)
    assert len(few["items"]) == len(many["items"]) == 5
    assert many_queries == few_queries


def test_a_page_of_forty_reads_as_many_queries_as_a_page_of_five(tmp_path, api_for):
    _imported(tmp_path, 40)
    api = api_for("analyst")
    api.get("/events", limit=1)
    small, small_queries = _page(api, 5)
    large, large_queries = _page(api, 40)
    assert (len(small["items"]), len(large["items"])) == (5, 40)
    assert large_queries == small_queries


def test_each_item_of_a_page_shows_its_own_events_reconciliation(tmp_path, api_for):
    _imported(tmp_path, 12)
    body = api_for("analyst").get("/events", date_to="2019-12-31", limit=12).json()
    for item in body["items"]:
        event = Event.objects.get(pk=item["id"])
        assert event.reconciled == {}  # listing does not expand the claims
        assert item["reconciled"] == current_reconciled(event)
        assert item["reconciled"]["killed"]["best"] == int(event.external_key[-4:]) % 4


def test_pages_follow_one_another_without_gaps_or_repeats(tmp_path, api_for):
    _imported(tmp_path, 23)
    api = api_for("analyst")
    seen = []
    for offset in range(0, 23, 10):
        seen += [e["id"] for e in api.get("/events", date_to="2019-12-31", limit=10,
                                          offset=offset).json()["items"]]  # fmt: skip
    assert len(seen) == len(set(seen)) == 23
