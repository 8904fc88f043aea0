"""Synthetic issues of the AI Brief: PDFs in the published layout, with the text the project wrote.

Every part of aibrief needs test data that is ours; the real issues may not be redistributed.
This module draws "sample issues" whose pages look, to a PyMuPDF span reader, like the published
ones (2023-2024 generation and 2025 generation), and returns the `Issue` a correct parser should
read back from them. The text itself lives in `extract.sample_text`.

Public interface:

    SampleArticle, SampleEvent    the text of one article / events-table row before layout
    SAMPLE_ISSUES                 the demo set ("2024-01", "2024-04", "2024-09", "2025-02",
                                  "2025-06"), both generations
    sample_issue_articles(issue, generation=None) -> list[Article]
                                  the expected articles, id/page/pdf_pages as in the PDF
    write_sample_issue(path, issue="2024-04", generation=None) -> Issue
                                  generation "2024" before 2025-01, "2025" from then on;
                                  pdf.sha256 / pdf.pages are those of the written file
    write_sample_archive(folder) -> list[Path]      one "<issue>.pdf" per SAMPLE_ISSUES
    write_bad_files(folder) -> dict[str, Path]      "truncated", "encrypted", "html", "empty",
                                  "scan" (image-only page), "not_a_brief" (a text PDF of
                                  something else); each a *.pdf
    sample_line_breaks(issue, generation=None) -> tuple[LineBreak, ...]
                                  every wrapped line of the issue's articles and its kind
    write_issue(path, issue, articles, events=(), generation=None) -> Issue
                                  the same layout for a test's own SampleArticle objects

What a span reader (``page.get_text("dict")``) sees; font names are the PDF BaseFont names:

- Bullet glyphs are spans of their own in symbol fonts, as in the published files: font
  "Wingdings-Regular" text "n" is ■ (KEY Contents and body bullets, 10 pt) and text "£" is □
  (sub-headings, 14 pt); font "Haansoft Batang" text "∙" is a sub-bullet (11 pt) and "▹" a
  2023-2024 contents entry. The text follows the glyph in the next span, starting with a space
  (" 유럽연합 ..."); its continuation lines start where that text starts.
- Body fonts are named like the published ones (KoPubDotumLight, KoPubDotumMedium,
  KoPubWorldDotumMedium, KoPubDotumBold, Arial-BoldMT, MalgunGothic...), all one embedded CJK
  font. Bold spans (faces named "...Bold...") have flags 20, others flags 4; a superscript
  ("10^26": "10" then a 7.3 pt "26" raised 5 pt in the same line) has flags 5.
- Sizes and positions follow the published pages (612 x 858 pt, 2025: 612 x 859): headline 15 pt;
  "KEY Contents" 12 pt bold, written after the two KEY bullets in the content stream; sub-headings
  13 pt bold (2025: 13.6); bullets 12 pt; sub-bullets 11.5 pt; footnotes "* ..." 9 pt, right
  after the paragraph carrying the "*"; figure captions "<... 예시>" 11 pt bold, centred ABOVE
  the image block (where the published files put them), after the body. KEY Contents sit in a
  drawn rounded box. Like the published files, the cover, contents and 2025 divider pages lie on
  a full-page background image, and 2025 page numbers on a small image disc.
- Running heads: even printed pages carry "SPRi AI Brief |  " + "2024-4월호" (2025: "SPRi AI
  Brief" and "2025년 2월호" as two spans), odd printed pages the row of section tabs with the
  article's section in bold ("1. 정책/법제" ...; 2025: "정책", "･", "법제" as three spans).
  Page numbers sit at the foot (2024: right on odd, left on even pages; 2025: centred).
- Sources: 2024 "☞ 출처 : Outlet, Title, 2024.03.14." at 10 pt, more sources on lines of their
  own; 2025 a bold "출처 | " then one 9 pt line per source, at the foot of the page.
- Lines _wrap the Hancom way: a line that ends in a space ended at a word boundary; one that does
  not was broken inside a word and joins the next line without a space. Latin words and numbers
  are never split. From the second article of an issue on, the first word-boundary break in a
  bullet or sub-bullet loses its trailing space (kind "no-space", one per issue): the case a
  trailing-space rule gets wrong. Table cells _wrap the same way (URLs anywhere).
- Every issue has an article running onto a second page, one with a figure, footnotes, a
  superscript and a compatibility character (⼤ U+2F24); the events table is ruled (pdfplumber's
  ``find_tables()`` finds it): 2024 "행사명 / 행사 주요 개요" with 기간 / 장소 / 홈페이지 sub-rows
  (1 + 3 rows per event), 2025 "월 / 기간 / 행사명 / 장소 / 홈페이지" (1 + 1 row per event).

The expected articles are NFKC-normalised ("스탠포드⼤" -> "스탠포드大"; sections spelled as in
`extract.model.SECTIONS`), keep footnote markers ("* ..."), write superscripts as "10^26", and give
each source's text without its "☞ 출처 :" / "출처 |" label. Event dates are the 기간 cell as
printed; in 2025 the month cell is put in front ("6월 11~13일") and the summary is empty.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from pathlib import Path

import pymupdf

from extract.model import SECTIONS, Article, Event, Issue, PdfInfo, issue_title
from extract.sample_text import ISSUE_TEXTS, SampleArticle, SampleEvent

__all__ = [
    "SAMPLE_ISSUES",
    "LineBreak",
    "SampleArticle",
    "SampleEvent",
    "sample_issue_articles",
    "sample_line_breaks",
    "write_bad_files",
    "write_issue",
    "write_sample_archive",
    "write_sample_issue",
]

SAMPLE_ISSUES = ("2024-01", "2024-04", "2024-09", "2025-02", "2025-06")


@dataclass(frozen=True)
class LineBreak:
    """Where a wrapped paragraph line ended: kind "space" (word boundary, trailing space),
    "mid-word" (broken inside a word) or "no-space" (word boundary without the space)."""

    article: str  # article id
    pdf_page: int  # the page of `line`; `next_line` may open the following page
    line: str  # the printed line, trailing space included
    next_line: str
    kind: str


# -- fonts ---------------------------------------------------------------------------------

# Characters the built-in CJK font lacks, drawn with a look-alike glyph but mapped back to the
# character itself, as Hancom does for ⼤ (the glyph of 大 under a compatibility code point).
_STAND_INS = {"⼤": "大", "∙": "·", "▹": "▷"}
_SYMBOL_FACE = "Wingdings-Regular"
_WINGDINGS = {"n": "■", "£": "□"}  # what Wingdings prints for these letters


# Everything the pages print besides the sample text: furniture, labels, digits, glyphs.
_FIXED_TEXT = (
    "".join(chr(c) for c in range(32, 127))
    + "■□·▷大･☞ⅠⅡ년월호 인공지능산업의최신동향브리프주요행사일정개요기간장소홈페이지명출처"
    + "정책법제기업산업기술연구인력교육견본이는프로젝트가시험용으로만든며실제발행본아닙니다"
    + "월일"
)


@cache
def _sample_chars() -> frozenset[str]:
    """Every character the sample issues print: one cut-down font serves them all."""
    return frozenset(repr(ISSUE_TEXTS)) | frozenset(_FIXED_TEXT)


@cache
def _base_font() -> pymupdf.Font:
    """PyMuPDF's built-in CJK font (Droid Sans Fallback): every face's glyphs and metrics."""
    return pymupdf.Font("korea")


@cache
def _glyph(shape: str) -> tuple[int, float]:
    """Glyph id and advance (in ems) of a character in the base font, asked once each."""
    font = _base_font()
    return font.has_glyph(ord(shape)), font.glyph_advance(ord(shape))


@cache
def _font_program(charset: frozenset[str]) -> tuple[bytes, frozenset[int]]:
    """The base font cut down to the glyphs of ``charset`` (glyph ids unchanged), its OS/2
    family class set so that MuPDF reports the serif flag (4) the published files' fonts
    carry; and the glyph ids it keeps."""
    font = _base_font()
    chars = sorted(
        charset | {_shape(_SYMBOL_FACE, c) for c in _WINGDINGS} | set(_STAND_INS.values())
    )
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F0", fontbuffer=font.buffer)
    rows = ["".join(chars[i : i + 40]) for i in range(0, len(chars), 40)]
    page.insert_text((20, 20), rows, fontname="F0", fontsize=4)  # one call: widths are slow
    doc.subset_fonts()
    data = bytearray(doc.extract_font(page.get_fonts()[0][0])[3])
    (count,) = struct.unpack(">H", data[4:6])
    for i in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        if tag == b"OS/2":
            data[offset + 30] = 1  # sFamilyClass high byte: "oldstyle serifs"
    kept = frozenset(_glyph(c)[0] for c in chars) - {0}
    return bytes(data), kept


class _Fonts:
    """The fonts of one document: one embedded program under several BaseFont names."""

    def __init__(self, doc: pymupdf.Document, charset: frozenset[str]) -> None:
        self.doc = doc
        program, self.kept = _font_program(charset)
        self.file_xref = doc.get_new_xref()
        doc.update_object(self.file_xref, "<<>>")
        doc.update_stream(self.file_xref, program)
        doc.xref_set_key(self.file_xref, "Length1", str(len(program)))
        self.faces: dict[str, tuple[int, dict[int, str]]] = {}

    def resource(self, face: str) -> str:
        """The resource name of a face, reserving its font object on first use."""
        if face not in self.faces:
            xref = self.doc.get_new_xref()
            self.doc.update_object(xref, "<<>>")
            self.faces[face] = (xref, {})
        return f"F{self.faces[face][0]}"

    def encode(self, face: str, text: str) -> str:
        """The text as a hex string of glyph ids, remembering what each glyph stands for."""
        _, used = self.faces[face]
        out = []
        for char in text:
            gid = _glyph(_shape(face, char))[0]
            if gid not in self.kept:
                raise ValueError(f"the sample font has no glyph for {char!r}")
            if used.setdefault(gid, char) != char:
                raise ValueError(f"{char!r} and {used[gid]!r} share a glyph in {face}")
            out.append(f"{gid:04X}")
        return "".join(out)

    def width(self, text: str, size: float, face: str = "") -> float:
        """The printed width of ``text`` at ``size`` points."""
        return sum(_glyph(_shape(face, c))[1] for c in text) * size

    def finish(self) -> None:
        """Write every face's font dictionaries, widths and ToUnicode map."""
        for face, (xref, used) in self.faces.items():
            doc = self.doc
            name = "".join(c if c.isalnum() or c in "-_" else f"#{ord(c):02X}" for c in face)
            widths = " ".join(
                f"{gid} [{round(_glyph(_shape(face, ch))[1] * 1000)}]"
                for gid, ch in sorted(used.items())
            )
            flags = 4 if face == _SYMBOL_FACE else 32
            descriptor = _new_object(
                doc,
                f"<< /Type /FontDescriptor /FontName /{name} /Flags {flags} "
                f"/FontBBox [-559 -266 1121 1043] /ItalicAngle 0 /Ascent 800 /Descent -200 "
                f"/CapHeight 700 /StemV 80 /FontFile2 {self.file_xref} 0 R >>",
            )
            cid = _new_object(
                doc,
                f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                f"/FontDescriptor {descriptor} 0 R /CIDToGIDMap /Identity /DW 1000 "
                f"/W [{widths}] >>",
            )
            cmap = _new_object(doc, "<<>>")
            doc.update_stream(cmap, _to_unicode(used).encode())
            doc.update_object(
                xref,
                f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
                f"/DescendantFonts [{cid} 0 R] /ToUnicode {cmap} 0 R >>",
            )


