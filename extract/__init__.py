"""PDF -> articles: parse one published issue of the SPRi AI Brief into an `Issue`.

Public interface (everything else in this package is internal):

    extract_issue(path, sha256=None) -> Issue   raises ExtractError (a subclass per reason)
    file_sha256(path) -> str                    the hash an issue's PdfInfo records
    LAYOUTS_VERSION                             the version of the set of known layouts

Errors, one per reason, each naming the file: NotAPdfError (no %PDF- header, a folder;
MissingFileError, its subclass, for a path that names nothing), EmptyFileError,
DamagedPdfError (truncated: no startxref/%%EOF at the end; or a broken cross-reference table
PyMuPDF had to repair), EncryptedPdfError, NoTextLayerError (a scan),
NotAnAiBriefError (neither a contents page of a known layout generation nor the Brief's name
on its first pages, or no issue month),
TooLargeError (over 100 MB or 200 pages, `pdf_checks.MAX_BYTES` / `MAX_PAGES`), PageSizeError
(a page over 3,000 or under 36 points a side: `MAX_PAGE_POINTS` / `MIN_PAGE_POINTS`), LayoutError
(a known layout's contents page lists articles that were not found, or an article page it does
not list: never a partial issue; or a layout not recognised in which no article page is found).

A PDF that names the Brief in a layout not recognised is read generically (`generic_reader`):
its Issue says layout "unknown" (model.UNKNOWN_LAYOUT) instead of a generation's name.

The pipeline, one module per step: pdf_checks -> page_lines (one get_text("dict") per page)
-> layouts (which generation) -> contents_page -> running_heads -> article_pages (structure,
with line_joins and sources) -> events_table (via table_grid). issue_reader runs them in order;
when no generation is recognised, issue_identity decides whether the PDF is an issue at all and
generic_reader (generic_contents, repeated_lines, generic_article) reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.errors import ExtractError
from extract.file_hash import file_sha256
from extract.layouts import LAYOUTS_VERSION
from extract.model import Article, BodySection, Bullet, Event, Issue, PdfInfo, Source

if TYPE_CHECKING:
    from extract.issue_reader import extract_issue


def __getattr__(name: str):
    # The parser (and PyMuPDF, a third of a second to import) loads on first use: a search
    # or an export only reads the model.
    if name == "extract_issue":
        from extract.issue_reader import extract_issue

        return extract_issue
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Article",
    "BodySection",
    "Bullet",
    "Event",
    "ExtractError",
    "Issue",
    "LAYOUTS_VERSION",
    "PdfInfo",
    "Source",
    "extract_issue",
    "file_sha256",
]
