"""Synthetic issues of the AI Brief: PDFs in the published layout, with the text the project wrote.

Every part of aibrief needs test data that is ours; the real issues may not be redistributed.
This module draws "sample issues" whose pages look, to a PyMuPDF span reader, like the published
ones (2023-2024 generation and 2025 generation), and returns the `Issue` a correct parser should
read back from them. The text itself lives in `samples.text`; the drawing in
`samples.fonts` (the cut-down embedded font), `canvas` (a page's text, rules and
images), `layout` (the two generations' measurements, Hancom line wrapping),
`book` (pages in order, running heads, page numbers), `articles`, `pages`
(cover, contents, dividers), `events` and `bad_files`.

Public interface:

    SampleArticle, SampleEvent    the text of one article / events-table row before layout
    SAMPLE_ISSUES                 the demo set ("2024-01", "2024-04", "2024-09", "2025-02",
                                  "2025-06"), both generations
    sample_issue_articles(issue, generation=None) -> list[Article]
                                  the expected articles, id/page/pdf_pages as in the PDF
    write_sample_issue(path, issue="2024-04", generation=None) -> Issue
                                  generation "2023" before 2025-01, "2025" from then on;
                                  pdf.sha256 / pdf.pages are those of the written file
    write_sample_archive(folder) -> list[Path]      one "<issue>.pdf" per SAMPLE_ISSUES
    write_bad_files(folder) -> dict[str, Path]      "truncated", "encrypted", "html", "empty",
                                  "scan" (image-only page), "not_a_brief" (a text PDF of
                                  something else); each a *.pdf
    sample_line_breaks(issue, generation=None) -> tuple[LineBreak, ...]
                                  every wrapped line of the issue's articles and its kind
    write_issue(path, issue, articles, events=(), generation=None) -> Issue
                                  the same layout for a test's own SampleArticle objects
    write_plain_issue(path, issue="2026-01", text_of="2025-06", columns=1) -> Issue
                                  an issue in an invented third layout no generation knows
                                  (`samples.plain_layout`; its text in two columns with
                                  columns=2): what the generic reader should read from it,
                                  layout "unknown"

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
- Lines wrap the Hancom way: a line that ends in a space ended at a word boundary; one that does
  not was broken inside a word and joins the next line without a space. Latin words and numbers
  are never split. From the second article of an issue on, the first word-boundary break in a
  bullet or sub-bullet loses its trailing space (kind "no-space", one per issue): the case a
  trailing-space rule gets wrong. Table cells wrap the same way (URLs anywhere).
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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.layouts import LAYOUTS_VERSION
from extract.model import UNKNOWN_LAYOUT, Article, Event, Issue, PdfInfo, issue_title
from samples.articles import draw_article
from samples.bad_files import write_bad_files_from
from samples.book import Book
from samples.events import draw_events_2023, draw_events_2025, expected_event
from samples.fonts import sample_chars
from samples.layout import LineBreak, Style, style_for
from samples.pages import (
    draw_back_cover,
    draw_contents_2023,
    draw_contents_2025,
    draw_cover,
    draw_divider_2023,
    draw_divider_2025,
)
from samples.plain_layout import draw_plain_issue
from samples.text import ISSUE_TEXTS, SampleArticle, SampleEvent

__all__ = [
    "SAMPLE_ISSUES",
    "LineBreak",
    "SampleArticle",
    "SampleEvent",
    "sample_issue_articles",
    "sample_line_breaks",
    "write_bad_files",
    "write_issue",
    "write_plain_issue",
    "write_sample_archive",
    "write_sample_issue",
]

SAMPLE_ISSUES = ("2024-01", "2024-04", "2024-09", "2025-02", "2025-06")
PLAIN = "plain"  # the invented third layout, which the parser reads generically
PLAIN_COLUMNS = "plain-columns"  # the same, its articles' text set in two columns


@dataclass(frozen=True)
class _Drawn:
    """A drawn issue: the PDF's bytes and what a parser should read from them."""

    pdf: bytes
    pages: int
    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    breaks: tuple[LineBreak, ...]
    layout: str  # the generation a parser should recognise, or "unknown"
    dropped: tuple[int, ...] = ()  # read generically: the pages whose text no article holds


