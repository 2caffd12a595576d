"""The weapons balance as properties: a sum of ranges is a range."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sulh.security import ledger
from sulh.security.ledger import Movement, Span


@st.composite
def spans(draw) -> Span:
    low = draw(st.integers(0, 1000))
    best = low + draw(st.integers(0, 500))
    high = draw(st.one_of(st.none(), st.integers(best, best + 500)))
    return Span(low, best, high)


movements = st.lists(
    st.builds(
        Movement,
        day=st.one_of(st.none(), st.dates(date(2024, 12, 1), date(2025, 4, 30))),
        direction=st.sampled_from(ledger.DIRECTIONS),
        count=spans(),
        category=st.sampled_from(["rifles", "heavy_weapons", "unknown"]),
        place=st.sampled_from(["1", "2", "3"]),
        giver=st.sampled_from(["", "police", "villagers"]),
        receiver=st.sampled_from(["", "villagers", "general-security"]),
    ),
    max_size=25,
)


@given(st.lists(spans(), max_size=20))
def test_a_sum_of_ranges_adds_lows_and_highs_and_stays_open_if_any_is(items):
    result = ledger.total(items)
    assert result.low == sum(s.low for s in items)
    assert result.best == sum(s.best for s in items)
    if any(s.high is None for s in items):
        assert result.high is None
    else:
        assert result.high == sum(s.high for s in items)
    assert result.low <= result.best and (result.high is None or result.best <= result.high)


@given(st.lists(spans(), max_size=20), st.randoms())
def test_the_order_of_transfers_does_not_change_a_total(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert ledger.total(shuffled) == ledger.total(items)


@given(movements)
def test_totals_by_place_add_up_to_the_totals_by_direction(items):
    overall = ledger.by_direction(items)
    per_place = ledger.by_place(items)
    for direction, span in overall.items():
        assert ledger.total(row.get(direction, ledger.ZERO) for row in per_place.values()) == span


@given(movements)
def test_what_actors_receive_is_what_was_given_to_someone(items):
    per_actor = ledger.by_actor(items)
    received = ledger.total(s for sides in per_actor.values() for s in sides["received"].values())
    assert received == ledger.total(m.count for m in items if m.receiver)


@given(movements)
def test_running_totals_never_fall_and_end_at_the_dated_total(items):
    steps = ledger.over_time(items)
    days = [day for day, _ in steps]
    assert days == sorted(set(days))
    for (_, before), (_, after) in zip(steps, steps[1:], strict=False):
        for direction, span in before.items():
            later = after[direction]
            assert later.low >= span.low
            assert later.high is None or (span.high is not None and later.high >= span.high)
    if steps:
        assert steps[-1][1] == ledger.by_direction(m for m in items if m.day is not None)


@given(spans(), spans(), st.data())
def test_what_an_actor_may_hold_contains_every_possible_difference(received, gave, data):
    low, high = ledger.net(received, gave)

    def upper(span: Span) -> int:
        return span.low + 1000 if span.high is None else span.high

    got = data.draw(st.integers(received.low, upper(received)))
    given_out = data.draw(st.integers(gave.low, upper(gave)))
    assert low is None or low <= got - given_out
    assert high is None or got - given_out <= high


def test_the_qadmus_figures_stay_ranges_with_an_open_end_when_a_source_gives_one():
    about_80 = Movement(date(2024, 12, 20), "distributed", Span(80, 80, 80))
    at_least_20 = Movement(date(2025, 1, 5), "distributed", Span(20, 20, None))
    nearly_600 = Movement(date(2025, 3, 16), "handed_over", Span(550, 600, 600))
    totals = ledger.by_direction([about_80, at_least_20, nearly_600])
    assert str(totals["distributed"]) == "≥ 100"
    assert str(totals["handed_over"]) == "550–600"
    assert ledger.over_time([about_80, nearly_600])[0] == (
        date(2024, 12, 20),
        {"distributed": Span(80, 80, 80)},
    )
    assert date(2025, 3, 16) - timedelta(days=1) not in dict(
        ledger.over_time([about_80, nearly_600])
    )
    assert ledger.net(totals["distributed"], ledger.ZERO) == (100, None)
