"""Approximate numbers as the field gives them: "about 80", "30-40", "nearly 600", "at least 14".

A parsed number is a ``NumberRange``: low / best / high (UCDP's convention) plus the qualifier the
source used, so that "about 80" is stored as 80 and still shown as "about 80". An open end is None.
"""

import re
from dataclasses import dataclass

from sulh.lib.arabic import fold_digits

QUALIFIERS = {
    "about": [
        "about",
        "around",
        "approximately",
        "approx",
        "roughly",
        "some",
        "circa",
        "~",
        "حوالي",
        "حوالى",
        "نحو",
        "قرابة",
        "تقريبا",
        "ما يقارب",
        "زهاء",
    ],
    "nearly": ["nearly", "almost", "close to", "just under", "قرابة", "ما يقارب", "قرابه"],
    "at_least": [
        "at least",
        "more than",
        "over",
        "upwards of",
        "no fewer than",
        "على الأقل",
        "على الاقل",
        "أكثر من",
        "اكثر من",
        "ما لا يقل عن",
    ],
    "at_most": [
        "at most",
        "up to",
        "fewer than",
        "less than",
        "under",
        "no more than",
        "أقل من",
        "اقل من",
        "حتى",
    ],
}
QUALIFIER_LABELS = {
    "about": "about",
    "nearly": "nearly",
    "at_least": "at least",
    "at_most": "at most",
    "": "",
}
NUMBER = r"\d[\d,٬]*(?:\.\d+)?"
RANGE = re.compile(rf"^({NUMBER})\s*(?:-|–|—|to|و|إلى|الى|until)\s*({NUMBER})$")
SINGLE = re.compile(rf"^({NUMBER})\+?$")


class NumberError(ValueError):
    """A text that does not read as a number or a range."""


@dataclass(frozen=True)
class NumberRange:
    low: int | None
    best: int | None
    high: int | None
    qualifier: str = ""

    def __post_init__(self) -> None:
        known = [v for v in (self.low, self.best, self.high) if v is not None]
        if any(v < 0 for v in known):
            raise NumberError("a count cannot be negative")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise NumberError(f"low {self.low} is above high {self.high}")
        if self.best is not None:
            if self.low is not None and self.best < self.low:
                raise NumberError(f"best {self.best} is below low {self.low}")
            if self.high is not None and self.best > self.high:
                raise NumberError(f"best {self.best} is above high {self.high}")

    @classmethod
    def exact(cls, value: int) -> "NumberRange":
        return cls(value, value, value)

    def overlaps(self, other: "NumberRange") -> bool:
        lo = max(self.low or 0, other.low or 0)
        hi = min(_upper(self.high), _upper(other.high))
        return lo <= hi

    def __str__(self) -> str:
        if self.low == self.high and self.low is not None:
            label = QUALIFIER_LABELS.get(self.qualifier, "")
            return f"{label} {self.low:,}".strip()
        if self.high is None and self.low is not None:
            return f"at least {self.low:,}"
        if self.low is None and self.high is not None:
            return f"at most {self.high:,}"
        if self.low is None:
            return "unknown"
        return f"{self.low:,}–{self.high:,}"


def _upper(value: int | None) -> float:
    return float("inf") if value is None else value


def _to_int(text: str) -> int:
    cleaned = text.replace(",", "").replace("٬", "")
    return round(float(cleaned))


def parse_range(text: str) -> NumberRange:
    """Read a number as people write it; raise NumberError naming what could not be read."""
    original = text
    text = fold_digits(text).strip().lower().rstrip(".")
    qualifier = ""
    for key, words in QUALIFIERS.items():
        for word in sorted(words, key=len, reverse=True):
            if text.startswith(word + " ") or (word == "~" and text.startswith("~")):
                qualifier, text = key, text[len(word) :].strip()
                break
        if qualifier:
            break
    if match := RANGE.match(text):
        low, high = _to_int(match.group(1)), _to_int(match.group(2))
        if low > high:
            raise NumberError(f"{original!r}: the range runs backwards")
        return NumberRange(low, (low + high) // 2, high, qualifier)
    if match := SINGLE.match(text):
        value = _to_int(match.group(1))
        if text.endswith("+") or qualifier == "at_least":
            return NumberRange(value, value, None, "at_least")
        if qualifier == "at_most":
            return NumberRange(0, value, value, "at_most")
        return NumberRange(value, value, value, qualifier)
    raise NumberError(f"{original!r} is not a number or a range such as 80, 'about 80' or '30-40'")