def _shape(face: str, char: str) -> str:
    """The character whose glyph prints ``char`` in ``face``."""
    if face == _SYMBOL_FACE:
        return _WINGDINGS.get(char, char)
    return _STAND_INS.get(char, char)


def _new_object(doc: pymupdf.Document, source: str) -> int:
    xref = doc.get_new_xref()
    doc.update_object(xref, source)
    return xref


def _to_unicode(used: dict[int, str]) -> str:
    pairs = [
        f"<{gid:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for gid, ch in sorted(used.items())
    ]
    blocks = [
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar"
        for chunk in (pairs[i : i + 100] for i in range(0, len(pairs), 100))
    ]
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap CMapName currentdict /CMap defineresource pop end end"
    )


# -- pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    face: str
    size: float
    x: float
    text: str
    rise: float = 0.0


class _Canvas:
    """One page being drawn: PyMuPDF draws its rules and images, we write its text."""

    def __init__(self, doc: pymupdf.Document, fonts: _Fonts, width: float, height: float):
        self.doc = doc
        self.number = doc.new_page(width=width, height=height).number
        self.fonts = fonts
        self.height = height
        self.ops: list[str] = []
        self.faces: set[str] = set()

    @property
    def page(self) -> pymupdf.Page:
        """The PyMuPDF page, for rules and images (loaded afresh: page objects go stale)."""
        return self.doc[self.number]

    def line(self, baseline: float, spans: list[_Span]) -> None:
        """Write one printed line: its spans share a BT block, so a raised span is a
        superscript of the same line."""
        parts = ["BT"]
        for span in spans:
            resource = self.fonts.resource(span.face)
            self.faces.add(span.face)
            parts.append(
                f"/{resource} {span.size:g} Tf {span.rise:g} Ts "
                f"1 0 0 1 {span.x:.2f} {self.height - baseline:.2f} Tm "
                f"<{self.fonts.encode(span.face, span.text)}> Tj"
            )
        parts.append("ET")
        self.ops.append(" ".join(parts))

    def text(self, x: float, baseline: float, face: str, size: float, text: str) -> None:
        """Write a line of one span."""
        self.line(baseline, [_Span(face, size, x, text)])

    def width(self, text: str, size: float, face: str = "") -> float:
        """The printed width of ``text``."""
        return self.fonts.width(text, size, face)

    def finish(self) -> None:
        """Attach the text as the page's last content stream, with its font resources."""
        page = self.page
        kind, value = self.doc.xref_get_key(page.xref, "Resources")
        owner, prefix = (int(value.split()[0]), "") if kind == "xref" else (page.xref, "Resources/")
        for face in sorted(self.faces):
            resource = self.fonts.resource(face)
            xref = self.fonts.faces[face][0]
            self.doc.xref_set_key(owner, f"{prefix}Font/{resource}", f"{xref} 0 R")
        stream = _new_object(self.doc, "<<>>")
        self.doc.update_stream(stream, ("q 0 g\n" + "\n".join(self.ops) + "\nQ").encode())
        contents = " ".join(f"{x} 0 R" for x in [*page.get_contents(), stream])
        self.doc.xref_set_key(page.xref, "Contents", f"[{contents}]")


