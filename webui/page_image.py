"""PNG images of PDF pages with the matched words highlighted, rendered with PyMuPDF and cached.

PyMuPDF is not thread-safe and waitress serves from several threads, so rendering holds a lock;
the cache (least recently used, in memory) keeps repeated views of a page off that lock.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from common.lru_cache import LRUCache

HIGHLIGHT = (1.0, 0.82, 0.0)  # a marker-pen yellow, drawn at 40% so the text stays legible
HIGHLIGHT_OPACITY = 0.4
ZOOM = 1.5
MAX_TERMS = 12
MAX_TERM_CHARS = 40


@dataclass(frozen=True)
class PageImage:
    """A rendered page: PNG bytes, an ETag, and how many highlights were drawn."""

    png: bytes
    etag: str
    highlights: int  # how many rectangles were drawn


def highlight_terms(terms: Iterable[str]) -> tuple[str, ...]:
    """Distinct, non-blank terms, bounded in number and length (they come from the request)."""
    kept = dict.fromkeys(t.strip() for t in terms if t and t.strip())
    return tuple(t for t in kept if len(t) <= MAX_TERM_CHARS and t.isprintable())[:MAX_TERMS]


def render_page(
    pdf: Path, page_number: int, terms: tuple[str, ...], zoom: float = ZOOM
) -> PageImage:
    """Render 1-based `page_number` of `pdf` with every occurrence of each term highlighted."""
    with pymupdf.open(pdf) as doc:
        page = doc[page_number - 1]
        rects = [rect for term in terms for rect in page.search_for(term) or ()]
        for rect in rects:
            page.draw_rect(
                rect, color=None, fill=HIGHLIGHT, fill_opacity=HIGHLIGHT_OPACITY, overlay=True
            )
        png = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes("png")
    return PageImage(png=png, etag=hashlib.sha256(png).hexdigest()[:32], highlights=len(rects))


class PageImageCache:
    """Rendered pages by (file, version, page, terms), the least recently used dropped first."""

    def __init__(self, max_entries: int = 64) -> None:
        self.max_entries = max_entries
        self._images: LRUCache[tuple, PageImage] = LRUCache(max_entries)
        self._rendering = threading.Lock()  # PyMuPDF is not safe to call from two threads

    def get(self, pdf: Path, page_number: int, terms: tuple[str, ...]) -> PageImage:
        """The page image, rendered on first request."""
        stat = pdf.stat()
        key = (str(pdf), stat.st_mtime_ns, stat.st_size, page_number, terms)
        with self._rendering:
            return self._images.get_or_compute(key, lambda: render_page(pdf, page_number, terms))

    def __len__(self) -> int:
        return len(self._images)
