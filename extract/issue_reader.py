"""One PDF -> one `Issue`: the steps of extraction, in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pymupdf

from common.mupdf_messages import MupdfMessages
from extract.article_pages import (
    assemble,
    build_article,
    is_article_start,
    is_continuation,
    split_paragraphs,
)
from extract.contents_page import ContentsEntry, find_contents_page, read_contents
from extract.errors import (
    DamagedPdfError,
    ExtractError,
    LayoutError,
    NotAnAiBriefError,
    NoTextLayerError,
)
from extract.events_table import read_events
from extract.file_hash import file_sha256
from extract.generic_reader import read_generic_articles
from extract.issue_identity import NAMING_PAGES, names_the_brief, read_issue_month
from extract.layouts import LAYOUTS_VERSION, UNKNOWN, Layout, detect_layout
from extract.model import Article, Event, Issue, PdfInfo, issue_title
from extract.page_lines import Line, PageText, read_page
from extract.pdf_checks import open_pdf
from extract.running_heads import page_number, strip_furniture

_OPENING_PAGES = 3  # cover, contents and (2023-2024) the part divider


def extract_issue(
    path: str | Path, sha256: str | None = None, on_messages: Callable[[str], None] | None = None
) -> Issue:
    """Parse one published issue of the SPRi AI Brief into an `Issue`; `sha256` is the file's,
    when the caller has computed it already (ingest does, to skip held files).

    Raises an `ExtractError` subclass naming the file and the reason when it cannot; a
    failure inside the parser itself is reported as a `LayoutError`, never half an issue.
    A file read whole although MuPDF complained while reading it: `on_messages` receives the
    one-line summary of what it said ("MuPDF reported 2 problems, first: …").
    """
    path = Path(path)
    with MupdfMessages() as messages:
        try:
            issue = _extract(path, sha256)
            summary = messages.summary()
            if summary and on_messages is not None:
                on_messages(summary)
            return issue
        except (NotAnAiBriefError, NoTextLayerError, LayoutError) as error:
            raise _damaged(path, messages) or error from error
        except ExtractError:
            raise
        except Exception as error:  # a layout the parser does not know; say so, for this file
            layout = LayoutError(path, f"{type(error).__name__}: {error}")
            raise _damaged(path, messages) or layout from error


def _damaged(path: Path, messages: MupdfMessages) -> DamagedPdfError | None:
    """A file MuPDF complained about while reading it is damaged, whatever the parser made of it."""
    summary = messages.summary()
    return DamagedPdfError(path, summary) if summary else None


def _extract(path: Path, sha256: str | None) -> Issue:
    doc = open_pdf(path)
    try:
        return _parse(path, doc, sha256)
    finally:
        doc.close()


def _parse(path: Path, doc: pymupdf.Document, sha256: str | None) -> Issue:
    pages = [read_page(page) for page in doc]
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise NoTextLayerError(path)
    pdf = PdfInfo(name=path.name, sha256=sha256 or file_sha256(path), pages=len(pages))
    layout = detect_layout("\n".join(p.joined() for p in pages[:_OPENING_PAGES]))
    contents = find_contents_page(pages[:_OPENING_PAGES], layout) if layout else None
    entries = read_contents(contents, layout) if contents and layout else []
    if layout is None or not entries:
        if not names_the_brief(pages, doc.metadata):
            reason = "its contents page lists no articles" if layout else None
            raise NotAnAiBriefError(path, reason or "no contents page of the AI Brief was found")
        return read_generically(path, pages, pdf)
    if not _has_article_pages(pages, layout) and names_the_brief(pages, doc.metadata):
        # a known contents page before article pages of a new design: the pages are read
        # generically rather than refused
        return read_generically(path, pages, pdf)
    issue = read_issue_month(pages[:_OPENING_PAGES], path)
    articles = read_articles(pages, entries, layout, issue, path)
    events = read_events(doc, _events_pages(pages, layout))
    return _issue(issue, pdf, articles, events, layout.name)


def read_generically(path: Path, pages: list[PageText], pdf: PdfInfo) -> Issue:
    """An issue that names the Brief in a layout not recognised, in the generic form (layout
    "unknown"; see `generic_reader`); a LayoutError when not one article page is found."""
    issue = read_issue_month(pages[:NAMING_PAGES], path)
    articles, dropped = read_generic_articles(pages, _OPENING_PAGES, issue)
    if not articles:
        raise LayoutError(path, "not recognised, and no article page was found in it")
    return _issue(issue, pdf, articles, (), UNKNOWN, dropped)


def _issue(
    issue: str,
    pdf: PdfInfo,
    articles: tuple[Article, ...],
    events: tuple[Event, ...],
    layout: str,
    dropped: tuple[int, ...] = (),
) -> Issue:
    return Issue(
        issue=issue,
        title=issue_title(issue),
        pdf=pdf,
        articles=articles,
        events=events,
        layout=layout,
        layout_version=LAYOUTS_VERSION,
        dropped_pages=dropped,
    )


def read_articles(
    pages: list[PageText], entries: list[ContentsEntry], layout: Layout, issue: str, path: Path
) -> tuple[Article, ...]:
    """Every article the contents page lists; a LayoutError naming what is missing when an
    article is not found, or naming the pages when an article page is not listed."""
    bodies = [strip_furniture(page, layout) for page in pages]
    starts = [is_article_start(body) for body in bodies]
    first_pages = _first_pdf_pages(pages, starts, entries)
    articles = []
    missing = []
    for entry in entries:
        start = first_pages.get(entry.page)
        if start is None or not starts[start - 1]:
            missing.append(f"p.{entry.page} {entry.title!r}")
            continue
        last = _last_page(start, bodies, layout)
        lines: list[Line] = [line for i in range(start, last + 1) for line in bodies[i - 1]]
        parts = assemble(split_paragraphs(lines, layout))
        articles.append(
            build_article(
                parts, issue=issue, section=entry.section, page=entry.page, pdf_pages=(start, last)
            )
        )
    if missing:
        raise LayoutError(
            path,
            f"the contents page lists {len(entries)} articles but {len(missing)} were not "
            f"found: {_first_few(missing, '; ')}",
        )
    used = {article.pdf_pages[0] for article in articles}
    unlisted = [number for number, start in enumerate(starts, 1) if start and number not in used]
    if unlisted:
        raise LayoutError(
            path,
            f"the contents page lists {len(entries)} articles but PDF page(s) "
            f"{_first_few([str(n) for n in unlisted], ', ')} start an article it does not list",
        )
    return tuple(articles)


def _has_article_pages(pages: list[PageText], layout: Layout) -> bool:
    """Whether any page after the opening ones starts an article the way the layout does."""
    return any(is_article_start(strip_furniture(page, layout)) for page in pages[_OPENING_PAGES:])


def _first_few(items: list[str], separator: str, shown: int = 5) -> str:
    """The first items joined, and how many more there are: one line even for a 199-page file."""
    more = f"{separator}and {len(items) - shown} more" if len(items) > shown else ""
    return separator.join(items[:shown]) + more


def _first_pdf_pages(
    pages: list[PageText], starts: list[bool], entries: list[ContentsEntry]
) -> dict[int, int]:
    """Printed page -> 1-based PDF page of an article's start, read from the page feet (the
    contents page has a number of its own); a page whose foot has no number is placed by the
    offset most other pages share."""
    printed = {}
    offsets: Counter[int] = Counter()
    for page, start in zip(pages, starts, strict=True):
        number = page_number(page) if start else None
        if number is not None and number not in printed:
            printed[number] = page.number
            offsets[page.number - number] += 1
    if offsets:
        offset = offsets.most_common(1)[0][0]
        for entry in entries:
            guess = entry.page + offset
            if entry.page not in printed and 1 <= guess <= len(pages):
                printed[entry.page] = guess
    return printed


def _last_page(start: int, bodies: list[list[Line]], layout: Layout) -> int:
    """The article's last PDF page: it runs on over pages that have no headline of their own."""
    last = start
    while last < len(bodies):
        following = bodies[last]
        if is_article_start(following) or not is_continuation(following, layout):
            break
        last += 1
    return last


def _events_pages(pages: list[PageText], layout: Layout) -> list[PageText]:
    """The pages headed by the events marker (주요 행사 일정), after the opening pages."""
    return [
        page
        for page in pages[_OPENING_PAGES:]
        if any(layout.events_marker.search(line.text) for line in page.lines)
    ]