def _text_spans(face: str, size: float, x: float, text: str, fonts: _Fonts) -> list[_Span]:
    """Spans for text in which "10^26" marks a superscript: "10", then "26" smaller and raised."""
    spans = []
    for i, part in enumerate(re.split(r"\^(\d+)", text)):
        if not part:
            continue
        small = i % 2 == 1
        span_size = 7.3 if small else size
        spans.append(_Span(face, span_size, x, part, rise=5.0 if small else 0.0))
        x += fonts.width(part, span_size, face)
    return spans


# -- the two generations of the layout ------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
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
class _Style:
    """The measurements of one layout generation, read off the published pages."""

    name: str
    height: float
    title: tuple[str, float, float, float]  # face, size, x, baseline
    key_label: tuple[str, float, float]  # face, x, baseline
    key_top: float  # first KEY bullet baseline
    key_gap: float
    kinds: dict[str, _Kind]
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
) -> _Kind:
    glyph_face = "Haansoft Batang" if glyph == "∙" else "Wingdings-Regular"
    return _Kind(glyph, glyph_face, glyph_size, glyph_x, face, size, x, indent, right, leading)


_STYLE_2024 = _Style(
    name="2024",
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
        "footnote": _kind("", 9, 0, "KoPubDotumLight", 9, 90.1, 98.5, 550.0, 13.5),
        "source": _kind("", 10, 0, "KoPubDotumMedium", 10, 65.2, 103.4, 555.0, 16.0),
    },
    gaps={"heading": 45.0, "bullet": 26.0, "sub": 22.7, "footnote": 16.0, "source": 24.0},
    heading_after_key=49.0,
    body_top=118.0,
    body_bottom=800.0,
    caption_face="MalgunGothicBold",
)

_STYLE_2025 = _Style(
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
        "footnote": _kind("", 9, 0, "KoPubDotumLight", 9, 90.1, 98.5, 550.0, 13.5),
        "source": _kind("", 9, 0, "KoPubDotumMedium", 9, 88.0, 88.0, 556.0, 12.6),
    },
    gaps={"heading": 45.0, "bullet": 25.0, "sub": 22.6, "footnote": 17.5},
    heading_after_key=47.5,
    body_top=100.0,
    body_bottom=758.0,
    caption_face="KoPubDotumBold",
)


def _style_for(issue: str, generation: str | None) -> _Style:
    """The layout generation to draw an issue in: "2024" before 2025-01, "2025" after."""
    generation = generation or ("2025" if issue >= "2025-01" else "2024")
    styles = {"2024": _STYLE_2024, "2025": _STYLE_2025}
    if generation not in styles:
        raise ValueError(f"unknown layout generation {generation!r} (use '2024' or '2025')")
    return styles[generation]


# -- wrapping --------------------------------------------------------------------------------

_UNSPLIT = re.compile(r"[A-Za-z0-9^.,%+\-/:']")  # Latin words and numbers are never split


def _wrap(text: str, fonts: _Fonts, face: str, size: float, first: float, rest: float) -> list[str]:
    """Break ``text`` into lines the Hancom way: fill each line to the last character that
    fits, even inside a Korean word; a break at a space keeps the space at the line's end."""
    lines: list[str] = []
    remaining = text
    while remaining:
        room = first if not lines else rest
        cut, used = 0, 0.0
        while cut < len(remaining):
            used += fonts.width(remaining[cut].replace("^", ""), size, face)
            if used > room and cut:  # at least one character per line
                break
            cut += 1
        if cut >= len(remaining):
            lines.append(remaining)
            break
        if _UNSPLIT.match(remaining[cut - 1]) and _UNSPLIT.match(remaining[cut]):
            back = cut
            while back > 0 and _UNSPLIT.match(remaining[back - 1]):
                back -= 1
            cut = back or cut
        line, remaining = remaining[:cut], remaining[cut:]
        if remaining.startswith(" "):
            line, remaining = line + " ", remaining[1:]
        lines.append(line)
    return lines


# -- the book: pages in order, with their furniture ------------------------------------------

_TABS_2024 = (106.0, 225.0, 344.4, 461.8)
_TABS_2025 = (107.4, 227.8, 348.2, 468.7)
_PAPER = (246, 248, 252)  # the full-page background image of the front pages
_WIDTH = 612.0


