"""Whether a PDF is an issue of the AI Brief, and which month: decided apart from its layout.

A recognised layout's contents page says so by itself. A PDF in a layout not recognised is
still an issue when its first pages (or its metadata) name the Brief, as "SPRi AI Brief" or
「인공지능 산업의 최신 동향」, and print the issue's month ("2026년 1월호"); any other PDF
is refused as before.
"""

from __future__ import annotations

import re
from pathlib import Path

from extract.errors import NotAnAiBriefError
from extract.page_lines import PageText

NAMING_PAGES = 5  # the cover, the contents and the first article pages
_BRIEF_NAME = re.compile(r"AI\s*Brief|인공지능\s*산업\s*(?:의\s*)?(?:최신\s*)?동향", re.IGNORECASE)
_ISSUE_DATE = re.compile(r"(20\d{2})\s*년\s*(\d{1,2})\s*월호")
_ISSUE_DASH = re.compile(r"(20\d{2})\s*[-.]\s*(\d{1,2})\s*월호")
_METADATA_KEYS = ("title", "subject", "keywords")


def names_the_brief(pages: list[PageText], metadata: dict | None) -> bool:
    """The first pages, or the PDF's title, subject or keywords, name the AI Brief."""
    texts = [page.joined() for page in pages[:NAMING_PAGES]]
    texts += [str((metadata or {}).get(key) or "") for key in _METADATA_KEYS]
    return any(_BRIEF_NAME.search(text) for text in texts)


def read_issue_month(pages: list[PageText], path: Path) -> str:
    """The issue's month ("2024-03") as printed on the cover or contents page."""
    text = " ".join(line.text for page in pages for line in page.lines)
    match = _ISSUE_DATE.search(text) or _ISSUE_DASH.search(text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise NotAnAiBriefError(path, 'no issue month ("2024년 3월호") on its opening pages')
    year, month = match.groups()
    return f"{year}-{int(month):02d}"
