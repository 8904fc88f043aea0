"""A sample article's pages: title, KEY Contents box, body paragraphs with their glyphs,
footnotes, figure and sources, flowing onto a continuation page when the page is full; and the
`Article` a parser should read back from them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

import pymupdf

from extract.model import Article
from samples.book import Book
from samples.canvas import Canvas, Span, chart_png, text_spans
from samples.fonts import Fonts
from samples.layout import (
    PAGE_WIDTH,
    Kind,
    LineBreak,
    break_kind,
    drop_first_space,
    wrap,
)
from samples.text import SampleArticle


@dataclass
class _Cursor:
    """Where the next line of an article goes, and what has been drawn of it."""

    book: Book
    section: str
    article_id: str
    canvas: Canvas
    baseline: float
    breaks: list[LineBreak] = field(default_factory=list)

    def room(self, height: float) -> None:
        """Go on to a continuation page unless ``height`` points still fit on this one."""
        if self.baseline + height > self.book.style.body_bottom:
            self.canvas = self.book.article_page(self.section)
            self.baseline = self.book.style.body_top


def draw_article(
    book: Book, article: SampleArticle, drop_space: bool
) -> tuple[Article, list[LineBreak]]:
    """Draw one article from a new page on; return the expected `Article` and its breaks.
    ``drop_space`` lets the article carry the issue's one "no-space" break."""
    canvas = book.article_page(article.section)
    article_id = f"{book.issue}-{book.printed:02d}"
    first_page, printed = book.pdf_page, book.printed
    cursor = _Cursor(book, article.section, article_id, canvas, book.style.key_top)
    _draw_head(cursor, article)
    book.drop_space = book.drop_space or drop_space
    _draw_body(cursor, article)
    if book.style.name == "2023":
        _draw_sources_2023(cursor, article)
    else:
        _draw_sources_2025(cursor, article)
    pdf_pages = (first_page, book.pdf_page)
    if (pdf_pages[1] > pdf_pages[0]) != article.continues:
        raise ValueError(
            f"{article.title!r}: continues={article.continues} but the layout "
            f"gave pages {pdf_pages}"
        )
    return _expected_article(book.issue, article, article_id, printed, pdf_pages), cursor.breaks


def _draw_head(cursor: _Cursor, article: SampleArticle) -> None:
    """The title on one line, then the KEY Contents bullets in their box."""
    style = cursor.book.style
    canvas = cursor.canvas
    face, size, x, baseline = style.title
    if x + canvas.width(article.title, size, face) > 556:
        raise ValueError(f"sample title too long for one line: {article.title!r}")
    canvas.text(x, baseline, face, size, article.title)
    for i, key in enumerate(article.key_contents):
        if i:
            cursor.baseline += style.key_gap
        _draw_paragraph(cursor, style.kinds["key"], key)
    label_face, label_x, label_baseline = style.key_label
    canvas.text(label_x, label_baseline, label_face, 12, "KEY Contents")
    box = pymupdf.Rect(65, label_baseline - 17, 547, cursor.baseline + 14)
    canvas.page.draw_rect(box, color=(0.55, 0.6, 0.7), width=0.8, radius=0.08)


def _draw_body(cursor: _Cursor, article: SampleArticle) -> None:
    """Sub-headings, bullets, sub-bullets, footnotes and the figure, in reading order."""
    style = cursor.book.style
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


def _draw_paragraph(
    cursor: _Cursor,
    kind: Kind,
    text: str,
    *,
    x: float | None = None,
    prefix: list[Span] | None = None,
    may_drop_space: bool = False,
    flow: bool = True,
) -> None:
    """Set one paragraph from ``cursor.baseline`` on, its glyph (if any) before the first
    line. Later lines go on to a continuation page when the page is full (unless ``flow`` is
    false); ``may_drop_space`` lets this paragraph carry the issue's one "no-space" break."""
    fonts = cursor.canvas.fonts
    first_x = kind.x if x is None else x
    lines = wrap(text, fonts, kind.face, kind.size, kind.right - first_x, kind.right - kind.indent)
    dropped = -1
    if may_drop_space and cursor.book.drop_space:
        dropped = drop_first_space(lines)
        if dropped >= 0:
            cursor.book.drop_space = False
    for i, line in enumerate(lines):
        if i:
            cursor.baseline += kind.leading
            if flow:
                cursor.room(0)
        spans = (list(prefix or []) + _glyph_spans(fonts, kind)) if i == 0 else []
        spans += text_spans(kind.face, kind.size, first_x if i == 0 else kind.indent, line, fonts)
        cursor.canvas.line(cursor.baseline, spans)
        if i + 1 < len(lines):
            how = break_kind(lines, i, dropped)
            cursor.breaks.append(
                LineBreak(cursor.article_id, cursor.book.pdf_page, line, lines[i + 1], how)
            )


