"""A third, invented layout of the AI Brief ("plain"), which no generation of the parser knows:
the sample of an issue SPRi might publish after a redesign.

Unlike the two published generations: A4 pages in other faces (NanumSquareBold headlines at
17 pt that may wrap, NanumMyeongjo body text at 11 pt, a NanumGothicBold sub-heading with no
glyph), "▶" lead lines instead of a KEY Contents box, "•" bullets and "–" sub-bullets set as
text, no row of section tabs but a small section label ("정책 · 법제") above the headline (none
above the last article, printed as "이슈 분석"), a running head of two spans on every article
page, page numbers as "- 7 -", sources after "출처:" at 8.5 pt, and a contents page headed "이번
호 목차" that lists each article as its page number, then its title, with no section names and
no leader dots. There is no events table.

`draw_plain_issue` returns the PDF, the articles a generic reader should read from it (no
KEY Contents: the lead lines are the first bullets, under no sub-heading; each section named
by its label, None for the last article; printed pages as numbered) and the page it should
report as in no article (the back page).
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

from extract.model import Article, BodySection, Bullet, Source
from samples.articles import nfkc
from samples.canvas import Canvas, chart_png, text_spans
from samples.fonts import Fonts
from samples.layout import wrap
from samples.text import SampleArticle

WIDTH, HEIGHT = 595.0, 842.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 56.0, 539.0, 96.0, 776.0
EXTRA_CHARS = "•–▶·목차이번호슈분석- "
_FRONT_PAGES = 2  # cover and contents come before printed page 1
_GUTTER = 21.0  # between two columns
_COLUMN_HEIGHT = 300.0  # two columns run this far down a page at most, then the next page
_NO_SECTION = "이슈 분석"  # the label above the last article: not a section
_DISCLAIMER = "이 호는 aibrief 프로젝트가 시험용으로 만든 견본이며 실제 발행본이 아닙니다."


@dataclass(frozen=True)
class _Kind:
    glyph: str
    face: str
    size: float
    glyph_x: float
    x: float  # text start, every line
    leading: float  # baseline to baseline within the paragraph
    gap: float  # baseline to baseline from the paragraph before


_LEAD = _Kind("▶", "NanumGothic", 10.5, 62.0, 74.0, 15.5, 22.0)
_HEADING = _Kind("", "NanumGothicBold", 11.5, 0, 56.0, 16.0, 32.0)
_BULLET = _Kind("•", "NanumMyeongjo", 11.0, 62.0, 72.0, 17.0, 26.0)
_SUB = _Kind("–", "NanumMyeongjo", 10.5, 80.0, 90.0, 16.0, 22.0)
_FOOTNOTE = _Kind("", "NanumGothic", 8.5, 0, 62.0, 11.5, 18.0)
_SOURCE = _Kind("", "NanumGothic", 8.5, 0, 56.0, 12.0, 16.0)


class _PlainBook:
    """The pages of a plain-layout issue as they are drawn."""

    def __init__(self, issue: str, charset: frozenset[str]) -> None:
        self.doc = pymupdf.open()
        self.fonts = Fonts(self.doc, charset)
        self.canvases: list[Canvas] = []
        year, month = issue.split("-")
        self.month = f"{int(year)}년 {int(month)}월호"

    def page(self) -> Canvas:
        canvas = Canvas(self.doc, self.fonts, WIDTH, HEIGHT)
        self.canvases.append(canvas)
        return canvas

    @property
    def printed(self) -> int:
        return len(self.canvases) - _FRONT_PAGES

    def article_page(self) -> Canvas:
        """A page with the running head and the page number."""
        canvas = self.page()
        canvas.line(34.0, canvas.in_a_row(_LEFT, [("NanumGothicBold", 8, "SPRi AI Brief  ")]))
        canvas.right_aligned(_RIGHT, 34.0, "NanumGothic", 8, self.month)
        canvas.centred(0, WIDTH, 816.0, "NanumGothic", 9, f"- {self.printed} -")
        return canvas


class _Cursor:
    """Where the next line goes: the page, the column (0, or 1 of two) and the baseline."""

    def __init__(self, book: _PlainBook, columns: int) -> None:
        self.book = book
        self.canvas = book.article_page()
        self.baseline = self.top = _TOP  # `top`: where a column starts on this page
        self.columns, self.column = columns, 0
        self.width = (_RIGHT - _LEFT - (columns - 1) * _GUTTER) / columns

    def under_headline(self) -> None:
        """The columns of the first page start below the headline."""
        self.top = self.baseline

    @property
    def bottom(self) -> float:
        """The lowest baseline of a column on this page."""
        return _BOTTOM if self.columns == 1 else min(_BOTTOM, self.top + _COLUMN_HEIGHT)

    @property
    def shift(self) -> float:
        """How far right of the page's left margin the current column starts."""
        return self.column * (self.width + _GUTTER)

    def next_line(self, step: float) -> None:
        """Move down a line, on to the next column or page when this one is full."""
        self.baseline += step
        if self.baseline <= self.bottom:
            return
        if self.column + 1 < self.columns:
            self.column += 1
        else:
            self.canvas, self.column, self.top = self.book.article_page(), 0, _TOP
        self.baseline = self.top

    def paragraph(self, kind: _Kind, text: str) -> None:
        """Set a paragraph, its glyph before the first line, on to a new column or page when
        full."""
        room = _LEFT + self.width - kind.x
        lines = wrap(text, self.canvas.fonts, kind.face, kind.size, room, room)
        for i, line in enumerate(lines):
            self.next_line(kind.leading if i else kind.gap)
            fonts = self.canvas.fonts
            spans = text_spans(kind.face, kind.size, kind.x + self.shift, line, fonts)
            if i == 0 and kind.glyph:
                x = kind.glyph_x + self.shift
                spans = text_spans(kind.face, kind.size, x, kind.glyph, fonts) + spans
            self.canvas.line(self.baseline, spans)


