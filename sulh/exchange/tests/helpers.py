"""Small ACLED-format files written by the tests (invented rows, ACLED's column layout)."""

import csv
import io
from pathlib import Path

from sulh.exchange.formats import ACLED_COLUMNS

BASE = {
    "event_date": "2025-03-06",
    "year": "2025",
    "time_precision": "1",
    "disorder_type": "Political violence",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Unidentified Armed Group (Syria)",
    "inter1": "3",
    "actor2": "Military Forces of Syria (2024-)",
    "inter2": "1",
    "iso": "760",
    "region": "Middle East",
    "country": "Syria",
    "admin1": "Tartus",
    "admin2": "Qadmous",
    "admin3": "Qadmous",
    "location": "Al Qadmus",
    "latitude": "35.1",
    "longitude": "36.16",
    "geo_precision": "1",
    "source": "Local sources",
    "notes": "اشتباك قرب القدموس، وأفيد بسقوط قتيلين.",
    "fatalities": "2",
}


def acled_row(event_id: str, **changes: str) -> dict[str, str]:
    return {**BASE, "event_id_cnty": event_id, **changes}


def acled_text(rows: list[dict[str, str]], line_end: str = "\r\n") -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ACLED_COLUMNS, restval="", lineterminator=line_end)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_acled(
    path: Path, rows: list[dict[str, str]], encoding: str = "utf-8", line_end: str = "\r\n"
) -> Path:
    path.write_bytes(acled_text(rows, line_end).encode(encoding))
    return path
