"""One page's text as lines: PyMuPDF spans folded into clean lines with their geometry.

Each page is read once with ``page.get_text("dict")``; everything downstream works on the
`Line` objects built here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

from extract.glyphs import span_marker, split_leading_marker
from extract.text_forms import normalize_text

_BOLD = 16  # PyMuPDF span flag
_RAISE = 1.5  # points a superscript's baseline sits above the line's baseline, at least
_SMALLER = 0.85
_SAME_ROW = 3.0  # a superscript is set at most this fraction of the line's main size


@dataclass(frozen=True)
class Line:
    """One printed line: text without its list glyph, and where and how it was set."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float  # the largest text size on the line
    bold: bool
    marker: str | None = None  # glyphs.HEADING / BULLET / SUB, when the line starts with one
    font: str = ""
    # (x0, x1, text) of each span: a table row can print two cells as one line
    spans: tuple[tuple[float, float, str], ...] = ()

    @property
    def ends_with_space(self) -> bool:
        """The printed line ended in a space (Hancom's sign of a word boundary)."""
        return self.text[-1:].isspace()


@dataclass(frozen=True)
class PageText:
    """The lines of one PDF page, top to bottom, and the page's size."""

    number: int  # 1-based page of the PDF file
    width: float
    height: float
    lines: tuple[Line, ...]

    def joined(self) -> str:
        """All the page's text, one line per line (for pattern checks)."""
        return "\n".join(line.text for line in self.lines)


# Text only: decoding every image into the dict costs ten times the text itself (2024-07).
# MuPDF's text page is then most of an issue's reading (0.25 of 0.41 CPU s over the six real
# issues, its dict 0.06, the lines made of it 0.03), and no flag makes it cheaper: without
# ligatures, whitespace, the media box clip or CIDs for unknown characters, or with none at
# all, 0.238 to 0.243 s against 0.244 (best of five), so the flags stay as they are.
TEXT_FLAGS = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES


def read_page(page: pymupdf.Page) -> PageText:
    """Read one page into lines sorted top to bottom, then left to right."""
    data = page.get_text("dict", flags=TEXT_FLAGS)
    lines = []
    for block in data["blocks"]:
        if block["type"] != 0:
            continue
        for raw in block["lines"]:
            line = _line_from_spans(raw)
            if line is not None:
                lines.append(line)
    return PageText(
        number=page.number + 1,
        width=page.rect.width,
        height=page.rect.height,
        lines=tuple(reading_order(lines)),
    )


def reading_order(lines: list[Line]) -> list[Line]:
    """Sort lines into rows top to bottom (tops within `_SAME_ROW` points share a row),
    each row left to right; the PDF's own stream order is not the reading order."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: line.y0):
        if rows and line.y0 - rows[-1][0].y0 < _SAME_ROW:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda line: line.x0)]


def _line_from_spans(raw: dict) -> Line | None:
    spans = [s for s in raw["spans"] if s["text"]]
    if not spans:
        return None
    marker = None
    first_text = next((i for i, s in enumerate(spans) if s["text"].strip()), None)
    if first_text is None:
        return None
    lead = spans[first_text]
    if lead_marker := span_marker(lead["font"], lead["text"]):
        marker = lead_marker
        spans = spans[first_text + 1 :]
    text_spans = [s for s in spans if s["text"].strip()]
    if not text_spans and marker is None:
        return None
    size = max((s["size"] for s in text_spans), default=lead["size"])
    text = normalize_text(_spans_text(spans, size))
    if marker is None:
        marker, text = split_leading_marker(text)
    elif text[:1].isspace():
        text = text.lstrip()
    x0, y0, x1, y1 = raw["bbox"]
    main = max(text_spans, key=lambda s: len(s["text"]), default=lead)
    return Line(
        text=text,
        x0=x0,
        y0=y0,
        x1=x1,
        y1=y1,
        size=round(size, 1),
        bold=bool(main["flags"] & _BOLD),
        marker=marker,
        font=main["font"],
        spans=tuple((s["bbox"][0], s["bbox"][2], s["text"]) for s in spans),
    )


def _spans_text(spans: list[dict], size: float) -> str:
    """Concatenate spans, writing a raised, smaller run of digits after a digit as ``^n``
    so that 10 with a superscript 26 reads "10^26", never "1026"."""
    small = size * _SMALLER
    if not any(span["size"] < small for span in spans):
        return "".join(span["text"] for span in spans)  # nothing set small: no superscript
    baseline = max(s["origin"][1] for s in spans)
    out: list[str] = []
    for span in spans:
        text = span["text"]
        raised = span["origin"][1] < baseline - _RAISE and span["size"] < small
        core = text.strip()
        previous = "".join(out).rstrip()
        if raised and core.isdigit() and previous[-1:].isdigit():
            text = "^" + core + text[len(text.rstrip()) :]
        out.append(text)
    return "".join(out)
