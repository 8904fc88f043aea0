"""Matching articles per issue over time, as the geometry of a bar chart drawn in inline SVG.

The template `_chart.html` draws what `trend_chart()` computes; nothing here is markup, so the
template's autoescaping covers every label.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 170
LEFT, RIGHT, TOP, BOTTOM = 32, 8, 14, 40
MAX_LABELS = 18  # beyond this many issues, label every n-th bar so labels don't collide


@dataclass(frozen=True)
class Bar:
    """One issue's bar, in SVG user units."""

    issue: str
    count: int
    x: float
    y: float
    width: float
    height: float
    href: str
    label: str  # shown under the bar ("24.04"); empty when skipped for room
    title: str  # tooltip: "2024-04: 3 articles"


@dataclass(frozen=True)
class Chart:
    """The whole chart: its size, bars, scale and axis positions."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    max_count: int
    baseline: float  # y of the x axis
    left: float
    right: float
    top: float
    label_y: float


def trend_chart(
    counts: Mapping[str, int], issues: Sequence[str], href: Callable[[str], str]
) -> Chart | None:
    """A bar per issue held (zeros included, oldest first); None when no issue matched."""
    timeline = sorted(set(issues) | set(counts))
    if not timeline or not any(counts.get(i, 0) for i in timeline):
        return None
    max_count = max(counts.get(i, 0) for i in timeline)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    band = plot_width / len(timeline)
    every = max(1, -(-len(timeline) // MAX_LABELS))  # ceiling division
    bars = []
    for n, issue in enumerate(timeline):
        count = counts.get(issue, 0)
        height = plot_height * count / max_count
        bars.append(
            Bar(
                issue=issue,
                count=count,
                x=round(LEFT + n * band + band * 0.15, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(band * 0.7, 2),
                height=round(height, 2),
                href=href(issue),
                label=f"{issue[2:4]}.{issue[5:7]}" if n % every == 0 else "",
                title=f"{issue}: {count} article{'s' if count != 1 else ''}",
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=tuple(bars),
        max_count=max_count,
        baseline=TOP + plot_height,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        label_y=TOP + plot_height + 16,
    )