class _Book:
    """One issue's PDF as it is drawn, page after page."""

    def __init__(self, issue: str, style: _Style, charset: frozenset[str]) -> None:
        self.issue = issue
        self.style = style
        self.doc = pymupdf.open()
        self.fonts = _Fonts(self.doc, charset)
        self.canvases: list[_Canvas] = []
        self.drop_space = False  # see LineBreak "no-space": set from the second article on
        # cover, contents (and in 2023-2024 a part divider) come before printed page 1
        self.offset = 3 if style.name == "2024" else 2
        year, month = issue.split("-")
        self.year, self.month = int(year), int(month)

    def page(self) -> _Canvas:
        """A new blank page at the end of the book."""
        canvas = _Canvas(self.doc, self.fonts, _WIDTH, self.style.height)
        self.canvases.append(canvas)
        return canvas

    @property
    def pdf_page(self) -> int:
        """The 1-based PDF page being drawn."""
        return len(self.canvases)

    @property
    def printed(self) -> int:
        """The printed page number of the page being drawn."""
        return self.pdf_page - self.offset

    def article_page(self, section: str) -> _Canvas:
        """A new page with the running head (even pages) or section tabs (odd pages)."""
        canvas = self.page()
        if self.printed % 2 == 0:
            self._running_head(canvas)
        else:
            self._tabs(canvas, section)
        self.page_number(canvas)
        return canvas

    def page_number(self, canvas: _Canvas) -> None:
        """The printed page number in the page's foot."""
        number = str(self.printed)
        if self.style.name == "2025":
            # the published pages set the number on a small round image
            canvas.page.insert_image(pymupdf.Rect(295, 807, 317, 828), stream=_disc_png())
            x = 306.0 - canvas.width(number, 8) / 2
            canvas.text(x, 820.3, "KoPubDotumBold", 8, number)
        elif self.printed % 2:
            canvas.text(546.7 - canvas.width(number, 9), 823.1, "KoPubDotumBold", 9, number)
        else:
            canvas.text(65.4, 823.1, "KoPubDotumBold", 9, number)

    def _running_head(self, canvas: _Canvas) -> None:
        if self.style.name == "2025":
            canvas.text(99.4, 35.8, "KoPubDotumBold", 9, "SPRi AI Brief")
            canvas.text(220.0, 35.8, "KoPubDotumLight", 9, f"{self.year}년 {self.month}월호")
            return
        head = "SPRi AI Brief |  "
        x = 64.3 + canvas.width(head, 7.9)
        canvas.line(
            55.2,
            [
                _Span("KoPubDotumBold", 7.9, 64.3, head),
                _Span("KoPubDotumLight", 6.9, x, f"{self.year}-{self.month}월호"),
            ],
        )

    def _tabs(self, canvas: _Canvas, current: str) -> None:
        for number, (name, x) in enumerate(zip(SECTIONS, self._tab_xs(), strict=True), 1):
            if self.style.name == "2024":
                face, size = ("MalgunGothicBold", 7.7) if name == current else ("MalgunGothic", 7.9)
                canvas.text(x, 82.0, face, size, f"{number}. {name} ")
            else:
                face = "KoPubDotumBold" if name == current else "KoPubDotumLight"
                canvas.line(35.8, _dotted_section(canvas, face, 9, x, name))

    def _tab_xs(self) -> tuple[float, ...]:
        return _TABS_2024 if self.style.name == "2024" else _TABS_2025


def _dotted_section(canvas: _Canvas, face: str, size: float, x: float, name: str) -> list[_Span]:
    """A 2025 section label: "정책", "･" in Haansoft Batang, "법제" as three spans."""
    left, right = name.split("/")
    dot_x = x + canvas.width(left, size)
    right_x = dot_x + canvas.width("･", size)
    return [
        _Span(face, size, x, left),
        _Span("Haansoft Batang", size, dot_x, "･"),
        _Span(face, size, right_x, right),
    ]


# -- articles ------------------------------------------------------------------------------


@dataclass
class _Cursor:
    """Where the next line of an article goes, and what has been drawn of it."""

    book: _Book
    section: str
    article_id: str
    canvas: _Canvas
    baseline: float
    breaks: list[LineBreak] = field(default_factory=list)

    def room(self, height: float) -> None:
        """Go on to a continuation page unless ``height`` points still fit on this one."""
        if self.baseline + height > self.book.style.body_bottom:
            self.canvas = self.book.article_page(self.section)
            self.baseline = self.book.style.body_top


def _draw_paragraph(
    cursor: _Cursor,
    kind: _Kind,
    text: str,
    *,
    x: float | None = None,
    prefix: list[_Span] | None = None,
    may_drop_space: bool = False,
    flow: bool = True,
) -> None:
    """Set one paragraph from ``cursor.baseline`` on, its glyph (if any) before the first
    line. Later lines go on to a continuation page when the page is full (unless ``flow`` is
    false); ``may_drop_space`` lets this paragraph carry the issue's one "no-space" break."""
    fonts = cursor.canvas.fonts
    first_x = kind.x if x is None else x
    lines = _wrap(text, fonts, kind.face, kind.size, kind.right - first_x, kind.right - kind.indent)
    dropped = -1
    if may_drop_space and cursor.book.drop_space:
        dropped = next((i for i, line in enumerate(lines[:-1]) if line.endswith(" ")), -1)
        if dropped >= 0:
            lines[dropped] = lines[dropped][:-1]
            cursor.book.drop_space = False
    for i, line in enumerate(lines):
        if i:
            cursor.baseline += kind.leading
            if flow:
                cursor.room(0)
        spans = list(prefix or []) if i == 0 else []
        if i == 0 and kind.glyph:
            spans += _glyph_spans(fonts, kind)
        spans += _text_spans(kind.face, kind.size, first_x if i == 0 else kind.indent, line, fonts)
        cursor.canvas.line(cursor.baseline, spans)
        if i + 1 < len(lines):
            how = "space" if line.endswith(" ") else "no-space" if i == dropped else "mid-word"
            cursor.breaks.append(
                LineBreak(cursor.article_id, cursor.book.pdf_page, line, lines[i + 1], how)
            )


def _glyph_spans(fonts: _Fonts, kind: _Kind) -> list[_Span]:
    """The glyph, then a space that ends where the text starts (as Hancom sets them)."""
    space_x = kind.x - fonts.width(" ", kind.size, kind.face)
    return [
        _Span(kind.glyph_face, kind.glyph_size, kind.glyph_x, kind.glyph),
        _Span(kind.face, kind.size, space_x, " "),
    ]


