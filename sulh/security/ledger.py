"""Weapons balances from transfers, with the uncertainty carried through.

Pure functions, no database: a sum of ranges is a range (lows add, highs add, an open high stays
open), so "about 80 distributed" and "nearly 600 handed over" stay ranges when totalled by actor,
place or date. Tested as properties in tests/test_ledger_properties.py.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

# Into whose hands a transfer puts weapons: the receiver gains, the giver loses.
DIRECTIONS = ("distributed", "handed_over", "seized", "returned")


@dataclass(frozen=True)
class Span:
    """A count between ``low`` and ``high`` (None: no upper bound), with a best guess."""

    low: int = 0
    best: int = 0
    high: int | None = 0

    def __post_init__(self) -> None:
        if self.low < 0 or self.best < self.low:
            raise ValueError(f"best {self.best} must lie at or above low {self.low} >= 0")
        if self.high is not None and self.best > self.high:
            raise ValueError(f"best {self.best} is above high {self.high}")

    def __add__(self, other: "Span") -> "Span":
        high = None if self.high is None or other.high is None else self.high + other.high
        return Span(self.low + other.low, self.best + other.best, high)

    @property
    def exact(self) -> bool:
        return self.high == self.low

    def __str__(self) -> str:
        if self.exact:
            return f"{self.low:,}"
        if self.high is None:
            return f"≥ {self.low:,}"
        return f"{self.low:,}–{self.high:,}"


ZERO = Span()


def span_of(low: int | None, best: int | None, high: int | None) -> Span:
    """A transfer's reconciled count as a span; a missing low is zero, a missing best the low."""
    low = low or 0
    if best is None:
        best = low
    return Span(low, max(best, low), high)


@dataclass(frozen=True)
class Movement:
    day: date | None
    direction: str
    count: Span
    category: str = "unknown"
    place: str = ""
    giver: str = ""
    receiver: str = ""


def total(spans: Iterable[Span]) -> Span:
    result = ZERO
    for span in spans:
        result = result + span
    return result


def by_direction(movements: Iterable[Movement]) -> dict[str, Span]:
    """Totals of each direction (distributed, handed over, ...), only those that occur."""
    totals: dict[str, Span] = {}
    for m in movements:
        totals[m.direction] = totals.get(m.direction, ZERO) + m.count
    return totals


def balances(
    movements: Iterable[Movement], key: Callable[[Movement], Iterable[str]]
) -> dict[str, dict[str, Span]]:
    """Totals by direction for each key a movement belongs to (its place, its actors...)."""
    result: dict[str, dict[str, Span]] = {}
    for m in movements:
        for k in set(key(m)):
            row = result.setdefault(k, {})
            row[m.direction] = row.get(m.direction, ZERO) + m.count
    return result


def by_place(movements: Iterable[Movement]) -> dict[str, dict[str, Span]]:
    return balances(movements, lambda m: [m.place])


def by_actor(movements: Iterable[Movement]) -> dict[str, dict[str, dict[str, Span]]]:
    """For each actor: what it received and what it gave, by direction."""
    movements = list(movements)
    received = balances(movements, lambda m: [m.receiver] if m.receiver else [])
    gave = balances(movements, lambda m: [m.giver] if m.giver else [])
    return {
        actor: {"received": received.get(actor, {}), "gave": gave.get(actor, {})}
        for actor in sorted(set(received) | set(gave))
    }


def over_time(movements: Iterable[Movement]) -> list[tuple[date, dict[str, Span]]]:
    """Running totals by direction at each date a transfer happened, in date order.

    Undated transfers cannot be placed in time; they count only in the other balances."""
    dated = sorted((m for m in movements if m.day is not None), key=lambda m: m.day)
    running: dict[str, Span] = {}
    steps: list[tuple[date, dict[str, Span]]] = []
    for m in dated:
        running = {**running, m.direction: running.get(m.direction, ZERO) + m.count}
        if steps and steps[-1][0] == m.day:
            steps[-1] = (m.day, running)
        else:
            steps.append((m.day, running))
    return steps


def net(received: Span, gave: Span) -> tuple[int | None, int | None]:
    """What an actor may still hold from the recorded transfers: (low, high), None unbounded.

    Negative values are possible: an actor can give out weapons whose arrival was never recorded."""
    low = None if gave.high is None else received.low - gave.high
    high = None if received.high is None else received.high - gave.low
    return low, high
