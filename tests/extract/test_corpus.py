"""Real issues (AIBRIEF_CORPUS): structure and counts, never quoted text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.model import SECTIONS
from tests.conftest import CORPUS_ARTICLE_COUNTS

pytestmark = pytest.mark.corpus

ISSUES = sorted(CORPUS_ARTICLE_COUNTS)
# What must never reach an article's text: page furniture and list glyphs.
LEAKS = {
    "running head": re.compile(
        r"SPRi\s*AI\s*Brief|\d{4}\s*-\s*\d{1,2}\s*월호|\d{4}년\s*\d{1,2}월호"
    ),
    "bullet glyph": re.compile(r"[■□∙▹£]|(^|\n)n\s"),
    "KEY label": re.compile(r"KEY\s*Contents"),
    "source prefix": re.compile(r"☞|출처\s*[:|]"),
    "section tab": re.compile(
        r"(^|\n)\s*(\d\.\s*)?(정책|기업|기술|인력)[/・･](법제|산업|연구|교육)\s*($|\n)"
    ),
}


@pytest.fixture(scope="session")
def issues(corpus_issues):
    """Every real issue, extracted once per test session."""
    return corpus_issues


@pytest.mark.parametrize("issue", ISSUES)
def test_article_count_equals_contents_page(issues, issue):
    assert len(issues[issue].articles) == CORPUS_ARTICLE_COUNTS[issue]


@pytest.mark.parametrize("issue", ISSUES)
def test_issue_fields(issues, corpus_pdfs, issue):
    parsed = issues[issue]
    assert parsed.issue == issue
    assert parsed.title == f"SPRi AI Brief {int(issue[:4])}년 {int(issue[5:])}월호"
    assert parsed.pdf.name == f"{issue}.pdf"
    assert len(parsed.pdf.sha256) == 64


@pytest.mark.parametrize("issue", ISSUES)
def test_every_article_is_complete(issues, issue):
    for article in issues[issue].articles:
        assert article.section in SECTIONS, article.id
        assert article.title, article.id
        assert article.id == f"{issue}-{article.page:02d}"
        assert len(article.key_contents) == 2, article.id
        assert article.body and all(section.heading for section in article.body), article.id
        assert any(source.date for source in article.sources), article.id
        assert all(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", s.date) for s in article.sources if s.date)


@pytest.mark.parametrize("issue", ISSUES)
def test_text_is_free_of_furniture_and_glyphs(issues, issue):
    for article in issues[issue].articles:
        for name, pattern in LEAKS.items():
            assert not pattern.search(article.text), f"{article.id}: {name}"


@pytest.mark.parametrize("issue", ISSUES)
def test_ids_unique_and_pages_increasing(issues, issue):
    articles = issues[issue].articles
    assert len({a.id for a in articles}) == len(articles)
    pages = [a.page for a in articles]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)
    pdf_pages = [a.pdf_pages for a in articles]
    assert all(first <= last for first, last in pdf_pages)
    assert all(a[1] < b[0] for a, b in zip(pdf_pages, pdf_pages[1:], strict=False))


@pytest.mark.parametrize("issue", ISSUES)
def test_sections_follow_contents_order(issues, issue):
    order = [SECTIONS.index(a.section) for a in issues[issue].articles]
    assert order == sorted(order)
    assert set(order) == set(range(len(SECTIONS)))


@pytest.mark.parametrize("issue", ISSUES)
def test_events_table_has_rows(issues, issue):
    events = issues[issue].events
    assert len(events) >= 3
    for event in events:
        assert event.name and event.dates and event.place, event
    assert sum(1 for e in events if e.url) >= len(events) - 1


def test_captions_are_kept_apart_from_the_body(issues):
    captioned = [a for i in issues.values() for a in i.articles if a.captions]
    assert len(captioned) >= 10
    for article in captioned:
        body = " ".join(b.text for s in article.body for b in s.bullets)
        for caption in article.captions:
            assert caption.startswith("<") and caption.endswith(">")
            assert caption not in body


def test_superscripts_are_marked_not_glued(issues):
    texts = "\n".join(a.text for i in issues.values() for a in i.articles)
    assert texts.count("10^2") >= 3
    assert "1026플롭스" not in texts.replace(" ", "")


def test_compatibility_characters_are_folded(issues):
    texts = "\n".join(a.text for i in issues.values() for a in i.articles)
    assert "\u2f24" not in texts and "\uff65" not in texts
    assert "大" in texts


def test_events_pages_read_by_month_in_2025(issues):
    events = issues["2025-03"].events
    assert len(events) >= 30
    assert all(re.match(r"\d{1,2}월 ", e.dates) for e in events)


def test_labelled_line_joins_are_all_decided_right(corpus_dir):
    from bench.join_audit import read_labels, score_joins

    labels = read_labels(Path(__file__).with_name("join_labels.tsv"))
    score = score_joins(labels, corpus_dir)
    assert score.found == score.labelled == 238
    assert score.rule_errors == 0, score.wrong
    assert score.plain_errors == 2  # the Latin title lines the trailing-space rule glues


def _pdfplumber_events(path: Path):
    """The events table as pdfplumber's table finder reads it: the reference for ours."""
    import warnings

    import pdfplumber
    import pymupdf

    from extract.events_table import events_from_rows

    with pymupdf.open(path) as doc:
        numbers = [
            page.number
            for page in doc
            if re.search(r"주요\s*행사\s*일정", page.get_text()) and page.number > 2
        ]
    events = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pdfplumber.open(path) as pdf:
            for number in numbers:
                for table in pdf.pages[number].extract_tables():
                    events.extend(events_from_rows([[c or "" for c in row] for row in table]))
    return events


def _without_spaces(events):
    return [tuple("".join(str(v).split()) for v in vars(e).values()) for e in events]


@pytest.mark.parametrize("issue", ISSUES)
def test_events_table_matches_pdfplumber(issues, corpus_pdfs, issue):
    reference = _pdfplumber_events(corpus_pdfs[issue])
    assert len(reference) == len(issues[issue].events)
    assert _without_spaces(issues[issue].events) == _without_spaces(reference)


@pytest.mark.parametrize("issue", ISSUES)
def test_issue_json_matches_the_archive_schema(issues, issue):
    from archive.schema import first_error

    assert first_error("issue", issues[issue].to_json()) is None
