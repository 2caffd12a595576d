"""Dates as the field gives them: a day, a month, a year, or a range between two of those."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sulh.lib.arabic import fold_digits

DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
YEAR = re.compile(r"^(\d{4})$")
RANGE_SEPARATORS = re.compile(r"\s*(?:/|\.\.|–|—| to )\s*")


class DateError(ValueError):
    """A text that does not read as a date, a month, a year or a range."""


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    precision: str  # day, week, month, year, range

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise DateError(f"the range runs backwards: {self.start} is after {self.end}")

    def __str__(self) -> str:
        if self.precision == "day" or self.start == self.end:
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def overlaps(self, other: "DateSpan") -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def week_start(day: date) -> date:
    """Monday of the ISO week, the key the dashboards group by."""
    return day - timedelta(days=day.weekday())


def _single(text: str) -> DateSpan:
    try:
        if m := DAY.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return DateSpan(day, day, "day")
        if m := MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return DateSpan(date(year, month, 1), date(year, month, last), "month")
        if m := YEAR.match(text):
            year = int(m[1])
            return DateSpan(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError as exc:
        raise DateError(f"{text!r} is not a real date ({exc})") from exc
    raise DateError(f"{text!r} is not a date: use YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO")


def parse_date_span(text: str) -> DateSpan:
    """Read "2025-03-06", "2025-03", "2025" or a range "2024-12-20/2024-12-31"."""
    text = fold_digits(str(text)).strip()
    parts = RANGE_SEPARATORS.split(text)
    if len(parts) == 1:
        return _single(parts[0])
    if len(parts) != 2:
        raise DateError(f"{text!r} has more than two ends")
    first, last = _single(parts[0]), _single(parts[1])
    return DateSpan(first.start, last.end, "range")
