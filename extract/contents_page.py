"""The contents page: which articles the issue holds, under which section, on which page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.layouts import Layout, section_of_label
from extract.page_lines import Line, PageText
from extract.text_forms import squeeze_spaces

# A title runs into a leader of dots and its printed page: "…조치 종합 ··········· 1".
_ENTRY_PAGE = re.compile(r"^(?P<title>.*?)\s*[·.…‧・]{2,}[\s·.…‧・]*(?P<page>\d{1,3})\s*$")
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_SAME_ROW = 4.0  # points: a page number printed apart from its title sits on the same row


@dataclass(frozen=True)
class ContentsEntry:
    """One article as the contents page lists it."""

    section: str | None  # None: a contents page read generically named no section above it
    title: str
    page: int  # printed page number


def find_contents_page(pages: list[PageText], layout: Layout) -> PageText | None:
    """The first page carrying the layout's contents marker."""
    for page in pages:
        if any(layout.contents_marker.search(line.text) for line in page.lines):
            return page
    return None


def read_contents(page: PageText, layout: Layout) -> list[ContentsEntry]:
    """The articles listed on the contents page, in order; the events part is skipped."""
    entries: list[ContentsEntry] = []
    section = None
    numbers = [line for line in page.lines if _NUMBER.match(line.text)]
    pending: str | None = None
    for line in page.lines:
        if layout.events_marker.search(line.text):
            break
        if (name := section_of_label(line.text)) is not None and not _is_entry(line, layout):
            section, pending = name, None
            continue
        if section is None:
            continue
        if _is_entry(line, layout):
            pending = _entry_text(line, layout)
        elif pending is not None and not _NUMBER.match(line.text):
            pending = f"{pending} {line.text}"  # a title wrapped onto a second line
        else:
            continue
        entry = _complete_entry(section, pending, line, numbers)
        if entry is not None:
            entries.append(entry)
            pending = None
    return entries


def _is_entry(line: Line, layout: Layout) -> bool:
    glyph = layout.contents_entry_glyph
    return line.text.lstrip().startswith(glyph) or (glyph == "∙" and line.marker == "sub")


def _entry_text(line: Line, layout: Layout) -> str:
    return line.text.lstrip().removeprefix(layout.contents_entry_glyph)


def _complete_entry(
    section: str, text: str, line: Line, numbers: list[Line]
) -> ContentsEntry | None:
    """An entry once its page number is known: at the end of its text or on its row."""
    for number in numbers:
        if abs(number.y0 - line.y0) < _SAME_ROW and number.x0 > line.x1 - 1:
            return ContentsEntry(section, squeeze_spaces(text), int(number.text))
    match = _ENTRY_PAGE.match(text)
    if match and match.group("title").strip():
        return ContentsEntry(section, squeeze_spaces(match.group("title")), int(match["page"]))
    return None
