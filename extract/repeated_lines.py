"""Page furniture found without knowing the layout: lines that repeat across pages (running
heads and feet, section tabs, box labels) and page numbers in the head or foot band.

The generic reader (`generic_reader`) uses this where `running_heads` knows each generation's
patterns. A line is furniture when its shape (digits folded, spaces squeezed) is short and
printed at the same height (within `_SAME_PLACE` points) on at least `_MIN_PAGES` pages and a
quarter of the issue's pages: an article's own words are never printed that often in one place.
"""

from __future__ import annotations

import re
from collections import defaultdict

from extract.page_lines import Line, PageText

_MIN_PAGES = 3
_SHARE = 0.25
_SAME_PLACE = 6.0  # points
_SHORT = 40  # characters: running heads and tabs are short; a repeated sentence is not furniture
_HEAD_BAND, _FOOT_BAND = 0.1, 0.88  # fractions of the page height
# "7", "- 7 -", "(7)", "p. 7", "Page 7", "7 / 28"
_NUMBER = re.compile(
    r"^\s*(?:p\.?|page)?\s*[-–—(]?\s*(\d{1,3})\s*[-–—)]?\s*(?:/\s*\d{1,3})?\s*$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")


def shape(text: str) -> str:
    """What a repeated line has in common across pages: digits folded, spaces squeezed."""
    return " ".join(_DIGITS.sub("#", text).split())


def repeated_lines(pages: list[PageText]) -> frozenset[tuple[int, str]]:
    """(page, shape) of every short line printed in one place on enough pages to be furniture."""
    places: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for page in pages:
        for line in page.lines:
            if line.text.strip() and len(text := shape(line.text)) <= _SHORT:
                places[text].append((line.y0, page.number))
    least = max(_MIN_PAGES, _SHARE * len(pages))
    found = set()
    for text, spots in places.items():
        spots.sort()
        for i, (top, _) in enumerate(spots):
            group = [page for y, page in spots[i:] if y - top <= _SAME_PLACE]
            if len(set(group)) >= least:
                found.update((page, text) for page in group)
    return frozenset(found)


def page_number_line(line: Line, page: PageText) -> int | None:
    """The page number a line in the head or foot band prints, if it prints only that."""
    in_band = line.y0 > page.height * _FOOT_BAND or line.y1 < page.height * _HEAD_BAND
    match = _NUMBER.match(line.text) if in_band else None
    return int(match.group(1)) if match else None


def printed_number(page: PageText) -> int | None:
    """The page's printed number (the foot's before the head's), or None."""
    numbers = [
        (line.y0 < page.height / 2, number)
        for line in page.lines
        if (number := page_number_line(line, page)) is not None
    ]
    return min(numbers)[1] if numbers else None


def without_furniture(page: PageText, repeated: frozenset[tuple[int, str]]) -> list[Line]:
    """The page's lines less repeated lines, page numbers and blank lines."""
    return [
        line
        for line in page.lines
        if (line.text.strip() or line.marker)
        and (page.number, shape(line.text)) not in repeated
        and page_number_line(line, page) is None
    ]