def draw_plain_issue(
    issue: str, articles: tuple[SampleArticle, ...], charset: frozenset[str], columns: int = 1
) -> tuple[bytes, int, tuple[Article, ...], tuple[int, ...]]:
    """The PDF of the issue in the plain layout (its article text set in `columns` columns),
    its page count, the expected articles and the pages whose text no article holds (the
    back page's disclaimer)."""
    book = _PlainBook(issue, charset | frozenset(EXTRA_CHARS))
    cover = book.page()
    cover.text(_LEFT, 200.0, "NanumSquareBold", 28, "SPRi AI Brief")
    cover.text(_LEFT, 240.0, "NanumSquareBold", 18, book.month)
    cover.text(_LEFT, 280.0, "NanumSquareBold", 20, "인공지능 산업의 최신 동향")
    contents = book.page()
    expected = []
    for index, article in enumerate(articles):
        section = None if index == len(articles) - 1 else article.section
        expected.append(_draw_article(book, issue, article, section, columns))
    titles = [(a.page, sample.title) for a, sample in zip(expected, articles, strict=True)]
    _draw_contents(contents, titles)
    back = book.page()
    back.text(_LEFT, 760.0, "NanumGothic", 10, _DISCLAIMER)
    for canvas in book.canvases:
        canvas.finish()
    book.fonts.finish()
    book.doc.set_metadata({"title": f"SPRi AI Brief {book.month} (sample)", "producer": "aibrief"})
    pdf = book.doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    pages = len(book.canvases)
    book.doc.close()
    return pdf, pages, tuple(expected), (pages,)


