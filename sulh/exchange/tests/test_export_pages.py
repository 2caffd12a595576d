"""Exports read events a page at a time and show compact rows without expanding them: every event
once and in order across pages, and every claim exactly as ``claim_public`` shows it."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from sulh.access.policy import events_for_user
from sulh.access.redact import claim_public
from sulh.events.models import Event
from sulh.events.queries import EventFilters
from sulh.exchange.compact import row_claim_objects
from sulh.exchange.exporters import base
from sulh.exchange.exporters.json import _default, _Text, event_json
from sulh.exchange.models import DatasetRow
from sulh.exchange.tests.helpers import acled_row, write_acled
from sulh.places.models import Place

pytestmark = pytest.mark.django_db


def import_rows(path, rows) -> None:
    call_command("import", "acled", str(write_acled(path, rows)), "--no-progress")


def test_an_export_over_several_pages_gives_every_event_once_in_order(
    tmp_path, persona, monkeypatch
):
    user = persona("analyst")
    # Several events a day, so events of one day (ordered by id) fall on both sides of a page.
    days = [f"2025-04-{1 + n % 3:02}" for n in range(11)]
    import_rows(
        tmp_path / "a.csv", [acled_row(f"SYR92{n:04}", event_date=d) for n, d in enumerate(days)]
    )
    Event.objects.create(title="undated")  # where NULL dates sort depends on the database
    monkeypatch.setattr(base, "CHUNK", 4)
    exported = [row.id for row in base.export_rows(user, EventFilters())]
    expected = list(events_for_user(user).order_by("date_start", "id").values_list("id", flat=True))
    assert len(expected) > 3 * 4
    assert exported == expected


def test_the_description_is_the_stored_reconciled_one_or_the_compact_rows(tmp_path, persona):
    user = persona("analyst")
    import_rows(tmp_path / "a.csv", [acled_row("SYR950001", notes="from the compact row")])
    Event.objects.create(title="no text", reconciled={"description": {"value": None}})
    compact = dict(DatasetRow.objects.filter(expanded=False).values_list("event_id", "description"))
    shown = {row.id: row.description for row in base.export_rows(user, EventFilters())}
    for event in Event.objects.all():
        stored = (event.reconciled or {}).get("description", {}).get("value", "")
        assert shown[event.pk] == (stored or compact.get(event.pk, "")), event.pk
    assert "from the compact row" in shown.values()
    assert any(v for k, v in shown.items() if k not in compact)  # the demo's stored texts


@pytest.mark.parametrize("name", ["analyst", "partner"])
def test_compact_rows_show_each_claim_as_claim_public_does(tmp_path, persona, name):
    user = persona(name)
    Place.objects.filter(geonames_id=173389).update(
        sensitive=True
    )  # Qadmus: coarsened for partners
    # Two imports (two recorded_at) repeating the same facts, each row with its own text.
    import_rows(tmp_path / "a.csv", [acled_row(f"SYR93{n:04}", notes=f"a {n}") for n in range(4)])
    import_rows(
        tmp_path / "b.csv",
        [acled_row(f"SYR94{n:04}", notes=f"b {n}", fatalities=str(n)) for n in range(4)],
    )
    ctype = ContentType.objects.get_for_model(Event)
    shown = {row.id: row.claims for row in base.export_rows(user, EventFilters(), True)}
    rows = DatasetRow.objects.filter(expanded=False, event__external_key__startswith="acled:SYR9")
    assert len({row.recorded_at for row in rows}) == 2
    for row in rows:
        assert shown[row.event_id] == [claim_public(c, user) for c in row_claim_objects(row, ctype)]
    # The JSON export's text of each event, made from cached parts, is json.dumps's.
    text = _Text()
    for row in base.export_rows(user, EventFilters(), True):
        assert text.event(row) == json.dumps(event_json(row), ensure_ascii=False, default=_default)
