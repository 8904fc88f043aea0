"""A page set in two columns, in reading order: band by band between the lines that span
both (a headline, a figure's caption across the page), the left column's lines, then the
right's.

Sorted top to bottom alone (page_lines.reading_order), the lines of two columns interleave.
A page is taken to be set in two columns where some upright line near its middle, the gutter,
is crossed by the fewest of its lines, at least _MIN_SIDE stand wholly on each side of it,
most of the page's lines do (and _MIN_LINES at least), and at least _MIN_SIDE of the right
side's stand beside one of the left's: a page of one column (its lines run across the
middle), or one whose right side holds only page numbers, a date or a few table cells, is
left as it is. The right column's lines
are moved left by the distance between the columns' left edges, so that indents compare
within a column (a bullet at the top of the right column is no sub-bullet of the left one's).
The generic reader (layouts not recognised) reads pages so; the known layouts set one column.
"""

from __future__ import annotations

from dataclasses import replace

from extract.page_lines import Line

_MIN_LINES = 6  # in the two columns together
_MIN_SIDE = 2  # lines wholly on each side of the gutter, and right-side lines beside a left one
_IN_COLUMNS = 0.6  # of the page's lines stand wholly on one side of the gutter, at least
_MIDDLE = (0.35, 0.65)  # where on the page's width a gutter is looked for
_STEP = 2  # points between the upright lines tried


def in_columns(lines: list[Line], width: float) -> list[Line]:
    """The lines (top to bottom, as read) in reading order, two columns read one after the
    other within each band; the lines as they are when the page has no two columns."""
    gutter = _gutter(lines, width)
    if gutter is None:
        return lines
    shift = min(line.x0 for line in lines if line.x0 >= gutter) - min(
        line.x0 for line in lines if line.x1 <= gutter
    )
    ordered: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        if line.x1 <= gutter:
            left.append(line)
        elif line.x0 >= gutter:
            right.append(_moved(line, shift))
        else:  # across both columns: it closes the band above it
            ordered += left + right + [line]
            left, right = [], []
    return ordered + left + right


def _gutter(lines: list[Line], width: float) -> float | None:
    """The x of the gutter between two columns, or None when the page has none."""
    if len(lines) < _MIN_LINES:
        return None
    low, high = (int(width * share) for share in _MIDDLE)
    crossed = {x: sum(1 for ln in lines if ln.x0 < x < ln.x1) for x in range(low, high, _STEP)}
    if not crossed:
        return None
    fewest = min(crossed.values())
    gutter = min((x for x, n in crossed.items() if n == fewest), key=lambda x: abs(x - width / 2))
    left = [line for line in lines if line.x1 <= gutter]
    right = [line for line in lines if line.x0 >= gutter]
    if min(len(left), len(right)) < _MIN_SIDE or len(left) + len(right) < _MIN_LINES:
        return None
    if len(left) + len(right) < _IN_COLUMNS * len(lines):
        return None
    beside = sum(1 for r in right if any(x.y0 < r.y1 and r.y0 < x.y1 for x in left))
    return float(gutter) if beside >= _MIN_SIDE else None


def _moved(line: Line, shift: float) -> Line:
    """The line moved `shift` points to the left, its spans with it."""
    spans = tuple((x0 - shift, x1 - shift, text) for x0, x1, text in line.spans)
    return replace(line, x0=line.x0 - shift, x1=line.x1 - shift, spans=spans)