def _draw_contents(canvas: Canvas, titles: list[tuple[int, str]]) -> None:
    """ "이번 호 목차", then "N   title" per article: the number first, no section names,
    the title cut to what fits (the headline on the article's page is the title)."""
    canvas.text(_LEFT, 90.0, "NanumSquareBold", 20, "이번 호 목차")
    baseline = 140.0
    for page, title in titles:
        canvas.text(_LEFT, baseline, "NanumGothicBold", 11, str(page))
        canvas.text(_LEFT + 34, baseline, "NanumGothic", 11, title[:40])
        baseline += 24.0


def _draw_article(
    book: _PlainBook, issue: str, article: SampleArticle, section: str | None, columns: int
) -> Article:
    cursor = _Cursor(book, columns)
    first, printed = len(book.canvases), book.printed
    label = section.replace("/", " · ") if section else _NO_SECTION
    cursor.canvas.text(_LEFT, 64.0, "NanumGothic", 9, label)
    room = _RIGHT - _LEFT  # the headline spans the columns
    for line in wrap(article.title, book.fonts, "NanumSquareBold", 17, room, room):
        cursor.canvas.text(_LEFT, cursor.baseline, "NanumSquareBold", 17, line)
        cursor.baseline += 22.0
    cursor.under_headline()
    for key in article.key_contents:
        cursor.paragraph(_LEAD, key)
    for body in article.body:
        cursor.paragraph(_HEADING, body.heading)
        for bullet in body.bullets:
            cursor.paragraph(_BULLET, bullet.text)
            for sub in bullet.sub:
                cursor.paragraph(_SUB, sub)
    for note in article.footnotes:
        cursor.paragraph(_FOOTNOTE, note)
    for caption in article.captions:
        _draw_figure(cursor, caption)
    for i, source in enumerate(article.sources):
        cursor.paragraph(_SOURCE, f"출처: {source.text}" if i == 0 else source.text)
    return _expected(issue, article, section, printed, (first, len(book.canvases)))


def _draw_figure(cursor: _Cursor, caption: str) -> None:
    """A caption "<…>" centred above a chart: on the page, or in its column."""
    cursor.baseline += 26.0
    if cursor.baseline + 130 > cursor.bottom:
        cursor.next_line(_BOTTOM)  # on to the top of the next column or page
    if cursor.columns == 1:
        cursor.canvas.centred(0, WIDTH, cursor.baseline, "NanumGothicBold", 10, caption)
        left, right = 168.0, 428.0
    else:
        left, right = _LEFT + cursor.shift, _LEFT + cursor.shift + cursor.width
        room = cursor.width
        lines = wrap(caption, cursor.canvas.fonts, "NanumGothicBold", 10, room, room)
        for i, line in enumerate(lines):
            if i:
                cursor.next_line(14.0)
            cursor.canvas.centred(left, right, cursor.baseline, "NanumGothicBold", 10, line)
    top = cursor.baseline + 8
    cursor.canvas.page.insert_image(pymupdf.Rect(left, top, right, top + 110), stream=chart_png())
    cursor.baseline = top + 110


def _expected(
    issue: str,
    article: SampleArticle,
    section: str | None,
    printed: int,
    pdf_pages: tuple[int, int],
) -> Article:
    """The article as the generic reader should read it from the plain layout."""
    lead = (BodySection("", tuple(Bullet(nfkc(k)) for k in article.key_contents)),)
    body = tuple(
        BodySection(
            nfkc(s.heading),
            tuple(Bullet(nfkc(b.text), tuple(nfkc(x) for x in b.sub)) for b in s.bullets),
        )
        for s in article.body
    )
    return Article(
        id=f"{issue}-{printed:02d}",
        issue=issue,
        section=section,
        title=nfkc(article.title),
        page=printed,
        pdf_pages=pdf_pages,
        body=(lead if article.key_contents else ()) + body,
        footnotes=tuple(nfkc(f) for f in article.footnotes),
        sources=tuple(
            Source(nfkc(s.text), s.outlet, s.title, s.date, s.url) for s in article.sources
        ),
        captions=tuple(nfkc(c) for c in article.captions),
    )
