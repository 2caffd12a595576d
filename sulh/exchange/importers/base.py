"""What every importer provides, and the row it turns a CSV line into."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from sulh.exchange.placeindex import PlaceIndex, Where
from sulh.exchange.reading import FileError
from sulh.lib.numbers import NumberError, NumberRange


class RowError(ValueError):
    """A value of one row that cannot be imported; names the column."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(slots=True)
class Parsed:
    """One dataset row, checked and matched, ready to be written."""

    key: str  # Event.external_key, "<dataset>:<row id>"
    title: str
    event_type: str
    sub_event_type: str
    date_start: date
    date_end: date
    date_precision: str
    where: Where | None
    killed: NumberRange | None
    actors: tuple[tuple[str, int | None], ...]  # (name, ACLED actor category) in file order
    description: str
    row_hash: str


class Importer:
    """A dataset format. Subclasses set the attributes and implement ``parse``."""

    name = ""
    label = ""
    source_description = ""
    source_description_ar = ""
    reliability = "B"
    credibility = 6
    required: tuple[str, ...] = ()

    def columns(self, header: list[str]) -> dict[str, int]:
        """Positions of the columns; a FileError names the required ones missing."""
        positions = {name: i for i, name in enumerate(header)}
        missing = [name for name in self.required if name not in positions]
        if missing:
            raise FileError(f"not a {self.label} file: missing column(s) {', '.join(missing)}")
        return positions

    def parse(self, row: dict[str, str], places: PlaceIndex) -> Parsed:
        raise NotImplementedError

    def row_parser(
        self, positions: dict[str, int], places: PlaceIndex
    ) -> Callable[[list[str]], Parsed]:
        """A function from one row's values (in file order) to a ``Parsed``.

        This one hands ``parse`` a dict per row; a format that must be fast on national files
        overrides it to read values by position and remember what repeats.
        """
        names = list(positions)

        def parse_values(values: list[str]) -> Parsed:
            return self.parse(dict(zip(names, values, strict=True)), places)

        return parse_values


def row_hash(values: list[str]) -> str:
    return hashlib.blake2b("\x1f".join(values).encode(), digest_size=16).hexdigest()


DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%Y/%m/%d")


def parse_day(field: str, text: str) -> date:
    text = (text or "").strip()
    if len(text) == 10 and text[4] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    for fmt in DATE_FORMATS[1:]:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a calendar day)
        except ValueError:
            continue
    raise RowError(field, f"{text!r} is not a date (use YYYY-MM-DD)")


def parse_count(field: str, text: str, required: bool = True) -> int | None:
    text = (text or "").strip()
    if not text:
        if required:
            raise RowError(field, "a number is required")
        return None
    try:
        value = int(float(text)) if "." in text else int(text)
    except ValueError:
        raise RowError(field, f"{text!r} is not a number") from None
    if value < 0:
        raise RowError(field, "a count cannot be negative")
    return value


@lru_cache(maxsize=65536)  # a range is immutable, and a dataset repeats the same few counts
def parse_range(low: int | None, best: int | None, high: int | None) -> NumberRange:
    try:
        return NumberRange(low, best, high)
    except NumberError as exc:
        raise RowError("best", str(exc)) from None


def parse_coordinate(field: str, text: str, limit: float) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise RowError(field, f"{text!r} is not a coordinate") from None
    if not -limit <= value <= limit:
        raise RowError(field, f"{value} is out of range")
    return value


def week_around(day: date) -> tuple[date, date]:
    return day - timedelta(days=3), day + timedelta(days=3)


def distinct_actors(actors: list[tuple[str, int | None]]) -> tuple[tuple[str, int | None], ...]:
    """A party named on both sides of a row is one party (ACLED lists "Civilians" twice)."""
    seen: dict[str, tuple[str, int | None]] = {}
    for name, category in actors:
        if name and name.lower() not in seen:
            seen[name.lower()] = (name, category)
    return tuple(seen.values())
