"""Figures over time by source as inline SVG, drawn on the server (no script, no network).

Each figure is a band [low, high]: a vertical bar where both ends are known, an arrow where one
end is open ("more than 10,000"). Sources differ by colour *and* marker shape, and every mark
links to its claim. A log scale is used when the figures span more than a factor of 20.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 78, 20, 16, 46
# Okabe-Ito colours (distinguishable with colour-blindness), darkened where needed for contrast.
COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9", "#000000", "#e69f00")
SHAPES = ("circle", "square", "triangle", "diamond")


@dataclass(frozen=True, slots=True)
class Point:
    """One figure of one claim: when it was published, who gave it, and its band."""

    day: date
    source: str
    low: float | None
    high: float | None
    text: str
    href: str
    emphasis: bool = False

    @property
    def centre(self) -> float:
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Series:
    source: str
    colour: str
    shape: str


@dataclass(frozen=True, slots=True)
class Scale:
    lo: float
    hi: float
    log: bool

    def __call__(self, v: float) -> float:
        f = ((math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
             if self.log else (v - self.lo) / (self.hi - self.lo))
        return TOP + (1 - f) * (HEIGHT - TOP - BOTTOM)


def series_for(points: list[Point]) -> list[Series]:
    """A stable colour and shape per source, in order of first appearance."""
    seen: list[str] = []
    for p in sorted(points, key=lambda p: (p.day, p.source)):
        if p.source not in seen:
            seen.append(p.source)
    n = len(COLOURS)  # past n sources the colours repeat, so the shape shifts: pairs stay distinct
    return [Series(s, COLOURS[i % n], SHAPES[(i + i // n) % len(SHAPES)]) for i, s in enumerate(seen)]


def _values(points: list[Point]) -> list[float]:
    return [v for p in points for v in (p.low, p.high) if v is not None]


def y_scale(points: list[Point]) -> Scale:
    vals = _values(points)
    lo, hi = min(vals), max(vals)
    if lo > 0 and hi / lo > 20:
        return Scale(10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi)), True)
    step = _nice_step((hi - min(lo, 0)) / 5 or 1)
    lo = min(0.0, math.floor(lo / step) * step)
    return Scale(lo, math.ceil(hi / step) * step if hi > lo else lo + step, False)


def _nice_step(raw: float) -> float:
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)


def y_ticks(scale: Scale) -> list[float]:
    if scale.log:
        k0, k1 = round(math.log10(scale.lo)), round(math.log10(scale.hi))
        return [10.0**k for k in range(k0, k1 + 1)]
    step = _nice_step((scale.hi - scale.lo) / 5)
    n = round((scale.hi - scale.lo) / step)
    return [scale.lo + i * step for i in range(n + 1)]


def number(v: float) -> str:
    """10000.0 -> '10,000'; 2.5 -> '2.5'."""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _x_map(points: list[Point]) -> tuple[Callable[[date, float], float], list[date]]:
    """Day -> x, with a day of margin each side; and the days to label."""
    first, last = min(p.day for p in points), max(p.day for p in points)
    first, last = first - timedelta(days=1), last + timedelta(days=1)
    span = (last - first).days

    def x(day: date, nudge: float = 0.0) -> float:
        return LEFT + ((day - first).days + nudge) / span * (WIDTH - LEFT - RIGHT)

    return x, [first + timedelta(days=d) for d in range(1, span)]


def _marker(shape: str, cx: float, cy: float, colour: str, r: float = 5.5) -> str:
    fill = f'fill="{colour}" stroke="#fff" stroke-width="1"'
    if shape == "square":
        return f'<rect x="{cx - r:.1f}" y="{cy - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {fill}/>'
    if shape == "triangle":
        pts = f"{cx:.1f},{cy - r - 1:.1f} {cx + r:.1f},{cy + r:.1f} {cx - r:.1f},{cy + r:.1f}"
        return f'<polygon points="{pts}" {fill}/>'
    if shape == "diamond":
        d = r + 1
        pts = f"{cx:.1f},{cy - d:.1f} {cx + d:.1f},{cy:.1f} {cx:.1f},{cy + d:.1f} {cx - d:.1f},{cy:.1f}"
        return f'<polygon points="{pts}" {fill}/>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" {fill}/>'


def _mark(p: Point, s: Series, x: float, y: Scale) -> str:
    """One figure: band or open-ended arrow, the marker, a tooltip and the link to the claim."""
    parts = []
    top = y(p.high) if p.high is not None else TOP
    bottom = y(p.low) if p.low is not None else HEIGHT - BOTTOM
    if p.low != p.high:
        dash = "" if p.low is not None and p.high is not None else ' stroke-dasharray="3 3"'
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" '
                     f'stroke="{s.colour}" stroke-width="{3 if p.emphasis else 2}"{dash}/>')
    parts.append(_marker(s.shape, x, y(p.centre if p.low is not None and p.high is not None
                                          else p.low if p.low is not None else p.high),
                         s.colour, 7 if p.emphasis else 5.5))
    label = f"{p.source}: {p.text} ({p.day.isoformat()})"
    return (f'<a href="{escape(p.href)}" class="mark"><title>{escape(label)}</title>'
            + "".join(parts) + "</a>")


def figure_chart(points: list[Point], unit: str, caption: str) -> Markup:
    """An accessible SVG chart of the points; the caller shows the legend and the data table."""
    if not points or not _values(points):
        return Markup("")
    y = y_scale([p for p in points if _values([p])])
    x, days = _x_map(points)
    series = {s.source: s for s in series_for(points)}
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" '
           f'aria-label="{escape(caption)}" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(caption)}</title>"]
    for t in y_ticks(y):
        ty = y(t) if not (y.log and t <= 0) else HEIGHT - BOTTOM
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
                   f'<text class="tick" x="{LEFT - 8}" y="{ty + 4:.1f}" text-anchor="end">'
                   f"{escape(number(t))}</text>")
    every = max(1, len(days) // 8)
    for i, d in enumerate(days):
        if i % every == 0:
            out.append(f'<text class="tick" x="{x(d):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                       f'text-anchor="middle">{escape(d.strftime("%d %b"))}</text>')
    out.append(f'<text class="axis" x="14" y="{TOP + (HEIGHT - TOP - BOTTOM) / 2:.1f}" '
               f'transform="rotate(-90 14 {TOP + (HEIGHT - TOP - BOTTOM) / 2:.1f})" text-anchor="middle">'
               f"{escape(unit)}{' (log scale)' if y.log else ''}</text>")
    order = list(series)
    for p in sorted(points, key=lambda p: (p.day, order.index(p.source))):
        nudge = (order.index(p.source) - (len(order) - 1) / 2) * 0.08
        out.append(_mark(p, series[p.source], x(p.day, nudge), y))
    out.append("</svg>")
    return Markup("".join(out))


def legend_marker(s: Series) -> Markup:
    """The series' marker as a small standalone SVG for the legend."""
    return Markup(f'<svg class="swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">'
                  f"{_marker(s.shape, 8, 8, s.colour, 5.5)}</svg>")