def _draw_article(book: _Book, article: SampleArticle, drop_space: bool) -> tuple[Article, list]:
    """Draw one article from a new page on; return the expected `Article` and its breaks."""
    style = book.style
    canvas = book.article_page(article.section)
    article_id = f"{book.issue}-{book.printed:02d}"
    first_page, printed = book.pdf_page, book.printed
    face, size, x, baseline = style.title
    if x + canvas.width(article.title, size, face) > 556:
        raise ValueError(f"sample title too long for one line: {article.title!r}")
    canvas.text(x, baseline, face, size, article.title)
    cursor = _Cursor(book, article.section, article_id, canvas, style.key_top)
    for i, key in enumerate(article.key_contents):
        if i:
            cursor.baseline += style.key_gap
        _draw_paragraph(cursor, style.kinds["key"], key)
    label_face, label_x, label_baseline = style.key_label
    canvas.text(label_x, label_baseline, label_face, 12, "KEY Contents")
    box = pymupdf.Rect(65, label_baseline - 17, 547, cursor.baseline + 14)
    canvas.page.draw_rect(box, color=(0.55, 0.6, 0.7), width=0.8, radius=0.08)
    book.drop_space = book.drop_space or drop_space
    previous = "key"
    for kind, text in _body_paragraphs(article):
        if kind == "figure":
            _draw_figure(cursor, text)
            previous = kind
            continue
        gap = style.heading_after_key if previous == "key" else style.gaps[kind]
        cursor.baseline += gap
        cursor.room(0 if kind != "heading" else 60)
        _draw_paragraph(cursor, style.kinds[kind], text, may_drop_space=kind in ("bullet", "sub"))
        previous = kind
    _draw_sources(cursor, article)
    pdf_pages = (first_page, book.pdf_page)
    if (pdf_pages[1] > pdf_pages[0]) != article.continues:
        raise ValueError(
            f"{article.title!r}: continues={article.continues} but the layout "
            f"gave pages {pdf_pages}"
        )
    return _expected_article(book.issue, article, article_id, printed, pdf_pages), cursor.breaks


def _body_paragraphs(article: SampleArticle) -> list[tuple[str, str]]:
    """The body in reading order: a footnote follows the paragraph carrying its "*", the
    figure (caption) closes the body."""
    notes = list(article.footnotes)
    out: list[tuple[str, str]] = []
    for section in article.body:
        out.append(("heading", section.heading))
        for bullet in section.bullets:
            for kind, text in (("bullet", bullet.text), *(("sub", s) for s in bullet.sub)):
                out.append((kind, text))
                if "*" in text and notes:
                    out.append(("footnote", notes.pop(0)))
    out += [("footnote", note) for note in notes]
    out += [("figure", caption) for caption in article.captions]
    return out


def _draw_figure(cursor: _Cursor, caption: str) -> None:
    """A caption line "<... 예시>" centred above a chart image, as the published pages set it."""
    style = cursor.book.style
    cursor.baseline += 34.0
    cursor.room(150)
    canvas = cursor.canvas
    width = canvas.width(caption, 11, style.caption_face)
    canvas.text((_WIDTH - width) / 2, cursor.baseline, style.caption_face, 11, caption)
    top = cursor.baseline + 8
    canvas.page.insert_image(pymupdf.Rect(176, top, 436, top + 120), stream=_chart_png())
    cursor.baseline = top + 120


@cache
def _tint_png(rgb: tuple[int, int, int]) -> bytes:
    """A plain 8 x 8 image, for the full-page backgrounds."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 8, 8), False)
    pix.set_rect(pix.irect, rgb)
    return pix.tobytes("png")


@cache
def _disc_png() -> bytes:
    """A blue disc on a transparent square: the 2025 page number's background."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 44, 44), True)
    pix.clear_with(0)
    for y in range(44):
        for x in range(44):
            if (x - 21.5) ** 2 + (y - 21.5) ** 2 <= 21.5**2:
                pix.set_pixel(x, y, (0, 84, 166, 255))
    return pix.tobytes("png")


@cache
def _chart_png() -> bytes:
    """A small bar chart: the figure of a sample article (its pixels are not text)."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 260, 120), False)
    pix.set_rect(pix.irect, (245, 245, 250))
    for i, height in enumerate((40, 70, 55, 95)):
        left = 30 + i * 55
        pix.set_rect(pymupdf.IRect(left, 110 - height, left + 35, 110), (40, 90, 160))
    return pix.tobytes("png")


def _draw_sources(cursor: _Cursor, article: SampleArticle) -> None:
    style = cursor.book.style
    if style.name == "2024":
        kind = style.kinds["source"]
        for i, source in enumerate(article.sources):
            cursor.baseline += style.gaps["source"] if i == 0 else kind.leading
            cursor.room(0)
            text = f"☞ 출처 : {source.text}" if i == 0 else source.text
            _draw_paragraph(cursor, kind, text, x=kind.x if i == 0 else kind.indent)
        return
    # 2025: a block at the foot of the page, "출처 | " before its first line
    kind = style.kinds["source"]
    fonts = cursor.canvas.fonts
    width = kind.right - kind.x
    count = sum(
        len(_wrap(s.text, fonts, kind.face, kind.size, width, width)) for s in article.sources
    )
    cursor.baseline = min(780.5, 805.0 - kind.leading * (count - 1)) - kind.leading
    for i, source in enumerate(article.sources):
        cursor.baseline += kind.leading
        label = [_Span("KoPubDotumBold", 8.5, 65.1, "출처 | ")] if i == 0 else []
        _draw_paragraph(cursor, kind, source.text, prefix=label, flow=False)


def _expected_article(
    issue: str, article: SampleArticle, article_id: str, printed: int, pdf_pages: tuple[int, int]
) -> Article:
    """The article as a parser should read it: NFKC text, the layout's page numbers."""
    return Article(
        id=article_id,
        issue=issue,
        section=article.section,
        title=_nfkc(article.title),
        page=printed,
        pdf_pages=pdf_pages,
        key_contents=tuple(_nfkc(k) for k in article.key_contents),
        body=tuple(
            replace(
                section,
                heading=_nfkc(section.heading),
                bullets=tuple(
                    replace(b, text=_nfkc(b.text), sub=tuple(_nfkc(s) for s in b.sub))
                    for b in section.bullets
                ),
            )
            for section in article.body
        ),
        footnotes=tuple(_nfkc(f) for f in article.footnotes),
        sources=tuple(replace(s, text=_nfkc(s.text)) for s in article.sources),
        captions=tuple(_nfkc(c) for c in article.captions),
    )


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# -- cover, contents, dividers, events, back cover -------------------------------------------


