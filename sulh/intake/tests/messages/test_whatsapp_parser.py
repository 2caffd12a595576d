"""The WhatsApp parser reads both phone formats, both clocks, Arabic exports and their quirks."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sulh.intake.messaging.whatsapp import WhatsAppError, parse_whatsapp
from sulh.intake.tests.messages.exports import ANDROID_24, IOS_12


def messages(text: str, **kw) -> list[tuple[datetime, str | None, str]]:
    return [
        (m.sent_at, m.sender, m.text) for m in parse_whatsapp(text, **kw) if m.kind == "message"
    ]


def test_android_24_hour_export():
    lines = parse_whatsapp(ANDROID_24)
    assert [m.kind for m in lines] == [
        "system",
        "message",
        "media",
        "message",
        "message",
        "message",
        "message",
    ]
    assert lines[1].sender == "Abu Samir"
    assert lines[3].sent_at == datetime(2025, 3, 7, 22, 41)  # noqa: DTZ001
    assert lines[3].sender == "+963 944 555 001"
    assert lines[4].text == "سنذبحكم واحد واحد\nبيوتكم معروفة"
    assert lines[4].line == 5
    assert lines[5].line == 7


def test_ios_12_hour_export_with_marks_and_month_first_dates():
    lines = parse_whatsapp(IOS_12)
    assert [m.kind for m in lines] == ["system", "message", "media", "message", "message"]
    assert lines[1].sent_at == datetime(2025, 3, 7, 22, 41, 30)  # noqa: DTZ001
    assert lines[3].sent_at == datetime(2025, 3, 8, 8, 15)  # noqa: DTZ001
    assert lines[3].text == "The road to Masyaf is open.\nIt was quiet overnight."
    assert lines[4].text == "الموت لكل عميل"


def test_an_arabic_phone_writes_arabic_digits_and_its_own_am_pm():
    text = (
        "\u200f٧\u200f/٣\u200f/٢٠٢٥، ١٠:٤١ م - \u202a+963 944 555 001\u202c: رح نحرقكم\n"
        "\u200f٨\u200f/٣\u200f/٢٠٢٥، ٧:٠٥ ص - أبو سمير: صباح الخير\n"
        "١٣\u200f/٣\u200f/٢٠٢٥، ١٢:٠٠ م - أبو سمير: الظهر\n"
    )
    assert messages(text) == [
        (datetime(2025, 3, 7, 22, 41), "+963 944 555 001", "رح نحرقكم"),  # noqa: DTZ001
        (datetime(2025, 3, 8, 7, 5), "أبو سمير", "صباح الخير"),  # noqa: DTZ001
        (datetime(2025, 3, 13, 12, 0), "أبو سمير", "الظهر"),  # noqa: DTZ001
    ]


def test_us_android_12_hour_clock_with_narrow_spaces():
    text = (
        "3/7/25, 12:05\u202fAM - Abu Samir: after midnight\n3/15/25, 12:30 PM - Abu Samir: noon\n"
    )
    assert [m[0] for m in messages(text)] == [
        datetime(2025, 3, 7, 0, 5),  # noqa: DTZ001
        datetime(2025, 3, 15, 12, 30),  # noqa: DTZ001
    ]


def test_a_day_above_twelve_decides_the_order():
    text = "13/03/2025, 09:00 - A: one\n02/04/2025, 09:00 - A: two\n"
    assert [m[0].date().isoformat() for m in messages(text)] == ["2025-03-13", "2025-04-02"]
    text = "03/13/2025, 09:00 - A: one\n04/02/2025, 09:00 - A: two\n"
    assert [m[0].date().isoformat() for m in messages(text)] == ["2025-03-13", "2025-04-02"]


def test_an_undecidable_order_asks_and_a_given_order_is_used():
    text = "04/03/2025, 09:00 - A: one\n"
    with pytest.raises(WhatsAppError, match="day/month or month/day"):
        parse_whatsapp(text)
    assert messages(text, date_order="mdy")[0][0].month == 4
    assert messages(text, date_order="dmy")[0][0].month == 3


def test_media_deleted_and_system_lines_are_not_messages():
    text = (
        "07/03/2025, 10:00 - Abu Samir: <Media omitted>\n"
        "07/03/2025, 10:01 - Abu Samir: This message was deleted\n"
        "07/03/2025, 10:02 - Abu Samir added +963 944 555 010\n"
        "13/03/2025, 10:03 - +963 944 555 010 left\n"
    )
    assert [m.kind for m in parse_whatsapp(text)] == ["media", "deleted", "system", "system"]


def test_a_file_that_is_not_an_export_names_the_line():
    with pytest.raises(WhatsAppError, match="line 2: not a WhatsApp export line"):
        parse_whatsapp("\nDear council, here are my notes\n07/03/2025, 10:00 - A: hi\n")
    with pytest.raises(WhatsAppError, match=r"line 2: 31/02/2025 10:00 is not a valid date"):
        parse_whatsapp("01/03/2025, 10:00 - A: hi\n31/02/2025, 10:00 - A: no such day\n")
    with pytest.raises(WhatsAppError, match="line 1: no WhatsApp messages"):
        parse_whatsapp("\n\n")


@given(st.text(max_size=300))
def test_any_text_either_parses_or_says_which_line(text):
    try:
        lines = parse_whatsapp(text)
    except WhatsAppError as exc:
        assert str(exc).startswith("line ") or "order" in str(exc)
    else:
        assert all(line.line >= 1 for line in lines)
