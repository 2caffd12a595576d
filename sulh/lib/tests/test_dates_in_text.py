from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sulh.lib.dates import DateError, find_dates, parse_date_phrase

REPORT = date(2025, 3, 10)  # a Monday


def spans(text: str, report: date = REPORT) -> list[tuple[str, str, str]]:
    return [
        (text[d.start : d.end], d.span.start.isoformat(), d.span.end.isoformat())
        for d in find_dates(text, report)
    ]


def test_levantine_and_egyptian_month_names_and_arabic_digits_read_alike():
    assert spans("٦ آذار ٢٠٢٥")[0][1] == "2025-03-06"
    assert spans("6 مارس 2025")[0][1] == "2025-03-06"
    assert spans("يوم الجمعة 7 آذار/مارس 2025") == [
        ("7 آذار/مارس 2025", "2025-03-07", "2025-03-07")
    ]


def test_aab_is_august_not_the_report_month():
    assert spans("6 آب 2025")[0][1] == "2025-08-06"
    assert parse_date_phrase("6 آب 2025", REPORT).start == date(2025, 8, 6)


def test_arabic_and_english_ordinals():
    assert spans("في السادس من آذار 2025 قتل")[0][1] == "2025-03-06"
    assert spans("الحادي والعشرين من شباط")[0][1] == "2025-02-21"
    assert spans("on the sixth of March")[0][1] == "2025-03-06"
    assert spans("March 6th, 2025")[0][1] == "2025-03-06"


def test_relative_dates_count_from_the_report_day():
    assert spans("On Friday gunmen")[0][1] == "2025-03-07"
    assert spans("last week")[0][1:] == ("2025-03-03", "2025-03-09")
    assert spans("أمس")[0][1] == "2025-03-09"
    assert spans("امبارح بالليل")[0][1] == "2025-03-09"
    assert spans("قبل يومين")[0][1] == "2025-03-08"
    assert spans("الأسبوع الماضي")[0][1:] == ("2025-03-03", "2025-03-09")
    assert spans("last month")[0][1:] == ("2025-02-01", "2025-02-28")


def test_the_next_morning_follows_the_date_told_before_it():
    found = spans("They came on 6 March. The next morning they returned.")
    assert found[1] == ("The next morning", "2025-03-07", "2025-03-07")
    assert spans("في ٤ آذار وصلوا، وفي صباح اليوم التالي غادروا")[1][1] == "2025-03-05"


def test_a_day_without_a_year_is_not_put_in_the_future():
    assert spans("on 20 December", date(2025, 1, 5))[0][1] == "2024-12-20"


def test_ranges_of_days():
    assert spans("between 6 and 8 March 2025")[0][1:] == ("2025-03-06", "2025-03-08")


def test_a_phrase_that_is_no_date_is_refused():
    with pytest.raises(DateError):
        parse_date_phrase("the mountains", REPORT)


@given(st.text(max_size=80))
def test_finding_dates_never_fails_and_spans_point_into_the_text(text):
    for mention in find_dates(text, REPORT):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.span.start <= mention.span.end
