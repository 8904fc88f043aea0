"""Matching articles per issue on a calendar, as the geometry of a bar chart drawn in inline SVG.

The x axis is months, from the first issue held to the last: a month with no issue held is a gap
(no bar), an issue held without a match is a stub on the baseline, so the two never look alike.
The template macro `chart_svg` draws what `trend_chart()` computes; nothing here is markup or
words, so the template translates every label and its autoescaping covers them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 180
LEFT, RIGHT, TOP, BOTTOM = 32, 8, 16, 42
BAR_SHARE = 0.7  # of a month's band; the rest is space between bars
MIN_MONTH_LABEL_BAND = 26.0  # user units a month needs to carry its own label
MIN_COUNT_BAND = 36.0  # below this a count over each bar is too crowded on a phone
MIN_YEAR_BAND = 60.0  # room a year label needs before the next year's (at a phone's type size)


@dataclass(frozen=True)
class Bar:
    """One issue's bar, in SVG user units."""

    issue: str  # YYYY-MM
    count: int
    x: float
    y: float
    width: float
    height: float
    href: str
    band_x: float  # the month's whole band, which a tap anywhere on opens the issue
    band_width: float


@dataclass(frozen=True)
class Tick:
    """A label under the axis: a year (at its January, or where the timeline starts) or a month."""

    x: float
    text: str  # "2024" or "4"
    year: bool


@dataclass(frozen=True)
class Chart:
    """The whole chart: its size, bars, axis labels and scale."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    months: int  # how many months the axis spans
    max_count: int
    dense: bool  # bars too narrow for a count over each on a small screen
    baseline: float  # y of the x axis
    left: float
    right: float
    top: float
    month_y: float  # y of the month labels
    year_y: float  # y of the year labels


def month_span(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while (current := f"{year:04d}-{month:02d}") <= last:
        months.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def trend_chart(
    counts: Mapping[str, int], issues: Sequence[str], href: Callable[[str], str]
) -> Chart | None:
    """A bar per issue held on a month axis (zeros included); None when no issue matched."""
    held = sorted(set(issues) | set(counts))
    if not held or not any(counts.get(i, 0) for i in held):
        return None
    months = month_span(held[0], held[-1])
    max_count = max(counts.get(i, 0) for i in held)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    band = plot_width / len(months)
    position = {month: LEFT + n * band for n, month in enumerate(months)}
    bars = []
    for issue in held:
        count = counts.get(issue, 0)
        height = plot_height * count / max_count
        bars.append(
            Bar(
                issue=issue,
                count=count,
                x=round(position[issue] + band * (1 - BAR_SHARE) / 2, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(band * BAR_SHARE, 2),
                height=round(height, 2),
                href=href(issue),
                band_x=round(position[issue], 2),
                band_width=round(band, 2),
            )
        )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        bars=tuple(bars),
        ticks=ticks(months, band),
        months=len(months),
        max_count=max_count,
        dense=band < MIN_COUNT_BAND,
        baseline=TOP + plot_height,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        month_y=TOP + plot_height + 14,
        year_y=TOP + plot_height + 32,
    )


def ticks(months: Sequence[str], band: float) -> tuple[Tick, ...]:
    """Year labels where years start on the axis, and month labels every few months; on a long
    axis every second (fifth, tenth) year, and no month labels once only Januaries would have
    them."""
    every = next(n for n in (1, 2, 3, 6, 12) if band * n >= MIN_MONTH_LABEL_BAND or n == 12)
    every_year = next(n for n in (1, 2, 5, 10) if 12 * band * n >= MIN_YEAR_BAND or n == 10)
    result = []
    for n, month in enumerate(months):
        centre = round(LEFT + (n + 0.5) * band, 2)
        year, number = int(month[:4]), int(month[5:7])
        starts_year = number == 1 and year % every_year == 0
        starts_axis = n == 0 and every_year == 1
        if starts_year or (starts_axis and not _crowded_first_year(number, len(months), band)):
            result.append(Tick(round(LEFT + n * band, 2), month[:4], year=True))
        if every < 12 and (number - 1) % every == 0:  # a yearly month label only repeats the year
            result.append(Tick(centre, str(number), year=False))
    return tuple(result)


def _crowded_first_year(first_month: int, months: int, band: float) -> bool:
    """Whether the axis's first, partial year is too short to label before the next January."""
    before_january = 13 - first_month
    return first_month != 1 and months > before_january and before_january * band < MIN_YEAR_BAND
