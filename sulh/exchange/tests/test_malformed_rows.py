"""Importers fed malformed rows: every row is either imported or refused naming its field."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sulh.exchange.importers import IMPORTERS
from sulh.exchange.importers.base import Parsed, RowError
from sulh.exchange.placeindex import PlaceIndex
from sulh.exchange.tests.helpers import acled_row

pytestmark = pytest.mark.django_db

junk = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "-1", "1e9", "2025-02-30", "٣", "NaN", "inf", "3.5", " 2 ", "0"]),
)


@pytest.fixture
def places():
    return PlaceIndex()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.dictionaries(st.sampled_from(sorted(acled_row("X"))), junk, max_size=6))
def test_acled_rows_are_imported_or_refused_by_field(places, changes):
    row = acled_row("SYR1", **changes)
    try:
        parsed = IMPORTERS["acled"].parse(row, places)
    except RowError as exc:
        assert exc.field in row
    else:
        assert isinstance(parsed, Parsed)
        assert parsed.killed.best >= 0


UCDP_ROW = {
    "id": "1", "type_of_violence": "1", "side_a": "Government of Syria", "side_b": "IS",
    "where_prec": "1", "where_coordinates": "Masyaf town", "adm_1": "Hamah Governorate",
    "adm_2": "Masyaf district", "latitude": "35.06", "longitude": "36.34", "date_prec": "1",
    "date_start": "2017-05-01", "date_end": "2017-05-01", "low": "1", "best": "2", "high": "3",
    "source_headline": "",
}  # fmt: skip


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.dictionaries(st.sampled_from(sorted(UCDP_ROW)), junk, max_size=6))
def test_ucdp_rows_are_imported_or_refused_by_field(places, changes):
    row = {**UCDP_ROW, **changes}
    try:
        parsed = IMPORTERS["ucdp"].parse(row, places)
    except RowError as exc:
        assert exc.field in row
    else:
        low, best, high = parsed.killed.low, parsed.killed.best, parsed.killed.high
        assert low <= best <= high
        assert parsed.date_start <= parsed.date_end
