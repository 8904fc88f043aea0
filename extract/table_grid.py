"""Ruled tables read from PyMuPDF: the page's rules give the cells, the page's lines their text.

The events table is drawn with a rule around every cell. Its rules and the lines already
read for the page are enough to rebuild the rows, at a small fraction of what a general
table finder costs (pdfminer re-interprets the page in pure Python).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

import pymupdf

from extract.line_joins import join_wrapped_lines
from extract.page_lines import Line
from extract.text_forms import normalize_text

_SNAP = 1.5  # points within which two rules are the same rule
_THIN = 2.0  # a filled rectangle thinner than this is a rule
_DASH = re.compile(r"^\s*[-∙•]\s")  # a line that starts a new point inside a cell


@dataclass(frozen=True)
class Rule:
    """A horizontal (at=y, from x0 to x1) or vertical (at=x, from y0 to y1) rule."""

    at: float
    start: float
    end: float

    def covers(self, start: float, end: float) -> bool:
        return self.start - _SNAP <= start and end <= self.end + _SNAP


def page_rules(page: pymupdf.Page) -> tuple[list[Rule], list[Rule]]:
    """The page's horizontal and vertical rules, from its line and rectangle drawings."""
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] == "l":
                _add_segment(item[1], item[2], horizontal, vertical)
            elif item[0] == "re":
                rect = item[1]
                if rect.height < _THIN or rect.width < _THIN:
                    _add_segment(rect.tl, rect.br, horizontal, vertical, thin=True)
                else:
                    for a, b in ((rect.tl, rect.tr), (rect.bl, rect.br)):
                        _add_segment(a, b, horizontal, vertical)
                    for a, b in ((rect.tl, rect.bl), (rect.tr, rect.br)):
                        _add_segment(a, b, horizontal, vertical)
    return horizontal, vertical


def _add_segment(a, b, horizontal, vertical, thin: bool = False) -> None:
    if abs(a.y - b.y) < _THIN and (not thin or abs(a.x - b.x) >= _THIN):
        y = (a.y + b.y) / 2
        horizontal.append(Rule(y, min(a.x, b.x), max(a.x, b.x)))
    elif abs(a.x - b.x) < _THIN:
        x = (a.x + b.x) / 2
        vertical.append(Rule(x, min(a.y, b.y), max(a.y, b.y)))


def _by_position(rules: list[Rule]) -> dict[float, list[Rule]]:
    """Rules grouped by position, rules within `_SNAP` of each other counting as one."""
    grouped: dict[float, list[Rule]] = {}
    last = None
    for rule in sorted(rules, key=lambda rule: rule.at):
        if last is None or rule.at - last > _SNAP:
            last = rule.at
            grouped[last] = []
        grouped[last].append(rule)
    return grouped


def _ruled(rules: dict[float, list[Rule]], at: float, start: float, end: float) -> bool:
    return any(rule.covers(start, end) for rule in rules[at])


def table_rows(page: pymupdf.Page, lines: list[Line]) -> list[list[str]]:
    """Every ruled cell of the page as rows of text, one column per vertical rule position;
    a merged cell's text sits in its first row and column, the cells it covers are ""."""
    horizontal_rules, vertical_rules = page_rules(page)
    horizontal, vertical = _by_position(horizontal_rules), _by_position(vertical_rules)
    xs, ys = list(vertical), list(horizontal)
    by_middle = sorted(lines, key=_middle)
    middles = [_middle(line) for line in by_middle]
    taken: set[tuple[int, int]] = set()
    rows: list[list[str]] = []
    for k in range(len(ys) - 1):
        row = [""] * max(len(xs) - 1, 0)
        for i in range(len(xs) - 1):
            if (i, k) in taken:
                continue
            j, m = _cell_extent(i, k, xs, ys, horizontal, vertical)
            top = _ruled(horizontal, ys[k], xs[i], xs[j])
            if not (top and _ruled(vertical, xs[i], ys[k], ys[m])):
                continue  # open space around or between tables: not a cell
            taken.update((a, b) for a in range(i, j) for b in range(k, m))
            band = by_middle[bisect_left(middles, ys[k]) : bisect_right(middles, ys[m])]
            row[i] = _cell_text(band, xs[i], xs[j])
        if any(row):
            rows.append(row)
    return rows


def _cell_extent(i, k, xs, ys, horizontal, vertical) -> tuple[int, int]:
    """The grid indices (exclusive) where the cell starting at column i, row k ends."""
    j = i + 1
    while j < len(xs) - 1 and not _ruled(vertical, xs[j], ys[k], ys[k + 1]):
        j += 1
    m = k + 1
    while m < len(ys) - 1 and not _ruled(horizontal, ys[m], xs[i], xs[j]):
        m += 1
    return j, m


def _middle(line: Line) -> float:
    return (line.y0 + line.y1) / 2


def _cell_text(band: list[Line], x0: float, x1: float) -> str:
    """The cell's text: of the lines in its band of rows, the spans whose centre lies inside
    it. Cell text is centred, so a line's length says nothing about where it broke."""
    paragraphs: list[list[Line]] = []
    for line in band:
        spans = [text for a, b, text in line.spans if x0 <= (a + b) / 2 <= x1]
        text = normalize_text("".join(spans))
        if not text.strip():
            continue
        if not paragraphs or _DASH.match(text):
            paragraphs.append([])
        paragraphs[-1].append(replace(line, text=text))
    return "\n".join(join_wrapped_lines(paragraph) for paragraph in paragraphs)
