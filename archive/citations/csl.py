"""An article as a CSL-JSON item: the one record every citation format is made from.

The fields are chosen so that Zotero (and Pandoc, citeproc) take the item for a magazine article:
the institute as an institutional author, the AI Brief as the periodical, the issue's year and
month as the date, the printed pages (7, or 7-8 for an article running onto the next page),
language ko, and a note listing the article's own sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from extract.model import Source

AUTHOR = "소프트웨어정책연구소 (SPRi)"
PUBLISHER = "소프트웨어정책연구소"
PERIODICAL = "SPRi AI Brief / 인공지능 산업의 최신 동향"
PERIODICAL_SHORT = "SPRi AI Brief"
LANGUAGE = "ko"
CSL_TYPE = "article-magazine"
NOTE_HEADING = "출처:"
WEB_SCHEMES = ("https://", "http://")


class Citable(Protocol):
    """What a citation needs of an article or a search hit."""

    id: str
    issue: str  # "YYYY-MM"
    title: str
    page: int
    pdf_pages: tuple[int, int]


def year_month(item: Citable) -> tuple[int, int]:
    """The issue's year and month as numbers."""
    year, month = item.issue.split("-")
    return int(year), int(month)


def printed_pages(item: Citable) -> str:
    """The article's printed pages: its page, or a range when it runs onto the pages after
    (its PDF pages are consecutive, as its printed pages are): "7", "7-8"."""
    first, last = item.pdf_pages
    return f"{item.page}-{item.page + last - first}" if last > first else str(item.page)


def source_lines(sources: Sequence[Source]) -> list[str]:
    """The article's original sources, each with its address where one is known."""
    return [source_line(source) for source in sources]


def source_line(source: Source) -> str:
    """A source as printed, with its web address added when the printed line lacks it."""
    if source.url and source.url.startswith(WEB_SCHEMES) and source.url not in source.text:
        return f"{source.text} {source.url}"
    return source.text


def source_note(sources: Sequence[Source]) -> str:
    """The note listing the sources: a heading line, then one source a line."""
    lines = source_lines(sources)
    return "\n".join([NOTE_HEADING, *lines]) if lines else ""


def note_sources(item: dict[str, Any]) -> list[str]:
    """The source lines of an item's note, for formats that hold one source a field."""
    return item["note"].splitlines()[1:] if "note" in item else []


def csl_item(item: Citable, sources: Sequence[Source] = ()) -> dict[str, Any]:
    """The CSL-JSON item for an article (the note only when it cites sources)."""
    data: dict[str, Any] = {
        "id": item.id,
        "type": CSL_TYPE,
        "title": item.title,
        "author": [{"literal": AUTHOR}],
        "container-title": PERIODICAL,
        "container-title-short": PERIODICAL_SHORT,
        "publisher": PUBLISHER,
        "issued": {"date-parts": [list(year_month(item))]},
        "page": printed_pages(item),
        "language": LANGUAGE,
    }
    if note := source_note(sources):
        data["note"] = note
    return data