def _draw_cover(book: _Book) -> None:
    """The cover: the issue month ("2024년 4월호") on a background image."""
    canvas = book.page()
    canvas.page.insert_image(canvas.page.rect, stream=_tint_png((226, 234, 250)))
    if book.style.name == "2025":
        canvas.text(484.9, 111.9, "KoPubDotumBold", 14, f"{book.year}년")
        canvas.text(484.1, 134.6, "KoPubDotumBold", 19, f"{book.month}월호")
        canvas.text(206.2, 212.5, "KoPubDotumBold", 20, "인공지능 산업의 최신 동향")
        return
    year = f"{book.year}년 "
    month_x = 262.6 + canvas.width(year, 14)
    canvas.line(
        299.2,
        [
            _Span("KoPubDotumBold", 14, 262.6, year),
            _Span("KoPubDotumBold", 21, month_x, str(book.month)),
            _Span("KoPubDotumBold", 14, month_x + canvas.width(str(book.month), 21), "월호"),
        ],
    )


def _draw_contents_2024(
    book: _Book,
    canvas: _Canvas,
    entries: list[tuple[str, str, int]],
    events_page: int,
    events: tuple[SampleEvent, ...],
) -> None:
    """Contents: "Ⅰ. 인공지능 산업 동향 브리프", a header per section, "▹ title ···· N" lines,
    then "Ⅱ. 주요 행사" with one line per event."""
    canvas.page.insert_image(canvas.page.rect, stream=_tint_png(_PAPER))
    canvas.text(494.3, 67.0, "KoPubDotumBold", 10.55, f"{book.year}년 {book.month}월호")
    _part_heading(canvas, 199.6, 234.0, "Ⅰ", ". 인공지능 산업 동향 브리프", 23.2, 17.8)
    baseline = 270.0
    for number, name in enumerate(SECTIONS, 1):
        listed = [(title, page) for section, title, page in entries if section == name]
        if not listed:
            continue
        baseline += 10.0
        canvas.text(157.6, baseline, "KoPubDotumBold", 11.04, f" {number}. {name} ")
        for title, page in listed:
            baseline += 16.0
            canvas.line(
                baseline,
                [
                    _Span("Haansoft Batang", 9.96, 172.6, "▹ "),
                    _Span("KoPubDotumLight", 9.96, 187.6, _leader(canvas, title, page, 187.6)),
                ],
            )
        baseline += 9.0
    baseline += 30.0
    _part_heading(canvas, 198.7, baseline, "Ⅱ", ". 주요 행사", 23.2, 17.8)
    baseline += 30.0
    for event in events:
        baseline += 16.0
        canvas.line(
            baseline,
            [
                _Span("Haansoft Batang", 9.96, 167.6, "▹"),
                _Span(
                    "KoPubDotumMedium", 9.96, 177.6, _leader(canvas, event.name, events_page, 177.6)
                ),
            ],
        )


def _part_heading(
    canvas: _Canvas,
    x: float,
    baseline: float,
    numeral: str,
    text: str,
    numeral_size: float,
    size: float,
) -> None:
    canvas.line(
        baseline,
        [
            _Span("KoPubBatangBold", numeral_size, x, numeral),
            _Span("KoPubDotumBold", size, x + canvas.width(numeral, numeral_size), text),
        ],
    )


def _leader(canvas: _Canvas, title: str, page: int, x: float) -> str:
    """ "title ······· N", the dots filling the line to the right margin."""
    room = 559.9 - x - canvas.width(f"{title}  {page}", 9.96)
    dots = max(3, int(room / canvas.width("·", 9.96)))
    return f"{title} {'·' * dots} {page}"


def _draw_divider_2024(book: _Book) -> None:
    """The 2023-2024 part divider: "Ⅰ. 인공지능 산업 동향 브리프" alone on a page."""
    canvas = book.page()
    _part_heading(canvas, 133.6, 348.8, "Ⅰ", ". 인공지능 산업 동향 브리프", 34.77, 26.72)


def _draw_contents_2025(
    book: _Book, canvas: _Canvas, entries: list[tuple[str, str, int]], events_page: int
) -> None:
    """Contents: "CONTENTS", each section name ("정책", "･", "법제") with "∙ title" lines and
    the page number as a span of its own at the right, then "주요행사일정 N"."""
    canvas.page.insert_image(canvas.page.rect, stream=_tint_png(_PAPER))
    canvas.text(461.5, 106.7, "KoPubDotumBold", 11, f"| {book.year}년 {book.month}월호 |")
    canvas.text(65.1, 140.8, "KoPubDotumBold", 21.5, "CONTENTS")
    baseline = 179.0
    for name in SECTIONS:
        listed = [(title, page) for section, title, page in entries if section == name]
        if not listed:
            continue
        canvas.line(baseline, _dotted_section(canvas, "KoPubDotumBold", 14.7, 66.6, name))
        for title, page in listed:
            canvas.line(
                baseline,
                [
                    _Span("Haansoft Batang", 10, 209.2, "∙"),
                    _Span("KoPubDotumLight", 10, 216.8, title),
                ],
            )
            number = str(page)
            canvas.text(541.2 - canvas.width(number, 10), baseline, "KoPubDotumBold", 10, number)
            baseline += 18.0
        baseline += 38.0
    canvas.text(66.6, baseline, "KoPubDotumBold", 14.7, "주요행사일정")
    number = str(events_page)
    canvas.text(541.2 - canvas.width(number, 10), baseline, "KoPubDotumBold", 10, number)


def _draw_divider_2025(book: _Book, section: str) -> None:
    """A 2025 section divider: the section name in 34 pt ("정책", "･", "법제") alone."""
    canvas = book.page()
    canvas.page.insert_image(canvas.page.rect, stream=_tint_png(_PAPER))
    canvas.text(461.5, 108.1, "KoPubDotumBold", 11, f"| {book.year}년 {book.month}월호 |")
    canvas.line(355.7, _dotted_section(canvas, "KoPubDotumBold", 34, 238.2, section))


def _draw_back_cover(book: _Book) -> None:
    """The back cover: a line saying the issue is a sample; no page number."""
    canvas = book.page()
    canvas.text(
        69.1,
        733.8,
        "KoPubWorldDotumMedium",
        11,
        "이 호는 aibrief 프로젝트가 시험용으로 만든 견본이며 실제 발행본이 아닙니다.",
    )
    canvas.text(244.3, 716.1, "KoPubWorldDotumMedium", 11, "홈페이지 : https://example.org/")


