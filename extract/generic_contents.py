"""A contents page of a layout not recognised: lines that pair a title with a page number.

A title runs into its number ("title ······ 7"), or the number is printed apart on the same
row, to the right or to the left of the title ("7  title"). A line naming a section
("정책/법제", "기술･연구") sets the section of the entries below it. The opening page that
lists the most entries is the contents page.
"""

from __future__ import annotations

import re

from extract.contents_page import ContentsEntry
from extract.layouts import section_of_label
from extract.page_lines import Line, PageText
from extract.text_forms import squeeze_spaces

_TRAILING_PAGE = re.compile(
    r"^(?P<title>.*?\S)\s*(?:[·.…‧・]{2,}[\s·.…‧・]*|\s{2,})(?P<page>\d{1,3})\s*$"
)
_LEADING_PAGE = re.compile(r"^\s*(?P<page>\d{1,3})\s+(?P<title>\S.*)$")
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_GLYPHS = "▹▸▶►•∙·‣◦○●■□-–"
_SAME_ROW = 4.0  # points
_WORDS = re.compile(r"[A-Za-z\uac00-\ud7a3]")
_MIN_ENTRIES = 2


def read_generic_contents(pages: list[PageText]) -> tuple[PageText | None, list[ContentsEntry]]:
    """The opening page listing the most articles, and its entries (none: no contents page)."""
    best: tuple[PageText | None, list[ContentsEntry]] = (None, [])
    for page in pages:
        entries = contents_entries(page)
        if len(entries) >= max(_MIN_ENTRIES, len(best[1]) + 1):
            best = (page, entries)
    return best


def contents_entries(page: PageText) -> list[ContentsEntry]:
    """Every (section, title, printed page) the page lists, in order; one entry per page."""
    numbers = [line for line in page.lines if _NUMBER.match(line.text)]
    entries: list[ContentsEntry] = []
    section: str | None = None
    for line in page.lines:
        if _NUMBER.match(line.text) or not _WORDS.search(line.text):
            continue
        if (name := section_of_label(line.text)) is not None:
            section = name
            continue
        entry = _entry(line, numbers)
        if entry is None:
            continue
        title, number = entry
        if not any(listed.page == number for listed in entries):
            entries.append(ContentsEntry(section, title, number))
    return entries


def _entry(line: Line, numbers: list[Line]) -> tuple[str, int] | None:
    """(title, page) of a line that lists an article, or None."""
    text = line.text.strip().lstrip(_GLYPHS).strip()
    beside = [n for n in numbers if abs(n.y0 - line.y0) < _SAME_ROW]
    if beside:
        return squeeze_spaces(text), int(beside[0].text)
    for pattern in (_TRAILING_PAGE, _LEADING_PAGE):
        match = pattern.match(text)
        if match and _WORDS.search(match["title"]):
            title = match["title"].strip().rstrip("·.…‧・ ").lstrip(_GLYPHS).strip()
            return squeeze_spaces(title), int(match["page"])
    return None
