"""The sample issues look, to a PyMuPDF span reader and to pdfplumber, like the published ones."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pymupdf
import pytest

from extract.model import SECTIONS, Issue
from samples.issues import SAMPLE_ISSUES, write_sample_issue

# Every demo issue in its own generation, and one issue drawn in the other generation.
CASES = [
    *(
        pytest.param((issue, "2025" if issue >= "2025" else "2023"), id=issue)
        for issue in SAMPLE_ISSUES
    ),
    pytest.param(("2024-04", "2025"), id="2024-04-as-2025"),
]


@pytest.fixture(scope="module", params=CASES)
def written(request, tmp_path_factory) -> tuple[Issue, pymupdf.Document, str]:
    issue, generation = request.param
    path = tmp_path_factory.mktemp("samples") / f"{issue}-{generation}.pdf"
    expected = write_sample_issue(path, issue, generation=generation)
    doc = pymupdf.open(path)
    yield expected, doc, generation
    doc.close()


def spans(page: pymupdf.Page) -> list[dict]:
    return [
        span
        for block in page.get_text("dict")["blocks"]
        if block["type"] == 0
        for line in block["lines"]
        for span in line["spans"]
    ]


def printed_page(expected: Issue, generation: str, pdf_page: int) -> int:
    return pdf_page - (3 if generation == "2023" else 2)


def test_page_count_is_front_matter_articles_events_and_back_cover(written):
    expected, doc, _ = written
    last_article_page = expected.articles[-1].pdf_pages[1]
    assert doc.page_count == expected.pdf.pages == last_article_page + 2


def test_every_page_has_a_text_layer(written):
    _, doc, _ = written
    assert all(page.get_text().strip() for page in doc)


def test_sha256_and_name_describe_the_written_file(written, tmp_path):
    expected, doc, generation = written
    again = write_sample_issue(tmp_path / "again.pdf", expected.issue, generation=generation)
    assert again.pdf.sha256 == expected.pdf.sha256
    assert again.pdf.name == "again.pdf"


def test_articles_cover_the_issue_with_ids_from_printed_pages(written):
    expected, _, generation = written
    for article in expected.articles:
        assert article.issue == expected.issue
        assert article.section in SECTIONS
        assert article.id == f"{expected.issue}-{article.page:02d}"
        assert article.page == printed_page(expected, generation, article.pdf_pages[0])
    assert sum(a.pdf_pages[1] > a.pdf_pages[0] for a in expected.articles) >= 1


def test_headline_is_a_15pt_span_at_the_top_of_each_article(written):
    expected, doc, _ = written
    for article in expected.articles:
        page = doc[article.pdf_pages[0] - 1]
        headlines = [s for s in spans(page) if s["size"] == 15 and s["bbox"][1] < 120]
        assert [pymupdf_text(s) for s in headlines] == [article.title.replace("大", "⼤")]


def pymupdf_text(span: dict) -> str:
    return span["text"]


def test_running_head_on_even_pages_and_section_tabs_on_odd_pages(written):
    expected, doc, generation = written
    for article in expected.articles:
        for number in range(article.pdf_pages[0], article.pdf_pages[1] + 1):
            top = [s for s in spans(doc[number - 1]) if s["bbox"][1] < 90 and s["size"] < 10]
            text = "".join(s["text"] for s in top)
            if printed_page(expected, generation, number) % 2 == 0:
                assert text.startswith("SPRi AI Brief")
            else:
                bold = "".join(s["text"] for s in top if s["flags"] & 16)
                assert re.sub(r"[\d./\s]", "", bold) == article.section.replace("/", "")


def test_bullet_glyphs_are_spans_of_their_own_in_symbol_fonts(written):
    expected, doc, _ = written
    glyphs: Counter[tuple[str, str]] = Counter()
    for article in expected.articles:
        for number in range(article.pdf_pages[0], article.pdf_pages[1] + 1):
            for span in spans(doc[number - 1]):
                if span["font"] in ("Wingdings-Regular", "Haansoft Batang") and span["text"] != "･":
                    glyphs[span["font"], span["text"]] += 1
    keys = sum(len(a.key_contents) for a in expected.articles)
    bullets = sum(len(s.bullets) for a in expected.articles for s in a.body)
    headings = sum(len(a.body) for a in expected.articles)
    subs = sum(len(b.sub) for a in expected.articles for s in a.body for b in s.bullets)
    assert glyphs == {
        ("Wingdings-Regular", "n"): keys + bullets,
        ("Wingdings-Regular", "£"): headings,
        ("Haansoft Batang", "∙"): subs,
    }


def test_bold_spans_have_flags_20_and_others_flags_4(written):
    _, doc, _ = written
    flags = Counter(s["flags"] for page in doc for s in spans(page))
    assert set(flags) == {4, 5, 20}  # 5: a superscript (bit 1) in a regular face


def test_each_superscript_is_a_raised_smaller_span_after_its_base(written):
    expected, doc, _ = written
    found = []
    for page in doc:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", ()):
                for base, sup in pairwise(line["spans"]):
                    if sup["flags"] & 1:
                        assert sup["origin"][1] < base["origin"][1] - 1.5
                        assert round(sup["size"], 1) == 7.3
                        found.append(f"{base['text'][-2:]}^{sup['text']}")
    marked = [m for a in expected.articles for m in re.findall(r"\d{2}\^\d+", a.text)]
    assert marked
    assert sorted(found) == sorted(marked)


def test_compatibility_characters_are_printed_as_such(written):
    _, doc, generation = written
    text = "".join(page.get_text() for page in doc)
    assert "⼤" in text
    assert "大" not in text
    if generation == "2025":
        assert "정책･법제" in text.replace("\n", "")


def test_events_table_is_ruled_and_found_by_pdfplumber(written):
    expected, doc, generation = written
    path = Path(doc.name)
    events_page = expected.articles[-1].pdf_pages[1] + 1
    with pdfplumber.open(path) as pdf:
        tables = pdf.pages[events_page - 1].find_tables()
        assert len(tables) == 1
        rows = tables[0].extract()
    per_event = 3 if generation == "2023" else 1
    assert len(rows) == 1 + per_event * len(expected.events)
    assert len(rows[0]) == (4 if generation == "2023" else 5)
    cells = "".join(c or "" for row in rows for c in row).replace("\n", "")
    for event in expected.events:
        assert event.url in cells


FONTS = {
    "Wingdings-Regular",
    "Haansoft Batang",
    "KoPubDotumLight",
    "KoPubDotumMedium",
    "KoPubWorldDotumMedium",
    "KoPubDotumBold",
    "KoPubBatangBold",
    "Arial-BoldMT",
    "MalgunGothic",
    "MalgunGothicBold",
}


def test_spans_use_only_the_documented_font_names(written):
    _, doc, _ = written
    assert {s["font"] for page in doc for s in spans(page)} <= FONTS


def test_key_contents_label_comes_after_the_key_bullets_in_the_stream(written):
    expected, doc, _ = written
    for article in expected.articles:
        texts = [s["text"] for s in spans(doc[article.pdf_pages[0] - 1])]
        label = texts.index("KEY Contents")
        first_key = article.key_contents[0].replace("大", "⼤")[:8]
        assert any(first_key in t for t in texts[:label])