def _glyph_spans(fonts: Fonts, kind: Kind) -> list[Span]:
    """The glyph, then a space that ends where the text starts (as Hancom sets them); none
    for a paragraph kind without a glyph."""
    if not kind.glyph:
        return []
    space_x = kind.x - fonts.width(" ", kind.size, kind.face)
    return [
        Span(kind.glyph_face, kind.glyph_size, kind.glyph_x, kind.glyph),
        Span(kind.face, kind.size, space_x, " "),
    ]


def _draw_figure(cursor: _Cursor, caption: str) -> None:
    """A caption line "<... 예시>" centred above a chart image, as the published pages set it."""
    style = cursor.book.style
    cursor.baseline += 34.0
    cursor.room(150)
    canvas = cursor.canvas
    canvas.centred(0, PAGE_WIDTH, cursor.baseline, style.caption_face, 11, caption)
    top = cursor.baseline + 8
    canvas.page.insert_image(pymupdf.Rect(176, top, 436, top + 120), stream=chart_png())
    cursor.baseline = top + 120


def _draw_sources_2023(cursor: _Cursor, article: SampleArticle) -> None:
    """ "☞ 출처 : " and the first source after the body, each further source on its own line."""
    style = cursor.book.style
    kind = style.kinds["source"]
    for i, source in enumerate(article.sources):
        cursor.baseline += style.gaps["source"] if i == 0 else kind.leading
        cursor.room(0)
        text = f"☞ 출처 : {source.text}" if i == 0 else source.text
        _draw_paragraph(cursor, kind, text, x=kind.x if i == 0 else kind.indent)


def _draw_sources_2025(cursor: _Cursor, article: SampleArticle) -> None:
    """A block at the foot of the page, a bold "출처 | " before its first line."""
    kind = cursor.book.style.kinds["source"]
    fonts = cursor.canvas.fonts
    width = kind.right - kind.x
    count = sum(
        len(wrap(s.text, fonts, kind.face, kind.size, width, width)) for s in article.sources
    )
    cursor.baseline = min(780.5, 805.0 - kind.leading * (count - 1)) - kind.leading
    for i, source in enumerate(article.sources):
        cursor.baseline += kind.leading
        label = [Span("KoPubDotumBold", 8.5, 65.1, "출처 | ")] if i == 0 else []
        _draw_paragraph(cursor, kind, source.text, prefix=label, flow=False)


def _expected_article(
    issue: str, article: SampleArticle, article_id: str, printed: int, pdf_pages: tuple[int, int]
) -> Article:
    """The article as a parser should read it: NFKC text, the layout's page numbers."""
    return Article(
        id=article_id,
        issue=issue,
        section=article.section,
        title=nfkc(article.title),
        page=printed,
        pdf_pages=pdf_pages,
        key_contents=tuple(nfkc(k) for k in article.key_contents),
        body=tuple(
            replace(
                section,
                heading=nfkc(section.heading),
                bullets=tuple(
                    replace(b, text=nfkc(b.text), sub=tuple(nfkc(s) for s in b.sub))
                    for b in section.bullets
                ),
            )
            for section in article.body
        ),
        footnotes=tuple(nfkc(f) for f in article.footnotes),
        sources=tuple(replace(s, text=nfkc(s.text)) for s in article.sources),
        captions=tuple(nfkc(c) for c in article.captions),
    )


def nfkc(text: str) -> str:
    """The text as a parser reads it: NFKC-normalised ("⼤" -> "大")."""
    return unicodedata.normalize("NFKC", text)
