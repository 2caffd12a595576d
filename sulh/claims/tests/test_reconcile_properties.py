"""The invariants of the reconciliation rules (docs/reconciliation.md), checked as properties."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from sulh.claims.reconcile import Evidence, reconcile, reconcile_choice

grades = st.tuples(st.sampled_from("ABCDEF"), st.integers(1, 6))


@st.composite
def number_claims(draw, min_size=1):
    items = []
    for i in range(draw(st.integers(min_size, 6))):
        low = draw(st.integers(0, 1000))
        high = draw(st.one_of(st.none(), st.integers(low, 2000)))
        best = draw(st.integers(low, high if high is not None else low + 500))
        rel, cred = draw(grades)
        items.append(Evidence(i + 1, rel, cred, low=low, best=best, high=high))
    return items


@st.composite
def date_claims(draw):
    items = []
    for i in range(draw(st.integers(1, 5))):
        start = date(2025, 1, 1) + timedelta(days=draw(st.integers(0, 90)))
        end = start + timedelta(days=draw(st.integers(0, 30)))
        rel, cred = draw(grades)
        items.append(Evidence(i + 1, rel, cred, start=start, end=end))
    return items


@given(number_claims())
def test_numbers_keep_order_and_cover_every_claim(items):
    result = reconcile("number", items)
    assert result.low <= result.best
    if result.high is not None:
        assert result.best <= result.high
    for e in items:
        assert result.low <= e.low
        if result.high is not None:
            assert e.high is not None and e.high <= result.high


@given(number_claims(), st.randoms())
def test_the_order_claims_arrive_in_does_not_matter(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    one, two = reconcile("number", items), reconcile("number", shuffled)
    assert (one.low, one.best, one.high, one.disputed) == (
        two.low,
        two.best,
        two.high,
        two.disputed,
    )


@given(number_claims(), number_claims())
def test_adding_claims_never_narrows_the_range(first, more):
    more = [
        Evidence(
            e.claim_id + 100, e.reliability, e.credibility, low=e.low, best=e.best, high=e.high
        )
        for e in more
    ]
    before, after = reconcile("number", first), reconcile("number", first + more)
    assert after.low <= before.low
    assert after.high is None or (before.high is not None and after.high >= before.high)


@given(number_claims())
def test_a_dispute_means_credible_claims_have_no_common_value(items):
    result = reconcile("number", items)
    credible = [e for e in items if e.credible]
    common = max((e.low for e in credible), default=0) <= min(
        (float("inf") if e.high is None else e.high for e in credible), default=float("inf")
    )
    assert result.disputed == (len(credible) > 1 and not common)


@given(number_claims(min_size=1))
def test_one_claim_reconciles_to_itself_undisputed(items):
    one = items[:1]
    result = reconcile("number", one)
    assert (result.low, result.best, result.high, result.disputed) == (
        one[0].low,
        one[0].best,
        one[0].high,
        False,
    )


@given(date_claims())
def test_dates_narrow_when_consistent_and_widen_when_disputed(items):
    result = reconcile("date", items)
    assert result.start <= result.end
    if result.disputed:
        assert result.start == min(e.start for e in items) and result.end == max(
            e.end for e in items
        )
    else:
        credible = [e for e in items if e.credible] or items
        for e in credible:
            assert e.start <= result.start and result.end <= e.end


def test_the_checkpoint_conflict_is_disputed_8_to_40():
    result = reconcile(
        "number",
        [Evidence(1, "C", 3, low=30, best=35, high=40), Evidence(2, "C", 3, low=8, best=8, high=8)],
    )
    assert (result.low, result.high, result.disputed) == (8, 40, True)


def test_an_unreliable_source_cannot_make_a_dispute():
    result = reconcile(
        "number",
        [
            Evidence(1, "B", 2, low=14, best=14, high=14),
            Evidence(2, "E", 2, low=40, best=40, high=40),
        ],
    )
    assert result.disputed is False and (result.low, result.high) == (14, 40)


@given(st.lists(st.tuples(st.sampled_from(["USD", "EUR", "SYP"]), grades), min_size=1, max_size=6))
def test_category_consensus_goes_to_the_heaviest_value(claims):
    items = [Evidence(i + 1, rel, cred, key=key) for i, (key, (rel, cred)) in enumerate(claims)]
    result = reconcile_choice("category", items)
    assert result.support[result.key] == max(result.support.values())
    credible_values = {e.key for e in items if e.credible}
    assert result.disputed == (len(credible_values) > 1)


def test_a_village_refines_its_district_without_dispute():
    items = [Evidence(1, "C", 2, key="district"), Evidence(2, "C", 2, key="village")]
    result = reconcile_choice(
        "place", items, refines=lambda a, b: (a, b) == ("village", "district")
    )
    assert (result.key, result.disputed) == ("village", False)


def test_sets_of_parties_are_never_disputed():
    items = [Evidence(1, "C", 2, key="1"), Evidence(2, "C", 2, key="2")]
    result = reconcile_choice("actor", items, multiple=True)
    assert set(result.keys) == {"1", "2"} and result.disputed is False
