"""The measurements of the two layout generations, read off the published pages, and how a
paragraph's lines wrap there: the Hancom way, with the breaks a joiner must undo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from samples.fonts import Fonts

PAGE_WIDTH = 612.0


@dataclass(frozen=True)
class LineBreak:
    """Where a wrapped paragraph line ended: kind "space" (word boundary, trailing space),
    "mid-word" (broken inside a word) or "no-space" (word boundary without the space)."""

    article: str  # article id
    pdf_page: int  # the page of `line`; `next_line` may open the following page
    line: str  # the printed line, trailing space included
    next_line: str
    kind: str


@dataclass(frozen=True)
class Kind:
    """How one kind of paragraph is set: glyph, text face and size, indents, line spacing."""

    glyph: str  # "" for none
    glyph_face: str
    glyph_size: float
    glyph_x: float
    face: str
    size: float
    x: float  # first-line text start
    indent: float  # continuation lines
    right: float
    leading: float  # baseline to baseline within the paragraph


@dataclass(frozen=True)
class Style:
    """The measurements of one layout generation, read off the published pages."""

    name: str
    height: float
    title: tuple[str, float, float, float]  # face, size, x, baseline
    key_label: tuple[str, float, float]  # face, x, baseline
    key_top: float  # first KEY bullet baseline
    key_gap: float
    kinds: dict[str, Kind]
    gaps: dict[str, float]  # baseline gap before a paragraph of this kind
    heading_after_key: float
    body_top: float  # first baseline on a continuation page
    body_bottom: float  # last baseline a body line may take
    caption_face: str


def _kind(
    glyph: str,
    glyph_size: float,
    glyph_x: float,
    face: str,
    size: float,
    x: float,
    indent: float,
    right: float,
    leading: float,
) -> Kind:
    """A paragraph kind; its glyph's face follows from the glyph."""
    glyph_face = "Haansoft Batang" if glyph == "∙" else "Wingdings-Regular"
    return Kind(glyph, glyph_face, glyph_size, glyph_x, face, size, x, indent, right, leading)


_FOOTNOTE = _kind("", 9, 0, "KoPubDotumLight", 9, 90.1, 98.5, 550.0, 13.5)  # both generations

_STYLE_2023 = Style(
    name="2023",
    height=858.0,
    title=("KoPubDotumMedium", 15.0, 65.2, 112.0),
    key_label=("Arial-BoldMT", 101.8, 139.8),
    key_top=166.0,
    key_gap=24.0,
    kinds={
        "key": _kind("n", 10, 87.4, "KoPubDotumLight", 12, 102.4, 102.4, 532.0, 18.0),
        "heading": _kind("£", 14, 65.2, "KoPubDotumBold", 13, 81.0, 81.0, 550.8, 19.0),
        "bullet": _kind("n", 10, 73.2, "KoPubWorldDotumMedium", 12, 88.2, 88.2, 550.8, 19.2),
        "sub": _kind("∙", 11, 79.3, "KoPubDotumLight", 11.5, 89.3, 89.3, 550.3, 18.8),
        "footnote": _FOOTNOTE,
        "source": _kind("", 10, 0, "KoPubDotumMedium", 10, 65.2, 103.4, 555.0, 16.0),
    },
    gaps={"heading": 45.0, "bullet": 26.0, "sub": 22.7, "footnote": 16.0, "source": 24.0},
    heading_after_key=49.0,
    body_top=118.0,
    body_bottom=800.0,
    caption_face="MalgunGothicBold",
)

_STYLE_2025 = Style(
    name="2025",
    height=859.0,
    title=("KoPubDotumBold", 15.0, 65.1, 86.4),
    key_label=("KoPubDotumBold", 89.5, 119.1),
    key_top=140.4,
    key_gap=22.0,
    kinds={
        "key": _kind("n", 10, 87.3, "KoPubDotumMedium", 12, 100.3, 100.3, 532.0, 18.0),
        "heading": _kind("£", 14, 65.1, "KoPubDotumBold", 13.6, 81.0, 81.0, 550.8, 19.0),
        "bullet": _kind("n", 10, 73.2, "KoPubDotumMedium", 12, 86.1, 86.1, 550.8, 18.0),
        "sub": _kind("∙", 11, 79.2, "KoPubDotumLight", 11.5, 89.1, 89.1, 550.3, 17.2),
        "footnote": _FOOTNOTE,
        "source": _kind("", 9, 0, "KoPubDotumMedium", 9, 88.0, 88.0, 556.0, 12.6),
    },
    gaps={"heading": 45.0, "bullet": 25.0, "sub": 22.6, "footnote": 17.5},
    heading_after_key=47.5,
    body_top=100.0,
    body_bottom=758.0,
    caption_face="KoPubDotumBold",
)


def style_for(issue: str, generation: str | None) -> Style:
    """The layout generation to draw an issue in: "2023" before 2025-01, "2025" after."""
    generation = generation or ("2025" if issue >= "2025-01" else "2023")
    styles = {"2023": _STYLE_2023, "2025": _STYLE_2025}
    if generation not in styles:
        raise ValueError(f"unknown layout generation {generation!r} (use '2023' or '2025')")
    return styles[generation]


# -- wrapping --------------------------------------------------------------------------------

_UNSPLIT = re.compile(r"[A-Za-z0-9^.,%+\-/:']")  # Latin words and numbers are never split


def wrap(text: str, fonts: Fonts, face: str, size: float, first: float, rest: float) -> list[str]:
    """Break ``text`` into lines the Hancom way: fill each line to the last character that
    fits, even inside a Korean word; a break at a space keeps the space at the line's end."""
    lines: list[str] = []
    remaining = text
    while remaining:
        cut = _fit(remaining, fonts, face, size, first if not lines else rest)
        if cut >= len(remaining):
            lines.append(remaining)
            break
        line, remaining = remaining[:cut], remaining[cut:]
        if remaining.startswith(" "):
            line, remaining = line + " ", remaining[1:]
        lines.append(line)
    return lines


def wrap_cell(text: str, fonts: Fonts, face: str, size: float, room: float) -> list[str]:
    """The lines of a table cell ``room`` points wide (every line the same width)."""
    return wrap(text, fonts, face, size, room, room)


def _fit(text: str, fonts: Fonts, face: str, size: float, room: float) -> int:
    """How many characters of ``text`` go on a line ``room`` points wide (at least one), moved
    back to the start of a Latin word or number the line would otherwise split."""
    cut, used = 0, 0.0
    while cut < len(text):
        used += fonts.width(text[cut].replace("^", ""), size, face)
        if used > room and cut:  # at least one character per line
            break
        cut += 1
    if cut < len(text) and _UNSPLIT.match(text[cut - 1]) and _UNSPLIT.match(text[cut]):
        back = cut
        while back > 0 and _UNSPLIT.match(text[back - 1]):
            back -= 1
        cut = back or cut
    return cut


def drop_first_space(lines: list[str]) -> int:
    """Take the trailing space off the first word-boundary break (not the last line): the
    issue's one "no-space" break. Its index, or -1 when no line breaks at a space."""
    dropped = next((i for i, line in enumerate(lines[:-1]) if line.endswith(" ")), -1)
    if dropped >= 0:
        lines[dropped] = lines[dropped][:-1]
    return dropped


def break_kind(lines: list[str], i: int, dropped: int) -> str:
    """The kind of the break after line ``i``: "space", "no-space" or "mid-word"."""
    return "space" if lines[i].endswith(" ") else "no-space" if i == dropped else "mid-word"