@cache
def _draw_issue(issue: str, generation: str | None, text_of: str | None = None) -> _Drawn:
    """A sample issue of `samples.text` (that of issue `text_of`, when given), drawn once per
    process."""
    source = text_of or issue
    if source not in ISSUE_TEXTS:
        raise ValueError(f"no sample text for issue {source!r}; known: {', '.join(ISSUE_TEXTS)}")
    articles, events = ISSUE_TEXTS[source]
    if generation in (PLAIN, PLAIN_COLUMNS):
        columns = 2 if generation == PLAIN_COLUMNS else 1
        pdf, pages, expected, dropped = draw_plain_issue(issue, articles, sample_chars(), columns)
        return _Drawn(pdf, pages, expected, (), (), UNKNOWN_LAYOUT, dropped)
    return _draw(issue, articles, events, style_for(issue, generation), sample_chars())


def _draw(
    issue: str,
    articles: tuple[SampleArticle, ...],
    events: tuple[SampleEvent, ...],
    style: Style,
    charset: frozenset[str],
) -> _Drawn:
    """Draw the issue page by page. The contents page is reserved first and written last,
    once the articles' page numbers are known."""
    book = Book(issue, style, charset)
    draw_cover(book)
    contents = book.page()
    if style.name == "2023":
        draw_divider_2023(book)
    expected, breaks = _draw_articles(book, articles)
    events_page = book.printed + 1
    (draw_events_2023 if style.name == "2023" else draw_events_2025)(book, events)
    draw_back_cover(book)
    entries = [(a.section, b.title, a.page) for a, b in zip(expected, articles, strict=True)]
    if style.name == "2023":
        draw_contents_2023(book, contents, entries, events_page, events)
    else:
        draw_contents_2025(book, contents, entries, events_page)
    pages = len(book.canvases)
    return _Drawn(
        _finish(book, issue),
        pages,
        tuple(expected),
        tuple(expected_event(e, style.name) for e in events),
        tuple(breaks),
        style.name,
    )


def _draw_articles(
    book: Book, articles: tuple[SampleArticle, ...]
) -> tuple[list[Article], list[LineBreak]]:
    """Every article from a new page on (in 2025 a divider before each new section); the
    expected articles and their line breaks. The second article carries the "no-space" break."""
    expected: list[Article] = []
    breaks: list[LineBreak] = []
    for index, article in enumerate(articles):
        new_section = not index or article.section != articles[index - 1].section
        if book.style.name == "2025" and new_section:
            draw_divider_2025(book, article.section)
        drawn, article_breaks = draw_article(book, article, drop_space=index == 1)
        expected.append(drawn)
        breaks += article_breaks
    return expected, breaks


def _finish(book: Book, issue: str) -> bytes:
    """Write the text streams and fonts, subset the fonts, and return the PDF's bytes."""
    for canvas in book.canvases:
        canvas.finish()
    book.fonts.finish()
    book.doc.set_metadata({"title": f"{issue_title(issue)} (sample)", "producer": "aibrief"})
    pdf = book.doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    book.doc.close()
    return pdf


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


def write_plain_issue(
    path: str | Path, issue: str = "2026-01", text_of: str = "2025-06", columns: int = 1
) -> Issue:
    """Write an issue in the invented third layout (`samples.plain_layout`), with the text of
    sample issue `text_of` (in two columns with `columns=2`); return the `Issue` the generic
    reader should read (layout "unknown")."""
    generation = PLAIN_COLUMNS if columns == 2 else PLAIN
    return _write(Path(path), issue, _draw_issue(issue, generation, text_of))


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
    charset = sample_chars() | frozenset(repr(articles)) | frozenset(repr(events))
    return _write(
        Path(path), issue, _draw(issue, articles, events, style_for(issue, generation), charset)
    )


def _write(path: Path, issue: str, drawn: _Drawn) -> Issue:
    """Write the drawn PDF to ``path``; the `Issue` a parser should read from that file."""
    path.write_bytes(drawn.pdf)
    return Issue(
        issue=issue,
        title=issue_title(issue),
        pdf=PdfInfo(
            name=path.name, sha256=hashlib.sha256(drawn.pdf).hexdigest(), pages=drawn.pages
        ),
        articles=drawn.articles,
        events=drawn.events,
        layout=drawn.layout,
        layout_version=LAYOUTS_VERSION,
        dropped_pages=drawn.dropped,
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


def write_bad_files(folder: str | Path) -> dict[str, Path]:
    """Write one file per way a PDF can fail to be an issue; kind -> path (each *.pdf).

    "truncated": a sample issue cut off halfway; "encrypted": a sample issue behind a user
    password; "html": a web page saved under a .pdf name; "empty": zero bytes; "scan": one page
    that is only an image (no text layer); "not_a_brief": a text PDF about something else."""
    return write_bad_files_from(Path(folder), _draw_issue("2024-04", None).pdf)
