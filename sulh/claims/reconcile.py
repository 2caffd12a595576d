"""The rules that turn a field's accepted claims into one reconciled value (docs/reconciliation.md).

Pure functions over ``Evidence``; nothing here touches the database, so the rules are tested as
properties (sulh/claims/tests/test_reconcile_properties.py).
"""

from calendar import monthrange
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

RELIABILITY_WEIGHT = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.15, "F": 0.5}
CREDIBILITY_WEIGHT = {1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.15, 6: 0.5}


def weight(reliability: str, credibility: int) -> float:
    return RELIABILITY_WEIGHT.get(reliability, 0.5) * CREDIBILITY_WEIGHT.get(credibility, 0.5)


def is_credible(reliability: str, credibility: int) -> bool:
    """An unreliable source (E) or a doubtful/improbable item (4, 5) cannot make a dispute."""
    return reliability != "E" and credibility not in (4, 5)


@dataclass(frozen=True)
class Evidence:
    claim_id: int
    reliability: str
    credibility: int
    key: str = ""  # comparable value for place/actor/category/text claims
    low: int | None = None
    best: int | None = None
    high: int | None = None
    start: date | None = None
    end: date | None = None

    @property
    def weight(self) -> float:
        return weight(self.reliability, self.credibility)

    @property
    def credible(self) -> bool:
        return is_credible(self.reliability, self.credibility)


@dataclass
class Reconciled:
    kind: str
    claims: int
    disputed: bool = False
    key: str = ""
    keys: list[str] = field(default_factory=list)
    support: dict[str, float] = field(default_factory=dict)
    low: int | None = None
    best: int | None = None
    high: int | None = None
    start: date | None = None
    end: date | None = None
    precision: str = ""

    def as_dict(self) -> dict:
        data = {"kind": self.kind, "claims": self.claims, "disputed": self.disputed}
        if self.kind == "number":
            data.update(low=self.low, best=self.best, high=self.high)
        elif self.kind == "date":
            data.update(
                start=self.start.isoformat() if self.start else None,
                end=self.end.isoformat() if self.end else None,
                precision=self.precision,
            )
        else:
            data.update(value=self.key, values=self.keys, support=self.support)
        return data


def weighted_median(values: Sequence[tuple[float, float]]) -> float:
    """The value at which half of the total weight lies on each side (lower one on a tie)."""
    ordered = sorted(values)
    total = sum(w for _, w in ordered)
    running = 0.0
    for value, w in ordered:
        running += w
        if running >= total / 2:
            return value
    return ordered[-1][0]


def reconcile_numbers(items: Sequence[Evidence]) -> Reconciled:
    lows = [e.low if e.low is not None else 0 for e in items]
    highs = [e.high for e in items]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    bests = [(e.best, e.weight) for e in items if e.best is not None]
    best = round(weighted_median(bests)) if bests else None
    credible = [e for e in items if e.credible]
    disputed = False
    if len(credible) > 1:
        floor = max(e.low or 0 for e in credible)
        ceiling = min(float("inf") if e.high is None else e.high for e in credible)
        disputed = floor > ceiling
    return Reconciled("number", len(items), disputed, low=min(lows), best=best, high=high)


def reconcile_dates(items: Sequence[Evidence]) -> Reconciled:
    spans = [e for e in items if e.start and e.end]
    credible = [e for e in spans if e.credible] or spans
    latest_start = max(e.start for e in credible)
    earliest_end = min(e.end for e in credible)
    disputed = len(credible) > 1 and latest_start > earliest_end
    if disputed:
        start, end = min(e.start for e in spans), max(e.end for e in spans)
    else:
        # Consistent accounts narrow each other: "March 2025" and "6 March 2025" give 6 March.
        start, end = latest_start, earliest_end
    precision = _precision(start, end, disputed)
    return Reconciled("date", len(items), disputed, start=start, end=end, precision=precision)


def _precision(start: date, end: date, disputed: bool) -> str:
    if disputed:
        return "range"
    if start == end:
        return "day"
    same_month = (start.year, start.month) == (end.year, end.month)
    if same_month and start.day == 1 and end.day == monthrange(end.year, end.month)[1]:
        return "month"
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return "year"
    return "range"


def reconcile_choice(
    kind: str,
    items: Sequence[Evidence],
    multiple: bool = False,
    refines: Callable[[str, str], bool] | None = None,
) -> Reconciled:
    """Consensus weighted by grades. ``refines(a, b)`` says value a is a more precise form of b
    (a village inside a district), which is agreement, not dispute."""
    support: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for e in items:
        support[e.key] = support.get(e.key, 0.0) + e.weight
        first_seen.setdefault(e.key, e.claim_id)
    ranked = sorted(support, key=lambda k: (-support[k], first_seen[k]))
    rounded = {k: round(v, 3) for k, v in support.items()}
    if multiple:
        return Reconciled(kind, len(items), False, key=ranked[0], keys=ranked, support=rounded)
    credible_keys = {e.key for e in items if e.credible}
    key = ranked[0]
    disputed = len(credible_keys) > 1 and kind != "text"
    if disputed and refines is not None:
        most_specific = [
            k for k in credible_keys if all(k == o or refines(k, o) for o in credible_keys)
        ]
        if most_specific:
            disputed, key = False, most_specific[0]
    return Reconciled(kind, len(items), disputed, key=key, keys=ranked, support=rounded)


def reconcile(
    kind: str,
    items: Sequence[Evidence],
    multiple: bool = False,
    refines: Callable[[str, str], bool] | None = None,
) -> Reconciled | None:
    if not items:
        return None
    if kind == "number":
        return reconcile_numbers(items)
    if kind == "date":
        return reconcile_dates(items)
    return reconcile_choice(kind, items, multiple, refines)
