"""The real issues (AIBRIEF_CORPUS), indexed: counts, and every headline finds its article."""

from __future__ import annotations

import pytest

import index.full_build as index_module
from index import SearchIndex

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_index(corpus_issues, tmp_path_factory):
    """(index, issues) for every real issue."""
    issues = corpus_issues
    index = SearchIndex.open(tmp_path_factory.mktemp("corpus-index"))
    index.rebuild((i, issue.articles, issue.pdf.sha256) for i, issue in issues.items())
    return index, issues


def test_every_article_is_indexed_once(corpus_index):
    index, issues = corpus_index
    assert index.doc_count() == sum(len(issue.articles) for issue in issues.values())
    assert index.fingerprints() == {i: issue.pdf.sha256 for i, issue in issues.items()}


def test_each_headline_finds_its_article_first(corpus_index):
    index, issues = corpus_index
    missed = [
        article.id
        for issue in issues.values()
        for article in issue.articles
        if index.search(f'title:"{article.title}"', per_page=1).hits[0].id != article.id
    ]
    assert missed == []


def test_facets_cover_every_real_issue(corpus_index):
    index, issues = corpus_index
    result = index.search("AI")
    assert set(result.facets["issue"]) == set(issues)
    assert sum(result.facets["section"].values()) == result.total


def test_a_build_in_workers_answers_as_one_in_process_does(corpus_index, tmp_path, monkeypatch):
    index, issues = corpus_index
    monkeypatch.setattr(index_module, "PARALLEL_MIN_CHARS", 1)
    shared = SearchIndex.open(tmp_path)
    shared.rebuild((i, issue.articles, issue.pdf.sha256) for i, issue in issues.items())
    headlines = [article.title for issue in issues.values() for article in issue.articles]
    for query in [*headlines, "AI", "반도체", "오픈AI", "OpenAI"]:
        ours, theirs = shared.search(query, per_page=20), index.search(query, per_page=20)
        assert ours.total == theirs.total, query
        assert [(h.id, round(h.score, 6)) for h in ours.hits] == [
            (h.id, round(h.score, 6)) for h in theirs.hits
        ], query


def test_the_spelling_index_suggests_what_the_term_scan_did(corpus_index):
    from index.spelling import SpellingIndex
    from tests.index.test_spelling import misspellings, scanned_closest

    index, _ = corpus_index
    with index._reading() as searcher:
        reader = searcher.reader()
        speller = SpellingIndex.from_reader(reader)
        terms = sorted(t.decode() for t in reader.lexicon("content"))
        assert len(speller) == len(terms)
        for word in misspellings(terms, every=len(terms) // 8)[:24]:
            assert speller.closest(word) == scanned_closest(reader, word), word
