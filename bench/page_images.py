"""What a page image costs as the page grows: the render time, as a ratio to an A4 page's, and
the pixels drawn, for a real page scaled to 1, 4, 10 and 20 times its size.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.page_images

Each size is a copy of one page of a real issue drawn onto a page that many times larger (the
probe's hostile file, made from a published page); each is rendered as the web page does
(webui.page_image.render_page, within its pixel budget), median of REPEAT runs, beside the same
A4 page in the same run. Without the budget, issue 16's probe measured 2.3-3.7 s and 1.35 GB
at 10x, and a failure in MuPDF at 20x; the last line times the 4x page drawn as before, without
the budget.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

from bench.corpus import corpus_folder
from webui.page_image import MAX_PIXELS, ZOOM, render_page

ISSUE, PAGE = "2024-07", 5  # an image-heavy issue, an article page
SCALES = (1, 4, 10, 20)
REPEAT = 5


def scaled_copy(source: Path, page: int, scale: int, target: Path) -> Path:
    """One page of `source` drawn onto a page `scale` times as wide and as high."""
    with pymupdf.open(source) as original, pymupdf.open() as doc:
        rect = original[page - 1].rect
        big = doc.new_page(width=rect.width * scale, height=rect.height * scale)
        big.show_pdf_page(big.rect, original, page - 1)
        doc.save(target)
    return target


def drawn_at_zoom(pdf: Path) -> bytes:
    """The page drawn at the web page's zoom whatever its size, as before the pixel budget."""
    with pymupdf.open(pdf) as doc:
        return doc[0].get_pixmap(matrix=pymupdf.Matrix(ZOOM, ZOOM), alpha=False).tobytes("png")


def median_seconds(call) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    folder = corpus_folder("page_images")
    if folder is None:
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        source = folder / f"{ISSUE}.pdf"
        pdfs = {s: scaled_copy(source, PAGE, s, Path(tmp) / f"{s}.pdf") for s in SCALES}
        base = median_seconds(lambda: render_page(pdfs[1], 1, ("AI",)))
        print(f"page {PAGE} of {ISSUE}, median of {REPEAT}; budget {MAX_PIXELS:,} pixels")
        print(f"{'scale':>5} {'ms':>8} {'x A4':>6} {'pixels':>10}")
        for scale, pdf in pdfs.items():
            image = render_page(pdf, 1, ("AI",))
            drawn = pymupdf.Pixmap(image.png)
            seconds = median_seconds(lambda pdf=pdf: render_page(pdf, 1, ("AI",)))
            print(
                f"{scale:>5} {seconds * 1000:8.1f} {seconds / base:6.2f}"
                f" {drawn.width * drawn.height:>10,}"
            )
        unbudgeted = median_seconds(lambda: drawn_at_zoom(pdfs[4]))
        print(
            f"4x without the budget (zoom {ZOOM:g}, as before it): {unbudgeted * 1000:.1f} ms,"
            f" {unbudgeted / base:.2f} x A4"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
