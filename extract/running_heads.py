"""Page furniture: running heads and feet, page numbers and the row of section tabs.

None of it belongs in an article; `strip_furniture` drops it from a page's lines.
"""

from __future__ import annotations

import re

from extract.layouts import Layout
from extract.page_lines import Line, PageText

_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_FOOT_BAND = 0.9  # page numbers sit in the bottom tenth of the page
_TAB_SIZE = 10.0  # section tabs are set small; a section name in larger type is a heading


def is_running_head(line: Line, layout: Layout) -> bool:
    """A running head or foot such as "SPRi AI Brief | 2023-12월호"."""
    return any(pattern.match(line.text) for pattern in layout.running_heads)


def is_section_tab(line: Line, layout: Layout) -> bool:
    """One tab of the 정책/법제 · 기업/산업 · 기술/연구 · 인력/교육 row."""
    return line.size < _TAB_SIZE and bool(layout.tab_pattern.match(line.text))


def page_number(page: PageText) -> int | None:
    """The printed page number in the page's foot, if there is one."""
    for line in page.lines:
        if line.y0 > page.height * _FOOT_BAND and _PAGE_NUMBER.match(line.text):
            return int(line.text)
    return None


def is_page_number(line: Line, page: PageText) -> bool:
    """The page number in the foot of the page."""
    return line.y0 > page.height * _FOOT_BAND and bool(_PAGE_NUMBER.match(line.text))


def strip_furniture(page: PageText, layout: Layout) -> list[Line]:
    """The page's lines without running heads, page numbers, section tabs or blank lines."""
    return [
        line
        for line in page.lines
        if (line.text.strip() or line.marker)
        and not is_running_head(line, layout)
        and not is_section_tab(line, layout)
        and not is_page_number(line, page)
    ]
