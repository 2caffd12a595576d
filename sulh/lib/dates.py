"""Dates as the field gives them: a day, a month, a year, or a range between two of those."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

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


# --- Dates in running text (English and Arabic) -------------------------------------------------
# Matching runs on ``fold_for_search`` text (same length as the original, so spans carry over).
# Absolute dates are read by these patterns; ``parse_date_phrase`` hands anything else to
# ``dateparser`` only after Arabic month names, ordinals and digits have been normalised to
# English, because dateparser misreads "6 آب 2025" (August) and cannot read Levantine ordinals.

MONTHS: dict[str, int] = {
    **{m.lower(): i for i, m in enumerate(calendar.month_name) if m},
    **{m.lower(): i for i, m in enumerate(calendar.month_abbr) if m},
    "sept": 9,
    # Levantine (Syriac) names, folded: آذار -> اذار, آب -> اب, أيار -> ايار
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
    # Egyptian / Gulf (Latin-derived) names
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "غشت": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
}
# Short or ambiguous names ("may", "اب" = father) count only beside a day or a year.
AMBIGUOUS_MONTHS = {"may", "mar", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan", "feb"}
AMBIGUOUS_MONTHS |= {"apr", "sept", "اب"}

_EN_ORD_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()  # noqa: SIM905
_EN_ORD_TEENS = (  # noqa: SIM905
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
    "eighteenth nineteenth"
).split()
_AR_ORD_UNITS = "الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع".split()  # noqa: SIM905


def _ordinal_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for i, w in enumerate(_EN_ORD_UNITS, 1):
        words[w] = i
        words[f"twenty-{w}"] = words[f"twenty {w}"] = 20 + i
    for i, w in enumerate(_EN_ORD_TEENS, 10):
        words[w] = i
    words.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31})
    for i, w in enumerate(_AR_ORD_UNITS, 1):
        words[w] = i
        unit = "الحادي" if i == 1 else w
        words[f"{unit} والعشرين"] = 20 + i
        if i < 10:
            words[f"{unit} عشر"] = 10 + i
    words.update({"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي والثلاثين": 31})
    words["الاول من"] = 1
    return words


ORDINALS = _ordinal_words()
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}


def _alt(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_MONTH = rf"(?:شهر\s+)?(?P<month>{_alt(MONTHS)})(?:\s*[/(]\s*(?:{_alt(MONTHS)})\s*\)?)?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_DAYNUM = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAYWORD = rf"(?:the\s+)?(?P<dayword>{_alt(ORDINALS)})"
_DAY = rf"(?:{_DAYNUM}|{_DAYWORD})(?:\s+(?:of|من))?"
_YEAR = r"(?:,?\s*(?:عام\s+|سنه\s+)?(?P<year>(?:19|20)\d{2}))"
_RANGE_SEP = r"\s*(?:-|–|—|to|until|till|and|و|الي|حتي)\s*"
_B = r"(?<![\w])"
_E = r"(?![\w])"

ABSOLUTE_PATTERNS = [
    # 6-8 March 2025, between 6 and 8 March, من 6 الى 8 اذار
    re.compile(
        rf"{_B}(?:between\s+|from\s+|بين\s+|من\s+)?(?P<day0>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"{_RANGE_SEP}{_DAY}\s+{_MONTH}{_YEAR}?{_E}",
        re.I,
    ),
    # 6 March 2025, the sixth of March, السادس من اذار 2025, 6 اذار/مارس 2025
    re.compile(rf"{_B}{_DAY}\s+{_MONTH}{_YEAR}?{_E}", re.I),
    # March 6(th), 2025
    re.compile(rf"{_B}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{_YEAR}?{_E}", re.I),
    # 2025-03-06
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<nmonth>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    # 06/03/2025, 6.3.2025 (day first, as in Syria)
    re.compile(
        r"(?<![\d/.])(?P<day>\d{1,2})[/.](?P<nmonth>\d{1,2})[/.](?P<year>(?:19|20)\d{2})(?![\d/])"
    ),
]
MONTH_PATTERN = re.compile(
    rf"{_B}(?:(?:in|during|since|early|late|mid|في|خلال|منذ|مطلع|اوائل|اواخر|منتصف)\s+)?"
    rf"{_MONTH}{_YEAR}?{_E}",
    re.I,
)

_N = r"(?P<n>\d{1,2}|two|three|four|five|six|seven|a\s+few|اربعه|ثلاثه|خمسه)"
RELATIVE_PATTERNS: list[tuple[re.Pattern, str, int]] = [
    # (pattern, anchor: "report" or "previous", offset in days or a named span)
    (
        re.compile(
            rf"{_B}(?:the\s+day\s+before\s+yesterday|اول\s+(?:من\s+)?امس|قبل\s+امس){_E}", re.I
        ),
        "report",
        -2,
    ),
    (
        re.compile(
            rf"{_B}(?:yesterday(?:\s+(?:morning|evening|afternoon))?|last\s+night|"
            r"(?:يوم\s+|صباح\s+|مساء\s+|ليله\s+|فجر\s+|ظهر\s+)?(?:امس|البارحه|امبارح|مبارح)|"
            r"الليله\s+الماضيه)"
            rf"{_E}",
            re.I,
        ),
        "report",
        -1,
    ),
    (
        re.compile(
            rf"{_B}(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
            r"(?:صباح|مساء|فجر|ظهر|ظهيره)\s+(?:اليوم|هذا\s+اليوم)(?!\s+(?:التالي|الثاني))|"
            rf"(?<!\S)اليوم(?!\s+(?:التالي|الثاني|نفسه))){_E}",
            re.I,
        ),
        "report",
        0,
    ),
    (
        re.compile(
            rf"{_B}(?:(?P<n>\d{{1,2}}|two|three|four|five|six|seven)\s+days\s+ago|"
            rf"(?:قبل|منذ)\s+(?:(?P<n2>\d{{1,2}}|ثلاثه|اربعه|خمسه|سته)\s+ايام|(?P<two>يومين))){_E}",
            re.I,
        ),
        "report",
        -99,  # read from the groups
    ),
    (
        re.compile(
            rf"{_B}(?:(?:the\s+)?(?:next|following)\s+(?:morning|day|evening|night)|the\s+day\s+after|"
            r"(?:صباح|مساء|فجر|ليله|ظهر)?\s*(?:في\s+)?(?:اليوم|النهار)\s+(?:التالي|الثاني|اللاحق)|"
            rf"(?:صباح|مساء|فجر)\s+اليوم\s+التالي|بعد\s+يوم){_E}",
            re.I,
        ),
        "previous",
        1,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:two|2)\s+days\s+later|بعد\s+يومين){_E}",
            re.I,
        ),
        "previous",
        2,
    ),
    (
        re.compile(
            rf"{_B}(?:(?:on\s+)?the\s+same\s+day|that\s+(?:day|night|evening|morning)|"
            r"(?:في\s+)?(?:اليوم\s+نفسه|نفس\s+اليوم|ذلك\s+اليوم)|(?:مساء|صباح|ليله)\s+ذلك\s+اليوم|"
            rf"hours\s+later|بعد\s+ساعات){_E}",
            re.I,
        ),
        "previous",
        0,
    ),
    (
        re.compile(
            rf"{_B}(?:last\s+week|the\s+previous\s+week|الاسبوع\s+الماضي|الاسبوع\s+الفائت){_E}",
            re.I,
        ),
        "report",
        -7,  # the previous ISO week
    ),
    (
        re.compile(
            rf"{_B}(?:earlier\s+this\s+week|this\s+week|هذا\s+الاسبوع|الاسبوع\s+الحالي|مطلع\s+الاسبوع){_E}",
            re.I,
        ),
        "report",
        -70,  # Monday of this week to the report day
    ),
    (
        re.compile(
            rf"{_B}(?:last\s+month|the\s+previous\s+month|الشهر\s+الماضي|الشهر\s+الفائت){_E}", re.I
        ),
        "report",
        -30,  # the previous calendar month
    ),
]
WEEKDAY_PATTERN = re.compile(
    rf"{_B}(?P<last>last\s+|this\s+past\s+)?(?:on\s+)?(?:يوم\s+)?(?P<wd>{_alt(WEEKDAYS)})"
    rf"(?P<ar_last>\s+(?:الماضي|الفائت))?{_E}",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    span: DateSpan
    kind: str  # absolute, month, relative, weekday, anaphoric


def _year_for(month: int, day: int, report: date) -> int:
    """A day without a year is the most recent one not far after the report."""
    try:
        candidate = date(report.year, month, day)
    except ValueError:
        return report.year
    return report.year - 1 if candidate > report + timedelta(days=7) else report.year


def _absolute(m: re.Match, report: date) -> DateSpan | None:
    groups = m.groupdict()
    if groups.get("nmonth"):
        month = int(groups["nmonth"])
    else:
        month = MONTHS[SPACES_RE.sub(" ", groups["month"].lower())]
    if groups.get("dayword"):
        day = ORDINALS[SPACES_RE.sub(" ", groups["dayword"].lower())]
    else:
        day = int(groups["day"])
    year = int(groups["year"]) if groups.get("year") else _year_for(month, day, report)
    try:
        last = date(year, month, day)
        first = date(year, month, int(groups["day0"])) if groups.get("day0") else last
    except ValueError:
        return None
    if first > last:
        return None
    return DateSpan(first, last, "range" if first != last else "day")


SPACES_RE = re.compile(r"\s+")


def _relative(kind: int, m: re.Match, base: date) -> DateSpan:
    if kind == -7:
        monday = week_start(base) - timedelta(days=7)
        return DateSpan(monday, monday + timedelta(days=6), "week")
    if kind == -70:
        return DateSpan(week_start(base), base, "range")
    if kind == -30:
        last = base.replace(day=1) - timedelta(days=1)
        return DateSpan(last.replace(day=1), last, "month")
    if kind == -99:
        raw = (m.group("n") or m.group("n2") or "").lower()
        words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
        words |= {"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6}
        n = 2 if m.group("two") else int(raw) if raw.isdigit() else words.get(raw, 2)
        day = base - timedelta(days=n)
        return DateSpan(day, day, "day")
    day = base + timedelta(days=kind)
    return DateSpan(day, day, "day")


def find_dates(text: str, report_date: date) -> list[DateMention]:
    """Every date a text mentions, in order, read against the day the report was received.

    "the next morning" is read against the date mentioned just before it; "on Friday" is the last
    Friday on or before the report date.
    """
    from sulh.lib.arabic import fold_for_search

    folded = fold_for_search(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for pattern in ABSOLUTE_PATTERNS:
        for m in pattern.finditer(folded):
            if not free(m.start(), m.end()):
                continue
            span = _absolute(m, report_date)
            if span is not None:
                found.append(DateMention(m.start(), m.end(), span, "absolute"))
                taken.append((m.start(), m.end()))
    for m in MONTH_PATTERN.finditer(folded):
        name = SPACES_RE.sub(" ", m.group("month").lower())
        if not free(m.start(), m.end()) or (name in AMBIGUOUS_MONTHS and not m.group("year")):
            continue
        month = MONTHS[name]
        year = int(m.group("year")) if m.group("year") else _year_for(month, 1, report_date)
        last = calendar.monthrange(year, month)[1]
        found.append(
            DateMention(
                m.start(),
                m.end(),
                DateSpan(date(year, month, 1), date(year, month, last), "month"),
                "month",
            )
        )
        taken.append((m.start(), m.end()))
    pending: list[tuple[int, int, re.Match, str, int]] = []
    for pattern, anchor, offset in RELATIVE_PATTERNS:
        for m in pattern.finditer(folded):
            if free(m.start(), m.end()):
                pending.append((m.start(), m.end(), m, anchor, offset))
                taken.append((m.start(), m.end()))
    for m in WEEKDAY_PATTERN.finditer(folded):
        # A weekday written just before an explicit date ("Friday 7 March") adds nothing.
        near = [s for s, _e in taken if 0 <= s - m.end() <= 4]
        if free(m.start(), m.end()) and not near:
            pending.append((m.start(), m.end(), m, "weekday", 0))
            taken.append((m.start(), m.end()))
    for start, end, m, anchor, offset in sorted(pending, key=lambda p: p[0]):
        if anchor == "weekday":
            wanted = WEEKDAYS[m.group("wd").lower()]
            back = (report_date.weekday() - wanted) % 7
            if back == 0 and (m.group("last") or m.group("ar_last")):
                back = 7
            day = report_date - timedelta(days=back)
            found.append(DateMention(start, end, DateSpan(day, day, "day"), "weekday"))
            continue
        base = report_date
        if anchor == "previous":
            before = [d for d in found if d.end <= start]
            if before:
                base = max(before, key=lambda d: d.end).span.start
        kind = "relative" if anchor == "report" else "anaphoric"
        found.append(DateMention(start, end, _relative(offset, m, base), kind))
        found.sort(key=lambda d: d.start)
    return sorted(found, key=lambda d: d.start)


def normalise_date_phrase(text: str) -> str:
    """Arabic month names, ordinals and digits turned into the English dateparser reads right."""
    from sulh.lib.arabic import fold_for_search

    folded = fold_for_search(text).strip()
    folded = re.sub(
        rf"{_B}(?:{_alt(ORDINALS)})(?:\s+(?:of|من))?{_E}",
        lambda m: str(
            ORDINALS[SPACES_RE.sub(" ", re.sub(r"\s+(?:of|من)$", "", m.group(0).lower()))]
        ),
        folded,
        flags=re.I,
    )
    return re.sub(
        rf"(?:شهر\s+)?(?:{_alt(MONTHS)})(?:\s*[/(]\s*(?:{_alt(MONTHS)})\s*\)?)?",
        lambda m: calendar.month_name[
            MONTHS[
                SPACES_RE.sub(
                    " ", re.split(r"\s*[/(]", m.group(0))[0].lower().removeprefix("شهر").strip()
                )
            ]
        ],
        folded,
        flags=re.I,
    )


def parse_date_phrase(text: str, report_date: date) -> DateSpan:
    """One date as a person types it: "2025-03-06", "السادس من آذار 2025", "last Friday"."""
    try:
        return parse_date_span(text)
    except DateError:
        pass
    mentions = find_dates(text, report_date)
    if len(mentions) == 1:
        return mentions[0].span
    import dateparser

    english = normalise_date_phrase(text)
    parsed = dateparser.parse(
        english,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.combine(report_date, datetime.min.time()),
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "DMY",
        },
    )
    if parsed is None:
        raise DateError(f"{text!r} does not read as a date")
    return DateSpan(parsed.date(), parsed.date(), "day")
