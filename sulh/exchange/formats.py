"""The column layouts sulh reads and writes (names only; no third-party rows are shipped)."""

from pathlib import Path

DATA = Path(__file__).parent / "data"

# ACLED's export columns (2023 format), in order; sulh/exchange/data/acled_columns.txt.
ACLED_COLUMNS: list[str] = (DATA / "acled_columns.txt").read_text(encoding="utf-8").split()
