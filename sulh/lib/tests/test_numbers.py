import pytest
from hypothesis import given
from hypothesis import strategies as st

from sulh.lib.numbers import NumberError, NumberRange, parse_range


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "shown"),
    [
        ("8", 8, 8, 8, "8"),
        ("about 80", 80, 80, 80, "about 80"),
        ("nearly 600", 600, 600, 600, "nearly 600"),
        ("30-40", 30, 35, 40, "30–40"),
        ("30 to 40", 30, 35, 40, "30–40"),
        ("at least 14", 14, 14, None, "at least 14"),
        ("1,500", 1500, 1500, 1500, "1,500"),
        ("حوالي ١٥٠٠", 1500, 1500, 1500, "about 1,500"),
        ("أكثر من 200", 200, 200, None, "at least 200"),
        ("30 إلى 40", 30, 35, 40, "30–40"),
        ("up to 20", 0, 20, 20, "0–20"),
    ],
)
def test_it_reads_numbers_as_the_field_gives_them(text, low, best, high, shown):
    parsed = parse_range(text)
    assert (parsed.low, parsed.best, parsed.high) == (low, best, high)
    assert str(parsed) == shown


@pytest.mark.parametrize("text", ["lots", "", "40-30", "-5", "about"])
def test_it_refuses_what_is_not_a_number(text):
    with pytest.raises(NumberError):
        parse_range(text)


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_any_written_range_reads_back_in_order(a, b):
    low, high = min(a, b), max(a, b)
    parsed = parse_range(f"{low:,} - {high:,}")
    assert parsed.low == low and parsed.high == high
    assert low <= parsed.best <= high


@given(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000))
def test_overlap_is_symmetric(a, b, c, d):
    one = NumberRange(min(a, b), min(a, b), max(a, b))
    two = NumberRange(min(c, d), min(c, d), max(c, d))
    assert one.overlaps(two) == two.overlaps(one)
    assert one.overlaps(two) == (max(one.low, two.low) <= min(one.high, two.high))
