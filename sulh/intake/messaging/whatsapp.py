"""Parse a WhatsApp "export chat" text file (Android and iOS, any clock, either date order).

Android:  ``07/03/2025, 14:05 - Name: text``  or  ``3/7/25, 2:05 PM - +963 912 345 678: text``
iOS:      ``[07/03/2025, 14:05:33] Name: text``  (system lines start with a left-to-right mark)
Arabic phones write Arabic-Indic digits, ``،`` and ``ص``/``م`` for AM/PM, and sprinkle LRM/RLM
marks; all are folded before matching. A line that does not start a message continues the one
before it. Whether dates are day-first or month-first is read from the file: a part above 12
decides it, otherwise the order that keeps the messages in time order; if neither does, the caller
must say (``date_order``).

Written here rather than taken from ``whatstk``, which parses the same formats but needs pandas
and plotting libraries (~336 MB) for a few hundred lines of regular expressions.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from sulh.lib.arabic import fold_digits

# Bidirectional marks, zero-width characters and the BOM that phones put around dates and names.
MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
SPACES = re.compile("[\u00a0\u202f\u2007]")
DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
AMPM = r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?|ص|م))?"
ANDROID = re.compile(rf"^{DATE}[,،]?\s+{TIME}{AMPM}\s+[-–]\s+(?P<rest>.*)$", re.IGNORECASE)
IOS = re.compile(rf"^\[{DATE}[,،]?\s+{TIME}{AMPM}\]\s+(?P<rest>.*)$", re.IGNORECASE)

MEDIA = re.compile(
    r"^(?:<media omitted>|<.*(?:omitted|مستبعد|محذوف|غير مضمن).*>|"
    r"(?:image|video|audio|sticker|document|gif|contact card) omitted|<attached: .*>|null|"
    r"تم استبعاد .*|.*الوسائط.*)$",
    re.IGNORECASE,
)
DELETED = re.compile(
    r"^(?:this message was deleted|you deleted this message|"
    r"تم حذف هذه الرسالة|لقد حذفت هذه الرسالة)\.?$",
    re.IGNORECASE,
)
SYSTEM = re.compile(
    r"end-to-end encrypted|مشفرة|created (?:the )?group|أنشأ|added|أضاف|left$|غادر|"
    r"changed (?:the|this|their)|غيّر|غير |joined using|انضم|removed|أزال|security code",
    re.IGNORECASE,
)


class WhatsAppError(ValueError):
    """The file is not a WhatsApp export; the message names the line."""


@dataclass
class ChatLine:
    line: int  # 1-based line number of the message's first line
    sent_at: datetime  # naive: the phone's local time, as written
    sender: str | None  # None for system lines
    text: str
    kind: str = "message"  # message, media, deleted, system
    key: str = ""  # a stable id when the export has one (Telegram); WhatsApp lines have none


@dataclass
class _Raw:
    line: int
    date: str
    time: str
    ampm: str
    sender: str | None
    text: str
    marked: bool  # iOS marks system and media lines with an LRM


def clean(line: str) -> str:
    return SPACES.sub(" ", MARKS.sub("", fold_digits(line))).rstrip()


def _split(rest: str, ios: bool) -> tuple[str | None, str, bool]:
    marked = False
    sender, sep, text = rest.partition(": ")
    if not sep:
        if rest.endswith(":"):
            return rest[:-1], "", False
        return None, rest, False
    if ios:
        # The raw text after the colon began with an LRM: a system line or an attachment.
        marked = text.startswith("\u200e")
    return MARKS.sub("", sender).strip(), text, marked


def _read_lines(text: str) -> list[_Raw]:
    raws: list[_Raw] = []
    for number, original in enumerate(text.splitlines(), start=1):
        folded = clean(original)
        stripped = folded.lstrip()
        for pattern, ios in ((IOS, True), (ANDROID, False)):
            match = pattern.match(stripped)
            if match:
                raw_rest = original[original.find("]") + 1 :] if ios else match["rest"]
                if ios:
                    raw_rest = SPACES.sub(" ", fold_digits(raw_rest)).strip(" ")
                sender, body, marked = _split(raw_rest if ios else match["rest"], ios)
                raws.append(
                    _Raw(
                        number,
                        match["date"],
                        match["time"],
                        (match["ampm"] or "").lower(),
                        sender,
                        clean(body).strip() if ios else body.strip(),
                        marked,
                    )
                )
                break
        else:
            if not raws:
                if not folded.strip():
                    continue
                raise WhatsAppError(
                    f"line {number}: not a WhatsApp export line (no date and time at its start)"
                )
            raws[-1].text += "\n" + folded
    return raws


def _parts(date: str) -> tuple[int, int, int]:
    a, b, c = (int(p) for p in re.split(r"[./-]", date))
    return a, b, c


def _date_order(raws: list[_Raw], given: str | None) -> str:
    if given:
        if given not in ("dmy", "mdy", "ymd"):
            raise WhatsAppError(f"date order {given!r} is not dmy, mdy or ymd")
        return given
    parts = [_parts(r.date) for r in raws]
    if all(a > 31 for a, _b, _c in parts):
        return "ymd"
    day_first = any(a > 12 for a, _b, _c in parts)
    month_first = any(b > 12 for _a, b, _c in parts)
    if day_first and month_first:
        raise WhatsAppError("the dates mix day-first and month-first orders")
    if day_first or month_first:
        return "dmy" if day_first else "mdy"
    if all(a == b for a, b, _c in parts):
        return "dmy"
    # Every part is 12 or less: the order that keeps the messages in time order wins, and of two
    # such orders the one spanning less time (5, 7, 8 March rather than 3 May to 3 August).
    spans = {o: _span([_day(p, o) for p in parts]) for o in ("dmy", "mdy")}
    keep = sorted((span, o) for o, span in spans.items() if span is not None)
    if len(keep) == 1 or (len(keep) == 2 and keep[0][0] < keep[1][0]):
        return keep[0][1]
    raise WhatsAppError(
        "the dates could be day/month or month/day; say which (date order dmy or mdy)"
    )


def _day(parts: tuple[int, int, int], order: str) -> tuple[int, int, int]:
    a, b, c = parts
    if order == "ymd":
        return a, b, c
    year = c + 2000 if c < 100 else c
    return (year, b, a) if order == "dmy" else (year, a, b)


def _span(days: list[tuple[int, int, int]]) -> int | None:
    """Days from first to last message, or None when the dates are not in time order."""
    try:
        stamps = [datetime(*d) for d in days]  # noqa: DTZ001 - dates only, compared to each other
    except ValueError:
        return None
    if any(x > y for x, y in zip(stamps, stamps[1:], strict=False)):
        return None
    return (stamps[-1] - stamps[0]).days


def _when(raw: _Raw, order: str) -> datetime:
    year, month, day = _day(_parts(raw.date), order)
    pieces = [int(p) for p in re.split(r"[:.]", raw.time)]
    hour, minute, second = (pieces + [0])[:3]
    if raw.ampm:
        if not 1 <= hour <= 12:
            raise WhatsAppError(f"line {raw.line}: {raw.time} is not a 12-hour time")
        pm = raw.ampm.startswith("p") or raw.ampm == "م"
        hour = hour % 12 + (12 if pm else 0)
    try:
        return datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - local, naive
    except ValueError:
        raise WhatsAppError(
            f"line {raw.line}: {raw.date} {raw.time} is not a valid date and time"
        ) from None


def _kind(raw: _Raw) -> str:
    if raw.sender is None:
        return "system"
    text = raw.text.strip()
    if MEDIA.match(text):
        return "media"
    if DELETED.match(text):
        return "deleted"
    if raw.marked:
        return "system" if SYSTEM.search(text) or not text else "media"
    return "message"


def parse_whatsapp(text: str, date_order: str | None = None) -> list[ChatLine]:
    """Every line of the export as a message, media placeholder, deleted message or system line."""
    raws = _read_lines(text)
    if not raws:
        raise WhatsAppError("line 1: no WhatsApp messages found (no line starts with a date)")
    order = _date_order(raws, date_order)
    return [ChatLine(r.line, _when(r, order), r.sender, r.text.strip(), _kind(r)) for r in raws]
