"""The history chart as plain data: the template only draws what is here.

Scores over time for one instrument, with its bands shaded behind the line.
Each band has its own hatch pattern and a text label, so the chart reads
without colour; the page also shows the same numbers in a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

WIDTH = 400  # small viewBox: text stays readable when scaled to a 360px phone
HEIGHT = 240
LEFT, RIGHT, TOP, BOTTOM = 34, 12, 22, 30
PATTERN_BY_SEVERITY = {"low": "dots", "medium": "lines", "high": "cross"}


@dataclass(frozen=True)
class BandArea:
    label: str
    severity: str
    pattern: str  # element id of the hatch pattern
    y: float
    height: float
    label_y: float


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    total: float
    band_label: str
    when: datetime
    label: str  # the value as text, next to the point


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    key: str  # unique per chart on a page, prefixes the pattern ids
    title: str
    description: str
    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    bands: tuple[BandArea, ...]
    points: tuple[Point, ...]
    ticks: tuple[Tick, ...]
    first_label: str
    last_label: str

    @property
    def plot_width(self) -> float:
        return self.plot_right - self.plot_left

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def patterns(self) -> tuple[tuple[str, str], ...]:
        """(element id, kind) of the hatch patterns this chart needs."""
        return tuple((f"{self.key}-{kind}", kind) for kind in PATTERN_BY_SEVERITY.values())


def _fmt(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def build(
    *,
    key: str,
    title: str,
    description: str,
    min_score: float,
    max_score: float,
    bands,
    measurements: list[tuple[datetime, float, str]],
    cutoff: float | None = None,
    date_format=lambda d: d.strftime("%d-%m-%Y"),
) -> Chart:
    """A chart of `measurements` (when, total, band label), oldest first.

    `bands` are objects with min, max, label and severity (the instrument's bands).
    """
    lo, hi = float(min_score), float(max_score)
    span = (hi - lo) or 1.0
    top, bottom = TOP, HEIGHT - BOTTOM
    left, right = LEFT, WIDTH - RIGHT

    def y_of(value: float) -> float:
        value = min(max(value, lo), hi)
        return bottom - (value - lo) / span * (bottom - top)

    areas = []
    for band in bands:
        # Bands are whole-number ranges (0-6, 7-13): shade up to halfway between.
        b_lo = max(lo, float(band.min) - 0.5)
        b_hi = min(hi, float(band.max) + 0.5)
        y1, y2 = y_of(b_hi), y_of(b_lo)
        areas.append(
            BandArea(
                label=str(band.label),
                severity=band.severity,
                pattern=f"{key}-{PATTERN_BY_SEVERITY.get(band.severity, 'dots')}",
                y=round(y1, 1),
                height=round(max(y2 - y1, 0.0), 1),
                label_y=round((y1 + y2) / 2 + 4, 1),
            )
        )

    points = []
    if measurements:
        times = [m[0].timestamp() for m in measurements]
        t0, t1 = min(times), max(times)
        for index, (when, total, band_label) in enumerate(measurements):
            if t1 > t0:
                frac = (when.timestamp() - t0) / (t1 - t0)
            elif len(measurements) > 1:
                frac = index / (len(measurements) - 1)
            else:
                frac = 0.5
            x = left + 10 + frac * (right - left - 20)
            points.append(
                Point(
                    x=round(x, 1),
                    y=round(y_of(float(total)), 1),
                    total=float(total),
                    band_label=band_label,
                    when=when,
                    label=_fmt(float(total)),
                )
            )

    marks = {lo, hi} | ({float(cutoff)} if cutoff is not None and lo < cutoff < hi else set())
    ticks = tuple(Tick(round(y_of(v), 1), _fmt(v)) for v in sorted(marks))
    return Chart(
        key=key,
        title=title,
        description=description,
        width=WIDTH,
        height=HEIGHT,
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
        bands=tuple(areas),
        points=tuple(points),
        ticks=ticks,
        first_label=date_format(measurements[0][0]) if measurements else "",
        last_label=date_format(measurements[-1][0]) if len(measurements) > 1 else "",
    )
