"""PDF -> articles: parse one published issue of the SPRi AI Brief into an `Issue`.

Public interface (everything else in this package is internal):

    extract_issue(path, sha256=None) -> Issue   raises ExtractError (a subclass per reason)
    file_sha256(path) -> str                    the hash an issue's PdfInfo records

Errors, one per reason, each naming the file: NotAPdfError (no %PDF- header, missing, a
folder), EmptyFileError, DamagedPdfError (truncated: no startxref/%%EOF at the end; or a broken
cross-reference table PyMuPDF had to repair), EncryptedPdfError, NoTextLayerError (a scan),
NotAnAiBriefError (no contents page of either layout generation, or no issue month),
TooLargeError (over 100 MB or 200 pages, `pdf_checks.MAX_BYTES` / `MAX_PAGES`), LayoutError
(the contents page lists articles that were not found, or an article page it does not list;
never a partial issue).

The pipeline, one module per step: pdf_checks -> page_lines (one get_text("dict") per page)
-> layouts (which generation) -> contents_page -> running_heads -> article_pages (structure,
with line_joins and sources) -> events_table (via table_grid). issue_reader runs them in order.
"""

from extract.errors import ExtractError
from extract.issue_reader import extract_issue
from extract.model import Article, BodySection, Bullet, Event, Issue, PdfInfo, Source
from extract.pdf_checks import file_sha256

__all__ = [
    "Article",
    "BodySection",
    "Bullet",
    "Event",
    "ExtractError",
    "Issue",
    "PdfInfo",
    "Source",
    "extract_issue",
    "file_sha256",
]
