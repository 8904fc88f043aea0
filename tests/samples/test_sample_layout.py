"""The sample issues' front matter and line breaks, as the extraction tests rely on them."""

from __future__ import annotations

import re

import pymupdf
import pytest

from samples.issues import (
    SAMPLE_ISSUES,
    sample_issue_articles,
    sample_line_breaks,
    write_sample_issue,
)

GENERATIONS = ("2023", "2025")


def page_text(path, number: int) -> str:
    with pymupdf.open(path) as doc:
        return doc[number - 1].get_text()


@pytest.mark.parametrize("issue", SAMPLE_ISSUES)
def test_every_kind_of_line_break_occurs_and_is_recorded_as_printed(issue):
    breaks = sample_line_breaks(issue)
    kinds = {b.kind for b in breaks}
    assert kinds == {"space", "mid-word", "no-space"}
    assert sum(b.kind == "no-space" for b in breaks) == 1
    for line_break in breaks:
        ends_in_space = line_break.line.endswith(" ")
        assert ends_in_space == (line_break.kind == "space")
        assert not line_break.next_line.startswith(" ")


@pytest.mark.parametrize("issue", SAMPLE_ISSUES)
def test_rejoining_each_break_by_its_kind_gives_the_expected_text(issue):
    texts = {a.id: a.text.replace("\n", " ") for a in sample_issue_articles(issue)}
    for line_break in sample_line_breaks(issue):
        glue = " " if line_break.kind == "no-space" else ""
        left = line_break.line[-6:].replace("^", "")
        right = line_break.next_line[:6]
        joined = re.sub(r"\s+", " ", left + glue + right)
        article_text = texts[line_break.article].replace("^", "")
        assert joined in article_text, line_break


@pytest.mark.parametrize("issue", SAMPLE_ISSUES)
def test_break_pages_lie_within_their_article(issue):
    pages = {a.id: a.pdf_pages for a in sample_issue_articles(issue)}
    for line_break in sample_line_breaks(issue):
        first, last = pages[line_break.article]
        assert first <= line_break.pdf_page <= last


def test_contents_page_2024_lists_each_article_with_a_leader_and_page(tmp_path):
    expected = write_sample_issue(tmp_path / "s.pdf", "2024-04", generation="2023")
    text = page_text(tmp_path / "s.pdf", 2)
    assert "Ⅰ. 인공지능 산업 동향 브리프" in text
    assert "2024년 4월호" in text
    for article in expected.articles:
        title = article.title.replace("大", "⼤")
        assert re.search(rf"▹ {re.escape(title)} ·{{3,}} {article.page}\n", text)
    events_page = expected.articles[-1].pdf_pages[1] + 1 - 3  # printed 1 is PDF page 4
    assert text.index("Ⅱ. 주요 행사") > text.index(expected.articles[-1].title[:10])
    for event in expected.events:
        assert re.search(rf"▹{re.escape(event.name)} ·{{3,}} {events_page}\n", text)
    assert "인공지능 산업 동향 브리프" in page_text(tmp_path / "s.pdf", 3)  # the part divider


def test_contents_page_2025_puts_page_numbers_in_spans_of_their_own(tmp_path):
    expected = write_sample_issue(tmp_path / "s.pdf", "2025-02", generation="2025")
    with pymupdf.open(tmp_path / "s.pdf") as doc:
        spans = [
            s
            for block in doc[1].get_text("dict")["blocks"]
            for line in block.get("lines", ())
            for s in line["spans"]
        ]
    texts = [s["text"] for s in spans]
    assert "CONTENTS" in texts
    assert texts.count("･") == len({a.section for a in expected.articles})
    for article in expected.articles:
        title = article.title.replace("大", "⼤")
        assert title in texts
        number = next(s for s in spans if s["text"] == str(article.page))
        assert number["flags"] & 16 and number["bbox"][0] > 500
    assert "주요행사일정" in texts


@pytest.mark.parametrize("issue", [i for i in SAMPLE_ISSUES if i >= "2025"])
def test_2025_sections_open_with_a_divider_page(issue, tmp_path):
    expected = write_sample_issue(tmp_path / "s.pdf", issue)
    firsts = {}
    for article in expected.articles:
        firsts.setdefault(article.section, article.pdf_pages[0])
    for section, first in firsts.items():
        divider = page_text(tmp_path / "s.pdf", first - 1).replace("\n", "")
        assert section.replace("/", "･") in divider
        assert "KEY Contents" not in divider


@pytest.mark.parametrize("generation", GENERATIONS)
def test_cover_prints_the_issue_month(generation, tmp_path):
    write_sample_issue(tmp_path / "s.pdf", "2024-09", generation=generation)
    assert re.sub(r"\s", "", page_text(tmp_path / "s.pdf", 1)).startswith("2024년9월호")


def test_unknown_issue_or_generation_is_refused(tmp_path):
    with pytest.raises(ValueError, match="no sample text"):
        write_sample_issue(tmp_path / "s.pdf", "2019-01")
    with pytest.raises(ValueError, match="unknown layout generation"):
        write_sample_issue(tmp_path / "s.pdf", "2024-04", generation="2024")
