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


# --- Numbers in running text ---------------------------------------------------------------------
# "about 1,500", "30 to 40", "nearly 600", "at least 14", "two", "ستمئة", "خمسة وعشرين", "١٤".
# Matching runs on ``fold_for_search`` text, which keeps offsets, so spans point into the original.

EN_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]  # noqa: SIM905
    )
}
EN_TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)  # noqa: SIM905
}
AR_UNITS = {
    "واحد": 1,
    "واحده": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانيه": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
}
AR_TENS = {
    f"{stem}{end}": 10 * i
    for i, stem in enumerate(["عشر", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"], 2)
    for end in ("ون", "ين")
}
AR_HUNDREDS = {"مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200}
for _i, _stem in enumerate(["ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"], 3):
    AR_HUNDREDS[f"{_stem}مئه"] = AR_HUNDREDS[f"{_stem}مائه"] = 100 * _i
    AR_HUNDREDS[f"{_stem} مئه"] = AR_HUNDREDS[f"{_stem} مائه"] = 100 * _i
AR_THOUSANDS = {"الف": 1000, "الفا": 1000, "الفان": 2000, "الفين": 2000, "الاف": 1000}
AR_TEENS = {
    f"{unit} {ten}": 10 + value
    for unit, value in [
        ("احد", 1),
        ("احدي", 1),
        ("اثنا", 2),
        ("اثني", 2),
        ("اثنتا", 2),
        ("اثنتي", 2),
        *[(w, v) for w, v in AR_UNITS.items() if 3 <= v <= 9],
    ]
    for ten in ("عشر", "عشره")
}
WORD_VALUES: dict[str, int] = {
    **EN_UNITS,
    **EN_TENS,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "hundred": 100,
    "a thousand": 1000,
    "thousand": 1000,
    **AR_UNITS,
    **AR_TENS,
    **AR_HUNDREDS,
    **AR_THOUSANDS,
    **AR_TEENS,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "مليون": 1_000_000}
SCALES |= {"الف": 1000, "الاف": 1000, "مئه": 100, "مائه": 100}


def _alt(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_WORD = rf"(?:{_alt(WORD_VALUES)})"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
# One number: digits or words, joined by "and"/"و"/hyphens, with an optional scale word.
_ONE = (
    rf"(?:{_DIGITS}|{_WORD}(?:(?:\s+and\s+|\s+و|-|\s+)(?:{_WORD}))*)"
    rf"(?:\s+(?:{_alt(SCALES)}))?"
)
_QUAL = _alt({w for words in QUALIFIERS.values() for w in words} - {"~", "حتى", "some"})
_SEP = r"\s*(?:-|–|—|to|or|and|الي|او|و|حتي|ل)\s*"
NUMBER_IN_TEXT = re.compile(
    rf"(?:(?<![\w.,])|(?<=(?<!\w)[وبلف]))(?:(?P<qual>{_QUAL})\s+)?(?:(?P<between>between|بين|من)\s+)?"
    rf"(?P<low>{_ONE})(?:{_SEP}(?P<high>{_ONE}))?(?P<plus>\+)?(?![\w])",
    re.I,
)
SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: NumberRange


def words_to_int(text: str) -> int | None:
    """ "two hundred and fifty", "خمسة وعشرين", "1,500", "3 آلاف", "ستمئة" as an integer."""
    from sulh.lib.arabic import fold_for_search

    text = SPACES_RE.sub(" ", fold_for_search(text).strip().lower())
    total, current, seen = 0, 0, False
    words = re.split(r"\s+and\s+|-|\s+و|\s+", text)
    index = 0
    while index < len(words):
        word = words[index]
        pair = f"{word} {words[index + 1]}" if index + 1 < len(words) else ""
        if pair in WORD_VALUES and pair not in ("a hundred", "a thousand", "a dozen"):
            current += WORD_VALUES[pair]
            index += 2
            seen = True
            continue
        if re.fullmatch(r"[\d,]+(?:\.\d+)?", word):
            current += float(word.replace(",", ""))
        elif word in SCALES and seen:
            scale = SCALES[word]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word == "a":
            pass
        else:
            return None
        seen = True
        index += 1
    value = total + current
    return round(value) if seen else None


def find_numbers(text: str) -> list[NumberMention]:
    """Every number, range or qualified number in a text, with its span."""
    from sulh.lib.arabic import fold_for_search

    folded = fold_for_search(text)
    found = []
    pos = 0
    while m := NUMBER_IN_TEXT.search(folded, pos):
        pos = m.end()
        low = words_to_int(m.group("low"))
        high = words_to_int(m.group("high")) if m.group("high") else None
        start, end = m.start(), m.end()
        if low is None:
            continue
        if m.group("high") and (high is None or high <= low):
            # "2025 — Two farmers": not a range; keep the first and read on from the second.
            end = pos = m.start("low") + len(m.group("low"))
            high = None
        if m.group("between") and high is None:
            start = m.start("low")
        qualifier = _qualifier_key(m.group("qual"))
        if high is not None:
            value = NumberRange(low, (low + high) // 2, high, qualifier)
        elif m.group("plus") or qualifier == "at_least":
            value = NumberRange(low, low, None, "at_least")
        elif qualifier == "at_most":
            value = NumberRange(0, low, low, "at_most")
        else:
            value = NumberRange(low, low, low, qualifier)
        found.append(NumberMention(start, end, value))
    return found


def _qualifier_key(word: str | None) -> str:
    if not word:
        return ""
    word = SPACES_RE.sub(" ", word.lower())
    from sulh.lib.arabic import fold_for_search

    for key, words in QUALIFIERS.items():
        if word in {fold_for_search(w) for w in words}:
            return key
    return ""
