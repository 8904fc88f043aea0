"""PDF -> articles: parse one published issue of the SPRi AI Brief into an `Issue`.

Public interface (everything else in this package is internal):

    extract_issue(path) -> Issue      raises ExtractError (a subclass per reason)
"""

from extract.errors import ExtractError
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


def extract_issue(path):  # pragma: no cover - replaced by the parser
    raise NotImplementedError
