"""Small SVG charts and point maps drawn on the server: no JavaScript, and the same drawing in a
web page and in a PDF. Labels are escaped here; callers pass plain text."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    low: float | None = None  # a range drawn as a whisker over the bar (fatalities low-high)
    high: float | None = None


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    step = 10 ** (len(str(int(value))) - 1)
    return ((int(value) // step) + 1) * step


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str = "",
    width: int = 640,
    height: int = 180,
    color: str = "#3b6ea5",
) -> str:
    """Vertical bars, left to right in the order given (time reads left to right in both
    languages); a whisker marks low-high when given. At most ~8 axis labels are written."""
    pad_left, pad_bottom, pad_top = 36, 22, 18 if title else 6
    plot_w, plot_h = width - pad_left - 6, height - pad_bottom - pad_top
    top = _nice_max(max([b.high or b.value for b in bars] or [0]))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" direction="ltr" '
        f'font-family="sans-serif" font-size="10">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")
        parts.append(f'<text x="{pad_left}" y="12" font-size="11">{escape(title)}</text>')
    for fraction in (0, 0.5, 1):
        y = pad_top + plot_h * (1 - fraction)
        parts.append(
            f'<line x1="{pad_left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{pad_left - 4}" y="{y + 3:.1f}" text-anchor="end">'
            f"{top * fraction:g}</text>"
        )
    if bars:
        slot = plot_w / len(bars)
        every = max(1, round(len(bars) / 8))
        for i, bar in enumerate(bars):
            x = pad_left + i * slot
            h = plot_h * bar.value / top
            parts.append(
                f'<rect x="{x + slot * 0.1:.1f}" y="{pad_top + plot_h - h:.1f}" '
                f'width="{max(slot * 0.8, 0.5):.1f}" height="{h:.1f}" fill="{color}">'
                f"<title>{escape(bar.label)}: {bar.value:g}</title></rect>"
            )
            if bar.low is not None and bar.high is not None and bar.high > bar.low:
                cx = x + slot / 2
                y1 = pad_top + plot_h * (1 - bar.low / top)
                y2 = pad_top + plot_h * (1 - bar.high / top)
                parts.append(
                    f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y1:.1f}" y2="{y2:.1f}" '
                    f'stroke="#222" stroke-width="1"/>'
                )
            if i % every == 0:
                parts.append(
                    f'<text x="{x + slot / 2:.1f}" y="{height - 8}" text-anchor="middle">'
                    f"{escape(bar.label)}</text>"
                )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Point:
    longitude: float
    latitude: float
    label: str = ""
    size: float = 1  # relative: drawn as the square root, so area follows the count
    kind: str = "event"  # event, place


KIND_STYLE = {"event": ("#c0392b", 0.75), "place": ("#888", 0.6)}


def point_map(
    points: Sequence[Point], *, width: int = 480, height: int = 360, margin: float = 0.05
) -> str:
    """Points in an equirectangular frame fitted to them; labelled points get their name."""
    located = [p for p in points if p.longitude is not None and p.latitude is not None]
    if not located:
        return ""
    lats = [p.latitude for p in located]
    cy = (max(lats) + min(lats)) / 2
    shrink = math.cos(math.radians(cy))  # a degree of longitude is shorter away from the equator
    xs = [p.longitude * shrink for p in located]
    cx = (max(xs) + min(xs)) / 2
    span_x, span_y = max(xs) - min(xs), max(lats) - min(lats)
    scale = min(width / max(span_x, 0.02), height / max(span_y, 0.02)) / (1 + 2 * margin)

    def xy(p: Point) -> tuple[float, float]:
        return (
            width / 2 + (p.longitude * shrink - cx) * scale,
            height / 2 - (p.latitude - cy) * scale,
        )

    biggest = max([p.size for p in located if p.kind == "event"] or [1])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" direction="ltr" font-family="sans-serif" '
        f'font-size="10"><rect width="{width}" height="{height}" fill="#f4f1ea"/>'
    ]
    for p in sorted(located, key=lambda p: (p.kind == "event", -p.size)):
        x, y = xy(p)
        color, opacity = KIND_STYLE.get(p.kind, KIND_STYLE["event"])
        r = 2.5 if p.kind == "place" else 4 + 10 * (p.size / biggest) ** 0.5
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{color}" '
            f'fill-opacity="{opacity}"><title>{escape(p.label)}</title></circle>'
        )
        if p.label:
            parts.append(
                f'<text x="{x + r + 2:.1f}" y="{y + 3:.1f}" fill="#333">{escape(p.label)}</text>'
            )
    km = 10
    bar = km / 111 * scale
    parts.append(
        f'<line x1="10" x2="{10 + bar:.1f}" y1="{height - 10}" y2="{height - 10}" '
        f'stroke="#333" stroke-width="2"/><text x="10" y="{height - 14}">{km} km</text></svg>'
    )
    return "".join(parts)
