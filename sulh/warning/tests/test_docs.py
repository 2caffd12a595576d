from pathlib import Path

from sulh.warning.indicators import indicators

DOC = Path(__file__).resolve().parents[3] / "docs" / "warning.md"


def test_every_indicator_is_documented_with_its_weight_and_saturation():
    text = DOC.read_text(encoding="utf-8")
    for ind in indicators().values():
        row = next(line for line in text.splitlines() if line.startswith(f"| `{ind.name}` |"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[2] == f"{ind.window_days} day" + ("s" if ind.window_days > 1 else "")
        assert (cells[3], cells[4]) == (f"{ind.risk_weight:g}", f"{ind.saturation:g}")
