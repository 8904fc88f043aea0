"""The layout generations of the AI Brief, each as data: the patterns its pages are read by.

A new generation of the layout is one more `Layout` value in `LAYOUTS` (and, if its contents
page is shaped differently, a small change in `contents_page`), and one more in
`LAYOUTS_VERSION`: an issue held as read generically (layout `UNKNOWN`) by an older version is
read again by the next ingest of its file, so that the new generation replaces the generic
articles (as does a change to the generic reader, which raises it too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import SECTIONS, UNKNOWN_LAYOUT

# Section names after NFKC: 2025 prints "정책･법제" (U+FF65), which NFKC folds to "・".
_SECTION_SPELLINGS = {
    name.replace("/", sep): name for name in SECTIONS for sep in ("/", "・", "·", "‧", "･")
}


@dataclass(frozen=True)
class Layout:
    """What distinguishes one generation of the printed layout."""

    name: str
    contents_marker: re.Pattern[str]  # a line only the contents page carries
    contents_entry_glyph: str  # the glyph before each article on the contents page
    events_marker: re.Pattern[str]  # the heading of the events part (contents and table)
    source_prefix: re.Pattern[str]  # how the sources line starts
    running_heads: tuple[re.Pattern[str], ...]  # page furniture to drop wherever it appears
    tab_pattern: re.Pattern[str]  # one section tab in the row atop article pages


_TABS = "|".join(re.escape(s) for s in _SECTION_SPELLINGS)

GENERATION_2023 = Layout(
    name="2023",
    contents_marker=re.compile(r"인공지능\s*산업\s*동향\s*브리프"),
    contents_entry_glyph="▹",
    events_marker=re.compile(r"^\s*(Ⅱ|II)\s*\.?\s*주요\s*행사"),
    source_prefix=re.compile(r"^\s*☞?\s*출처\s*[:：]\s*"),
    running_heads=(
        re.compile(r"^\s*SPRi\s+AI\s+Brief\s*\|?\s*(\d{4}\s*-\s*\d{1,2}\s*월호)?\s*$"),
        re.compile(r"^\s*\d{4}\s*-\s*\d{1,2}\s*월호\s*$"),
    ),
    tab_pattern=re.compile(rf"^\s*\d\.\s*({_TABS})\s*$"),
)

GENERATION_2025 = Layout(
    name="2025",
    contents_marker=re.compile(r"^\s*CONTENTS\s*$"),
    contents_entry_glyph="∙",
    events_marker=re.compile(r"^\s*주요\s*행사\s*일정\s*$"),
    source_prefix=re.compile(r"^\s*출처\s*[|｜:]\s*"),
    running_heads=(
        re.compile(r"^\s*SPRi\s+AI\s+Brief\s*(\|?\s*\d{4}년\s*\d{1,2}월호)?\s*$"),
        re.compile(r"^\s*\|?\s*\d{4}년\s*\d{1,2}월호\s*\|?\s*$"),
    ),
    tab_pattern=re.compile(rf"^\s*({_TABS})\s*$"),
)

LAYOUTS = (GENERATION_2025, GENERATION_2023)
# Raise with every change to LAYOUTS, or to what the generic reader reads (2: two columns
# read in order, and the pages no article holds named).
LAYOUTS_VERSION = 2
UNKNOWN = UNKNOWN_LAYOUT  # the layout of an issue read generically (extract.generic_reader)


def section_of_label(text: str) -> str | None:
    """The canonical section ("정책/법제") a printed label ("1. 정책/법제", "정책･법제") stands
    for, or None; what a researcher types is resolved by extract.model.section_named."""
    label = re.sub(r"^\s*\d\.\s*", "", text).strip()
    return _SECTION_SPELLINGS.get(label.replace(" ", ""))


def detect_layout(contents_text: str) -> Layout | None:
    """The generation whose contents marker appears in the text of the opening pages."""
    for layout in LAYOUTS:
        if any(layout.contents_marker.search(line) for line in contents_text.splitlines()):
            return layout
    return None