def _draw_events_2024(book: _Book, events: tuple[SampleEvent, ...]) -> None:
    """ "Ⅱ. 주요 행사 일정" and its ruled table: per event a name cell spanning three rows, a
    logo cell and the summary, then a 기간 / 장소 / 홈페이지 header row and its values."""
    canvas = book.page()
    _part_heading(canvas, 197.8, 143.7, "Ⅱ", ". 주요 행사 일정", 34.77, 26.72)
    book.page_number(canvas)
    page = canvas.page
    left, name_r, logo_r, place_r, right = 65.0, 167.0, 265.0, 395.0, 538.0
    face, size = "KoPubDotumLight", 11.0
    top = 227.0
    rules = [((left, top), (right, top))]
    header_bottom = top + 26
    canvas.text(99.1, top + 17.6, "KoPubWorldDotumMedium", size, "행사명")
    canvas.text(315.8, top + 17.6, "KoPubWorldDotumMedium", size, "행사 주요 개요")
    rules.append(((left, header_bottom), (right, header_bottom)))
    verticals = [((name_r, top), (name_r, header_bottom))]
    y = header_bottom
    for event in events:
        summary = _wrap(
            f"- {event.summary}", book.fonts, face, size, right - 272 - 6, right - 283 - 6
        )
        summary_bottom = y + 10 + 17.6 * len(summary)
        labels_bottom = summary_bottom + 26
        cells = [
            _wrap(v, book.fonts, face, size, cell_r - cell_l - 8, cell_r - cell_l - 8)
            for v, (cell_l, cell_r) in zip(
                (event.dates, event.place, event.url),
                ((name_r, logo_r), (logo_r, place_r), (place_r, right)),
                strict=True,
            )
        ]
        bottom = labels_bottom + 12 + 17.6 * max(map(len, cells))
        for i, line in enumerate(summary):
            canvas.text(272.0 if i == 0 else 283.0, y + 21.6 + 17.6 * i, face, size, line)
        name = _wrap(event.name, book.fonts, face, size, name_r - left - 10, name_r - left - 10)
        for i, line in enumerate(name):
            baseline = (y + bottom) / 2 + 4 + 18.7 * (i - (len(name) - 1) / 2)
            canvas.text((left + name_r - canvas.width(line, size)) / 2, baseline, face, size, line)
        page.insert_image(pymupdf.Rect(182, y + 8, 250, y + 30), stream=_chart_png())
        for label, lines, (cell_l, cell_r) in zip(
            ("기간", "장소", "홈페이지"),
            cells,
            ((name_r, logo_r), (logo_r, place_r), (place_r, right)),
            strict=True,
        ):
            rows = [(label, summary_bottom + 17.6)]
            rows += [(line, labels_bottom + 19.6 + 17.6 * i) for i, line in enumerate(lines)]
            for text, baseline in rows:
                width = canvas.width(text, size, face)
                canvas.text((cell_l + cell_r - width) / 2, baseline, face, size, text)
        rules += [
            ((name_r, summary_bottom), (right, summary_bottom)),
            ((name_r, labels_bottom), (right, labels_bottom)),
            ((left, bottom), (right, bottom)),
        ]
        verticals += [
            ((name_r, y), (name_r, bottom)),
            ((logo_r, y), (logo_r, bottom)),
            ((place_r, summary_bottom), (place_r, bottom)),
        ]
        y = bottom
    verticals += [((left, top), (left, y)), ((right, top), (right, y))]
    _rule(page, rules + verticals)


def _draw_events_2025(book: _Book, events: tuple[SampleEvent, ...]) -> None:
    """ "주요행사일정" and a ruled table 월 / 기간 / 행사명 / 장소 / 홈페이지, one row per event,
    the month cell spanning that month's rows."""
    canvas = book.page()
    canvas.text(65.1, 86.4, "KoPubDotumBold", 15, "주요행사일정")
    book.page_number(canvas)
    columns = (65.0, 88.0, 130.0, 325.0, 405.0, 545.0)
    cells = list(pairwise(columns[1:]))
    top = 96.0
    for label, (cell_l, cell_r) in zip(
        ("월", "기간", "행사명", "장소", "홈페이지"), pairwise(columns), strict=True
    ):
        width = canvas.width(label, 10)
        canvas.text((cell_l + cell_r - width) / 2, top + 15, "KoPubDotumBold", 10, label)
    y = top + 22
    rules = [((columns[0], top), (columns[-1], top)), ((columns[0], y), (columns[-1], y))]
    month_top = y
    for i, event in enumerate(events):
        month, days = _month_and_days(event.dates)
        texts = [
            _wrap(text, book.fonts, "KoPubDotumLight", 9, right - left - 6, right - left - 6)
            for text, (left, right) in zip(
                (days, event.name, event.place, event.url), cells, strict=True
            )
        ]
        height = 8 + 10.8 * max(map(len, texts))
        for lines, (cell_l, cell_r) in zip(texts, cells, strict=True):
            for j, line in enumerate(lines):
                baseline = y + height / 2 + 3.2 + 10.8 * (j - (len(lines) - 1) / 2)
                width = canvas.width(line, 9)
                canvas.text((cell_l + cell_r - width) / 2, baseline, "KoPubDotumLight", 9, line)
        y += height
        following = _month_and_days(events[i + 1].dates)[0] if i + 1 < len(events) else None
        rules.append(((columns[0] if following != month else columns[1], y), (columns[-1], y)))
        if following != month:
            width = canvas.width(month, 9)
            canvas.text(
                (columns[0] + columns[1] - width) / 2,
                (month_top + y) / 2 + 3.2,
                "KoPubDotumLight",
                9,
                month,
            )
            month_top = y
    rules += [((x, top), (x, y)) for x in columns]
    _rule(canvas.page, rules)


def _month_and_days(dates: str) -> tuple[str, str]:
    """ "2025.6.11~13" -> ("6월", "11~13일"), the 2025 table's month and 기간 cells."""
    _, month, days = dates.split(".", 2)
    return f"{int(month)}월", f"{days}일"


def _rule(page: pymupdf.Page, segments: list) -> None:
    """Draw table rules as real line segments, which pdfplumber's table finder follows."""
    shape = page.new_shape()
    for start, end in segments:
        shape.draw_line(start, end)
    shape.finish(color=(0.3, 0.3, 0.3), width=0.6)
    shape.commit()


# -- issues ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Drawn:
    pdf: bytes
    pages: int
    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    breaks: tuple[LineBreak, ...]


