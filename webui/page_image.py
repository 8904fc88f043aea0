"""PNG images of PDF pages with the matched words highlighted, rendered with PyMuPDF and cached.

PyMuPDF is not thread-safe and waitress serves from several threads, so rendering holds a lock;
the cache (least recently used, in memory) keeps repeated views of a page off that lock. Every
page is drawn within one pixel budget whatever its size, so a PDF with enormous pages (held from
before ingest refused them) costs what an A4 page does; a page MuPDF cannot draw is remembered
as such, and said in one line.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from archive import LRUCache, MupdfMessages

log = logging.getLogger(__name__)

HIGHLIGHT = (1.0, 0.82, 0.0)  # a marker-pen yellow, drawn at 40% so the text stays legible
HIGHLIGHT_OPACITY = 0.4
ZOOM = 1.5  # an A4 page (595 x 842 points) at 1.5 is 893 x 1263 pixels
MAX_PIXELS = 1_500_000  # any page: at most about the pixels of an A4 page at ZOOM
MAX_SIDE = 4_000  # and at most this many pixels a side (a page of 40 x 4,000 points, say)
MAX_TERMS = 12
MAX_TERM_CHARS = 40


class PageNotRendered(Exception):
    """The page is not in the file, or MuPDF could not draw it; the message is one line."""


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


def budget_zoom(width: float, height: float, zoom: float = ZOOM) -> float:
    """`zoom`, lowered so that a width x height page fits MAX_PIXELS and MAX_SIDE."""
    area = max(width * height, 1.0)
    return min(zoom, (MAX_PIXELS / area) ** 0.5, MAX_SIDE / max(width, height, 1.0))


def render_page(
    pdf: Path, page_number: int, terms: tuple[str, ...], zoom: float = ZOOM
) -> PageImage:
    """Render 1-based `page_number` of `pdf` with every occurrence of each term highlighted,
    within the pixel budget; raises PageNotRendered."""
    with MupdfMessages() as messages:
        try:
            image = _render(pdf, page_number, terms, zoom)
        except PageNotRendered:
            raise
        except Exception as error:  # PyMuPDF raises many unrelated types for one bad page
            said = messages.summary() or str(error).strip() or type(error).__name__
            raise PageNotRendered(f"page {page_number} cannot be drawn ({said})") from None
        summary = messages.summary()
    if summary:  # drawn, though MuPDF complained: one line in the server's log
        log.warning("%s page %d: %s", pdf.name, page_number, summary)
    return image


def _render(pdf: Path, page_number: int, terms: tuple[str, ...], zoom: float) -> PageImage:
    with pymupdf.open(pdf) as doc:
        if not 1 <= page_number <= doc.page_count:  # never Python's doc[-1]
            raise PageNotRendered(f"page {page_number} is not in the PDF ({doc.page_count})")
        page = doc[page_number - 1]
        rects = [rect for term in terms for rect in page.search_for(term) or ()]
        for rect in rects:
            page.draw_rect(
                rect, color=None, fill=HIGHLIGHT, fill_opacity=HIGHLIGHT_OPACITY, overlay=True
            )
        scale = budget_zoom(page.rect.width, page.rect.height, zoom)
        png = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False).tobytes("png")
    return PageImage(png=png, etag=hashlib.sha256(png).hexdigest()[:32], highlights=len(rects))


class PageImageCache:
    """Rendered pages by (file, version, page, terms), the least recently used dropped first."""

    def __init__(self, max_entries: int = 64) -> None:
        self.max_entries = max_entries
        self._images: LRUCache[tuple, PageImage] = LRUCache(max_entries)
        self._rendering = threading.Lock()  # PyMuPDF is not safe to call from two threads

    def get(self, pdf: Path, page_number: int, terms: tuple[str, ...]) -> PageImage:
        """The page image, rendered on first request; raises PageNotRendered (remembered too,
        so a page that fails is not drawn again on every request)."""
        stat = pdf.stat()
        key = (str(pdf), stat.st_mtime_ns, stat.st_size, page_number, terms)
        with self._rendering:
            image = self._images.get_or_compute(key, lambda: _rendered_or_failure(pdf, key))
        if isinstance(image, PageNotRendered):
            raise image
        return image

    def __len__(self) -> int:
        return len(self._images)


def _rendered_or_failure(pdf: Path, key: tuple) -> PageImage | PageNotRendered:
    try:
        return render_page(pdf, key[3], key[4])
    except PageNotRendered as failure:
        return failure
