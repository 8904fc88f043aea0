"""Citations of articles in the formats reference managers read, all made from one CSL-JSON item.

csl_item(article_or_hit, sources=()) -> dict    the CSL-JSON item (Zotero, Pandoc, citeproc)
ris_text(items) -> str; bibtex_text(items) -> str
render(item, style="apa", html=False) -> str    a formatted reference (STYLES: apa, apa-ko)
citation(article_or_hit) -> str                 the ready citation line: the APA reference
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from archive.citations.bibtex import bibtex_text
from archive.citations.csl import Citable, csl_item
from archive.citations.reference import STYLES, render
from archive.citations.ris import ris_text


@dataclass(frozen=True)
class Cited:
    """What the citation line is made of, as a key to remember it by."""

    id: str
    issue: str
    title: str
    page: int


@lru_cache(maxsize=4096)
def apa_line(cited: Cited) -> str:
    """The APA reference of `cited`, as plain text. Remembered: citeproc-py takes tens of
    milliseconds to render one reference, and a page of hits cites ten articles."""
    return render(csl_item(cited))


def citation(item: Citable) -> str:
    """The ready citation line every edge shows: the APA reference as plain text."""
    return apa_line(Cited(item.id, item.issue, item.title, item.page))


__all__ = ["STYLES", "Citable", "bibtex_text", "citation", "csl_item", "render", "ris_text"]
