"""One page of a sample issue as it is drawn: text written span by span into its own content
stream (so a span reader sees the published faces, sizes and positions), rules and images drawn
by PyMuPDF, and the plain images the pages use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pymupdf

from samples.fonts import Fonts, new_object


@dataclass(frozen=True)
class Span:
    """A run of text in one face and size starting at ``x``, raised by ``rise`` points."""

    face: str
    size: float
    x: float
    text: str
    rise: float = 0.0


class Canvas:
    """One page being drawn: PyMuPDF draws its rules and images, we write its text."""

    def __init__(self, doc: pymupdf.Document, fonts: Fonts, width: float, height: float):
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

    def line(self, baseline: float, spans: list[Span]) -> None:
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
        self.line(baseline, [Span(face, size, x, text)])

    def centred(
        self, left: float, right: float, baseline: float, face: str, size: float, text: str
    ) -> None:
        """Write a line of one span centred between ``left`` and ``right``."""
        width = self.width(text, size, face)
        self.text((left + right - width) / 2, baseline, face, size, text)

    def right_aligned(
        self, right: float, baseline: float, face: str, size: float, text: str
    ) -> None:
        """Write a line of one span ending at ``right``."""
        self.text(right - self.width(text, size, face), baseline, face, size, text)

    def in_a_row(self, x: float, parts: list[tuple[str, float, str]]) -> list[Span]:
        """Spans (face, size, text) set one after another from ``x``."""
        spans = []
        for face, size, text in parts:
            spans.append(Span(face, size, x, text))
            x += self.width(text, size, face)
        return spans

    def width(self, text: str, size: float, face: str = "") -> float:
        """The printed width of ``text``."""
        return self.fonts.width(text, size, face)

    def background(self, rgb: tuple[int, int, int]) -> None:
        """Lay the page on a full-page image of one colour, as the published front pages are."""
        self.page.insert_image(self.page.rect, stream=_tint_png(rgb))

    def finish(self) -> None:
        """Attach the text as the page's last content stream, with its font resources."""
        page = self.page
        kind, value = self.doc.xref_get_key(page.xref, "Resources")
        owner, prefix = (int(value.split()[0]), "") if kind == "xref" else (page.xref, "Resources/")
        for face in sorted(self.faces):
            resource = self.fonts.resource(face)
            xref = self.fonts.faces[face][0]
            self.doc.xref_set_key(owner, f"{prefix}Font/{resource}", f"{xref} 0 R")
        stream = new_object(self.doc, "<<>>")
        self.doc.update_stream(stream, ("q 0 g\n" + "\n".join(self.ops) + "\nQ").encode())
        contents = " ".join(f"{x} 0 R" for x in [*page.get_contents(), stream])
        self.doc.xref_set_key(page.xref, "Contents", f"[{contents}]")


def text_spans(face: str, size: float, x: float, text: str, fonts: Fonts) -> list[Span]:
    """Spans for text in which "10^26" marks a superscript: "10", then "26" smaller and raised."""
    spans = []
    for i, part in enumerate(re.split(r"\^(\d+)", text)):
        if not part:
            continue
        small = i % 2 == 1
        span_size = 7.3 if small else size
        spans.append(Span(face, span_size, x, part, rise=5.0 if small else 0.0))
        x += fonts.width(part, span_size, face)
    return spans


def dotted_section(canvas: Canvas, face: str, size: float, x: float, name: str) -> list[Span]:
    """A 2025 section label: "정책", "･" in Haansoft Batang, "법제" as three spans."""
    left, right = name.split("/")
    return canvas.in_a_row(
        x, [(face, size, left), ("Haansoft Batang", size, "･"), (face, size, right)]
    )


def rule(page: pymupdf.Page, segments: list) -> None:
    """Draw table rules as real line segments, which pdfplumber's table finder follows."""
    shape = page.new_shape()
    for start, end in segments:
        shape.draw_line(start, end)
    shape.finish(color=(0.3, 0.3, 0.3), width=0.6)
    shape.commit()


@cache
def _tint_png(rgb: tuple[int, int, int]) -> bytes:
    """A plain 8 x 8 image, for the full-page backgrounds."""
    return _plain(8, 8, rgb).tobytes("png")


def _plain(width: int, height: int, rgb: tuple[int, int, int]) -> pymupdf.Pixmap:
    """An opaque RGB pixmap of one colour."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.set_rect(pix.irect, rgb)
    return pix


@cache
def disc_png() -> bytes:
    """A blue disc on a transparent square: the 2025 page number's background."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 44, 44), True)
    pix.clear_with(0)
    for y in range(44):
        for x in range(44):
            if (x - 21.5) ** 2 + (y - 21.5) ** 2 <= 21.5**2:
                pix.set_pixel(x, y, (0, 84, 166, 255))
    return pix.tobytes("png")


@cache
def chart_png() -> bytes:
    """A small bar chart: the figure of a sample article (its pixels are not text)."""
    pix = _plain(260, 120, (245, 245, 250))
    for i, height in enumerate((40, 70, 55, 95)):
        left = 30 + i * 55
        pix.set_rect(pymupdf.IRect(left, 110 - height, left + 35, 110), (40, 90, 160))
    return pix.tobytes("png")
