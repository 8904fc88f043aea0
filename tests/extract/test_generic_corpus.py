"""The real issues read generically: with their layout cues renamed in memory they come out as
layout "unknown", every article found with its text (bench/generic_layout.py measures how much)."""

from __future__ import annotations

import pytest

from bench.generic_layout import TARGET, cues_renamed, generic_readings, overlap, words
from extract import extract_issue
from extract.model import Article
from tests.conftest import CORPUS_ARTICLE_COUNTS

pytestmark = pytest.mark.corpus

ISSUES = sorted(CORPUS_ARTICLE_COUNTS)


@pytest.mark.parametrize("issue", ISSUES)
def test_a_real_issue_with_its_cues_renamed_is_read_generically_whole(
    corpus_pdfs, corpus_issues, issue
):
    recognised = corpus_issues[issue]  # as extract_issue reads it, once per run
    with cues_renamed():
        generic = extract_issue(corpus_pdfs[issue])
    assert (generic.issue, generic.layout, recognised.layout) == (
        issue,
        "unknown",
        "2023" if issue < "2025" else "2025",
    )
    result = overlap(recognised.articles, generic.articles)
    assert result.found == result.listed == CORPUS_ARTICLE_COUNTS[issue]
    assert result.lowest[1] >= TARGET, result.lowest
    by_id = {a.id: a for a in generic.articles}
    for article in recognised.articles:
        twin = by_id[article.id]
        assert (twin.title, twin.section, twin.pdf_pages) == (
            article.title,
            article.section,
            article.pdf_pages,
        )
        assert [s.date for s in twin.sources] == [s.date for s in article.sources]


@pytest.mark.parametrize("way", ["forced", "no contents", "no page numbers", "renamed cues"])
@pytest.mark.parametrize("issue", ISSUES)
def test_every_way_to_the_generic_reader_keeps_the_articles_and_their_words(
    corpus_pdfs, corpus_issues, issue, way
):
    recognised = corpus_issues[issue]
    result = overlap(recognised.articles, generic_readings(corpus_pdfs[issue], issue)[way]())
    assert result.found == result.same_id == result.listed
    assert result.recall >= TARGET and result.lowest[1] >= TARGET, result


def _article(text: str) -> Article:
    return Article(
        id="2024-01-01",
        issue="2024-01",
        section=None,
        title="t",
        page=1,
        pdf_pages=(3, 3),
        text=text,
    )


def test_the_overlap_counts_words_lost_and_words_broken():
    ours = (_article("기금을 포함한 계획 발표 발표"),)
    assert overlap(ours, (_article("기금을 포함한 계획 발표 발표"),)).recall == 1.0
    assert overlap(ours, (_article("기 금을 포함한 계획 발표"),)).recall == pytest.approx(3 / 5)
    assert overlap(ours, ()).found == 0
    assert words("AI 안전연구소(AISI)는") == {"AI": 1, "안전연구소": 1, "AISI": 1, "는": 1}
