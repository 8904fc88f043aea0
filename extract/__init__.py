"""PDF -> articles: parse one published issue of the SPRi AI Brief into an `Issue`.

Public interface (everything else in this package is internal):

    extract_issue(path) -> Issue      raises ExtractError (a subclass per reason)
"""

from extract.errors import ExtractError
from extract.issue_reader import extract_issue
from extract.model import Article, BodySection, Bullet, Event, Issue, PdfInfo, Source

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
]
