from hypothesis import given
from hypothesis import strategies as st

from sulh.lib.numbers import find_numbers, words_to_int


def read(text: str) -> list[tuple[int | None, int | None, int | None, str]]:
    return [
        (m.value.low, m.value.best, m.value.high, m.value.qualifier) for m in find_numbers(text)
    ]


def test_it_reads_the_ways_people_write_counts():
    assert read("about 1,500 armed men") == [(1500, 1500, 1500, "about")]
    assert read("30 to 40 villages") == [(30, 35, 40, "")]
    assert read("nearly 600 weapons") == [(600, 600, 600, "nearly")]
    assert read("at least 14 killed") == [(14, 14, None, "at_least")]
    assert read("two men") == [(2, 2, 2, "")]
    assert read("ستمئة مسلح") == [(600, 600, 600, "")]
    assert read("نحو ١٤ قتيلا") == [(14, 14, 14, "about")]
    assert read("من 30 إلى 40 قرية") == [(30, 35, 40, "")]
    assert read("أكثر من 20") == [(20, 20, None, "at_least")]


def test_words_and_scales():
    assert words_to_int("two hundred and fifty") == 250
    assert words_to_int("خمسة وعشرين") == 25
    assert words_to_int("3 الاف") == 3000
    assert words_to_int("ثلاثمئه") == 300


def test_a_year_then_a_number_is_not_a_range():
    assert read("March 7, 2025 — Two farmers")[-1] == (2, 2, 2, "")


@given(st.text(max_size=60))
def test_reading_numbers_never_fails_and_ranges_run_upwards(text):
    for mention in find_numbers(text):
        value = mention.value
        assert 0 <= mention.start < mention.end <= len(text)
        assert value.high is None or value.low <= value.high
