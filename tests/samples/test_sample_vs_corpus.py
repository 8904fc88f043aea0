"""The sample issues use only the span forms the published issues use (real issues needed)."""

from __future__ import annotations

import pymupdf
import pytest

from samples.issues import SAMPLE_ISSUES, write_sample_issue

REAL = {
    "2023": ("2023-12", "2024-01", "2024-03", "2024-07"),
    "2025": ("2025-03", "2025-08"),
}
SYMBOL_FONTS = ("Wingdings-Regular", "Haansoft Batang")
# The text of every page as "dict" gives it, its images left out (decoding them took 95% of
# the time on the real issues, and an image block has no spans).
TEXT_ONLY = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES


def span_forms(path) -> tuple[set, set, set]:
    """(glyph spans as (font, text, size), text spans as (size, flags), page sizes); sizes to
    the nearest half point, as Hancom sets them (9.96 and 10 are one size)."""
    glyphs, texts, pages = set(), set(), set()
    with pymupdf.open(path) as doc:
        for page in doc:
            pages.add((round(page.rect.width), round(page.rect.height)))
            for block in page.get_text("dict", flags=TEXT_ONLY)["blocks"]:
                for line in block.get("lines", ()):
                    for span in line["spans"]:
                        if not span["text"].strip():
                            continue
                        if span["font"] in SYMBOL_FONTS:
                            glyphs.add(
                                (span["font"], span["text"].strip(), round(span["size"] * 2) / 2)
                            )
                        texts.add((round(span["size"] * 2) / 2, span["flags"]))
    return glyphs, texts, pages


@pytest.mark.corpus
@pytest.mark.parametrize("generation", sorted(REAL))
def test_sample_spans_are_forms_the_real_issues_use(generation, corpus_pdfs, tmp_path):
    real_glyphs, real_texts, real_pages = set(), set(), set()
    for issue in REAL[generation]:
        glyphs, texts, pages = span_forms(corpus_pdfs[issue])
        real_glyphs |= glyphs
        real_texts |= texts
        real_pages |= pages
    for issue in SAMPLE_ISSUES:
        path = tmp_path / f"{issue}.pdf"
        write_sample_issue(path, issue, generation=generation)
        glyphs, texts, pages = span_forms(path)
        assert glyphs <= real_glyphs, issue
        assert texts <= real_texts, issue
        assert pages <= real_pages, issue