@cache
def _draw_issue(issue: str, generation: str | None) -> _Drawn:
    """A sample issue of `extract.sample_text`, drawn once per process."""
    if issue not in ISSUE_TEXTS:
        raise ValueError(f"no sample text for issue {issue!r}; known: {', '.join(ISSUE_TEXTS)}")
    articles, events = ISSUE_TEXTS[issue]
    return _draw(issue, articles, events, _style_for(issue, generation), _sample_chars())


def _draw(
    issue: str,
    articles: tuple[SampleArticle, ...],
    events: tuple[SampleEvent, ...],
    style: _Style,
    charset: frozenset[str],
) -> _Drawn:
    """Draw the issue page by page. The contents page is reserved first and written last,
    once the articles' page numbers are known."""
    book = _Book(issue, style, charset)
    _draw_cover(book)
    contents = book.page()
    if style.name == "2024":
        _draw_divider_2024(book)
    expected: list[Article] = []
    breaks: list[LineBreak] = []
    for index, article in enumerate(articles):
        if style.name == "2025" and (not index or article.section != articles[index - 1].section):
            _draw_divider_2025(book, article.section)
        drawn, article_breaks = _draw_article(book, article, drop_space=index == 1)
        expected.append(drawn)
        breaks += article_breaks
    events_page = book.printed + 1
    if style.name == "2024":
        _draw_events_2024(book, events)
    else:
        _draw_events_2025(book, events)
    _draw_back_cover(book)
    entries = [(a.section, b.title, a.page) for a, b in zip(expected, articles, strict=True)]
    if style.name == "2024":
        _draw_contents_2024(book, contents, entries, events_page, events)
    else:
        _draw_contents_2025(book, contents, entries, events_page)
    pages = len(book.canvases)
    return _Drawn(
        _finish(book, issue),
        pages,
        tuple(expected),
        tuple(_event(e, style) for e in events),
        tuple(breaks),
    )


def _finish(book: _Book, issue: str) -> bytes:
    """Write the text streams and fonts, subset the fonts, and return the PDF's bytes."""
    for canvas in book.canvases:
        canvas.finish()
    book.fonts.finish()
    book.doc.set_metadata({"title": f"{issue_title(issue)} (sample)", "producer": "aibrief"})
    pdf = book.doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    book.doc.close()
    return pdf


def _event(event: SampleEvent, style: _Style) -> Event:
    """The event as a parser should read it from the generation's table."""
    if style.name == "2025":
        month, days = _month_and_days(event.dates)
        return Event(event.name, "", f"{month} {days}", event.place, event.url)
    return Event(event.name, _nfkc(event.summary), event.dates, event.place, event.url)


def sample_issue_articles(issue: str, generation: str | None = None) -> list[Article]:
    """The articles of a sample issue, as a parser should read them from its PDF."""
    return list(_draw_issue(issue, generation).articles)


def sample_line_breaks(issue: str, generation: str | None = None) -> tuple[LineBreak, ...]:
    """Every wrapped line of the issue's articles (KEY Contents, body, footnotes, sources)."""
    return _draw_issue(issue, generation).breaks


def write_sample_issue(
    path: str | Path, issue: str = "2024-04", generation: str | None = None
) -> Issue:
    """Write a sample issue's PDF to ``path``; return the `Issue` a parser should read."""
    return _write(Path(path), issue, _draw_issue(issue, generation))


def write_issue(
    path: str | Path,
    issue: str,
    articles: Sequence[SampleArticle],
    events: Sequence[SampleEvent] = (),
    generation: str | None = None,
) -> Issue:
    """Write an issue of the caller's own articles (and events) in the layout; return the
    `Issue` a parser should read. Raises ValueError if the text does not fit the layout."""
    articles, events = tuple(articles), tuple(events)
    charset = _sample_chars() | frozenset(repr(articles)) | frozenset(repr(events))
    return _write(
        Path(path), issue, _draw(issue, articles, events, _style_for(issue, generation), charset)
    )


def _write(path: Path, issue: str, drawn: _Drawn) -> Issue:
    path.write_bytes(drawn.pdf)
    return Issue(
        issue=issue,
        title=issue_title(issue),
        pdf=PdfInfo(
            name=path.name, sha256=hashlib.sha256(drawn.pdf).hexdigest(), pages=drawn.pages
        ),
        articles=drawn.articles,
        events=drawn.events,
    )


def write_sample_archive(folder: str | Path) -> list[Path]:
    """Write every issue of SAMPLE_ISSUES as "<issue>.pdf" into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for issue in SAMPLE_ISSUES:
        path = folder / f"{issue}.pdf"
        write_sample_issue(path, issue)
        paths.append(path)
    return paths


# -- files that are not readable issues -------------------------------------------------------


def write_bad_files(folder: str | Path) -> dict[str, Path]:
    """Write one file per way a PDF can fail to be an issue; kind -> path (each *.pdf).

    "truncated": a sample issue cut off halfway; "encrypted": a sample issue behind a user
    password; "html": a web page saved under a .pdf name; "empty": zero bytes; "scan": one page
    that is only an image (no text layer); "not_a_brief": a text PDF about something else."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pdf = _draw_issue("2024-04", None).pdf
    paths = {
        kind: folder / f"{kind}.pdf"
        for kind in ("truncated", "encrypted", "html", "empty", "scan", "not_a_brief")
    }
    paths["truncated"].write_bytes(pdf[: len(pdf) // 2])
    with pymupdf.open("pdf", pdf) as doc:
        doc.save(
            paths["encrypted"],
            encryption=pymupdf.PDF_ENCRYPT_AES_256,
            user_pw="sample-user",
            owner_pw="sample-owner",
        )
        scan = doc[3].get_pixmap(dpi=60)
    paths["html"].write_text(
        "<!DOCTYPE html><html><head><title>SPRi AI Brief</title></head>"
        "<body><p>This page moved.</p></body></html>\n",
        encoding="utf-8",
    )
    paths["empty"].write_bytes(b"")
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=858)
        page.insert_image(page.rect, pixmap=scan)
        doc.save(paths["scan"], garbage=3, deflate=True, no_new_id=True)
    with pymupdf.open() as doc:
        page = doc.new_page(width=595, height=842)
        lines = [
            "Quarterly maintenance report",
            "",
            "Building B, floor 3: replaced two",
            "air filters and one light fitting.",
            "Next inspection: 2024-07-01.",
        ]
        for i, line in enumerate(lines):
            page.insert_text((72, 96 + 18 * i), line, fontname="helv", fontsize=12)
        doc.save(paths["not_a_brief"], garbage=3, deflate=True, no_new_id=True)
    return paths
