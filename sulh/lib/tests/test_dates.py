from datetime import date

import pytest

from sulh.lib.dates import DateError, parse_date_span, week_start


def test_it_reads_a_day_a_month_a_year_and_a_range():
    assert parse_date_span("2025-03-06").start == date(2025, 3, 6)
    month = parse_date_span("2025-02")
    assert (month.start, month.end, month.precision) == (
        date(2025, 2, 1),
        date(2025, 2, 28),
        "month",
    )
    year = parse_date_span("2024")
    assert (year.start, year.end, year.precision) == (date(2024, 1, 1), date(2024, 12, 31), "year")
    span = parse_date_span("2024-12-20/2024-12-31")
    assert (span.start, span.end, span.precision) == (
        date(2024, 12, 20),
        date(2024, 12, 31),
        "range",
    )
    assert str(parse_date_span("٢٠٢٥-٠٣-٠٧")) == "2025-03-07"


@pytest.mark.parametrize("text", ["2025-13-01", "2025-02-30", "March", "2025-03-08/2025-03-01"])
def test_it_refuses_impossible_dates(text):
    with pytest.raises(DateError):
        parse_date_span(text)


def test_weeks_start_on_monday():
    assert week_start(date(2025, 3, 9)) == date(2025, 3, 3)
    assert week_start(date(2025, 3, 10)) == date(2025, 3, 10)
