"""The real issues (AIBRIEF_CORPUS), indexed: counts, and every headline finds its article."""

from __future__ import annotations

import shutil

import pytest

import index.full_build as index_module
from index import SearchIndex
from index.analysis_store import STORE_NAME
from index.mined_aliases import MINED_ALIASES
from tests.conftest import built_once, copy_home

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_index(corpus_issues, tmp_path_factory):
    """(index, issues) for every real issue: built in this process once per run, copied for
    each worker."""
    issues = corpus_issues

    def build(folder):
        index = SearchIndex.open(folder / "index")
        index.rebuild((i, issue.articles, issue.pdf.sha256) for i, issue in issues.items())

    copy = tmp_path_factory.mktemp("corpus-index") / "index"
    copy_home(built_once(tmp_path_factory, "corpus-index", build) / "index", copy)
    return SearchIndex.open(copy), issues


def ranked(index, query: str, per_page: int) -> tuple[int, list[tuple[str, float]]]:
    """A query's total and its first page's hits, (id, score): found without the related
    terms and the suggestion, which these tests do not read (they cost more than the rest)."""
    result = index.search(query, per_page=per_page, related=False, suggestions=False)
    return result.total, [(hit.id, round(hit.score, 6)) for hit in result.hits]


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
        if [hit for hit, _ in ranked(index, f'title:"{article.title}"', 1)[1]] != [article.id]
    ]
    assert missed == []


def test_facets_cover_every_real_issue(corpus_index):
    index, issues = corpus_index
    result = index.search("AI")
    assert set(result.facets["issue"]) == set(issues)
    assert sum(result.facets["section"].values()) == result.total


def index_contents(index) -> tuple[dict, ...]:
    """Everything a search reads of an index, by article id (a build in workers numbers the
    documents otherwise, in segments of its own): each document's stored fields, each term's
    postings in every field (weight and encoded positions), each scorable field's length and
    each sortable field's column."""
    with index._reading() as searcher:
        reader = searcher.reader()
        schema = reader.schema
        ids = {docnum: fields["id"] for docnum, fields in reader.iter_docs()}
        stored = {ids[docnum]: fields for docnum, fields in reader.iter_docs()}
        postings: dict[tuple, dict] = {}
        for field, text, docnum, weight, value in reader.iter_postings():
            postings.setdefault((field, text), {})[ids[docnum]] = (weight, value)
        lengths = {
            (field, ids[docnum]): reader.doc_field_length(docnum, field)
            for field in schema.scorable_names()
            for docnum in ids
        }
        columns = {
            field: {ids[docnum]: value for docnum, value in enumerate(reader.column_reader(field))}
            for field in schema.names()
            if schema[field].column_type and reader.has_column(field)
        }
    return stored, postings, lengths, columns


def test_a_build_in_workers_answers_as_one_in_process_does(corpus_index, tmp_path, monkeypatch):
    """The same index, term by term, so that every query answers alike; a few queries, a
    headline of each issue among them, answered by both to show it."""
    index, issues = corpus_index
    monkeypatch.setattr(index_module, "PARALLEL_MIN_CHARS", 1)
    # The store of query analyses the first build filled: a cache of Kiwi's readings, which
    # answers exactly as Kiwi does (the last test below), so this build need not fill it again.
    shutil.copy(index.directory / STORE_NAME, tmp_path / STORE_NAME)
    shared = SearchIndex.open(tmp_path)
    shared.rebuild((i, issue.articles, issue.pdf.sha256) for i, issue in issues.items())
    stored, postings, lengths, columns = index_contents(shared)
    assert len(stored) == index.doc_count() and len(postings) > 10_000
    assert (stored, postings, lengths, columns) == index_contents(index)
    assert (shared.live / MINED_ALIASES).read_text() == (index.live / MINED_ALIASES).read_text()
    headlines = [issue.articles[0].title for issue in issues.values()]
    for query in [*headlines, "AI", "반도체", "오픈AI", "OpenAI"]:
        assert ranked(shared, query, 20) == ranked(index, query, 20), query


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


def test_stored_analyses_answer_every_graded_query_as_kiwi_does(
    corpus_index, tmp_path, monkeypatch
):
    """The graded queries (and the held-out ones) answer alike, hits in the same order with
    the same scores, snippets, expansions, related terms and suggestion, whether Kiwi
    analyses their words or the store does, Kiwi forbidden: the store holds what the build
    stored, and what Kiwi answered without it for the words the build did not store."""
    import index.query_analysis as query_analysis
    from bench.graded_queries import HELD_OUT, load_queries
    from index import COMMAND_BUDGET_SECONDS
    from index.analysis_store import AnalysisStore
    from index.query_words import forget_analyses

    index, _ = corpus_index
    queries = [q.text for q in (*load_queries(), *load_queries(HELD_OUT, held_out=True))]

    def answers() -> list:
        forget_analyses()
        return [index.search(q, budget=COMMAND_BUDGET_SECONDS) for q in queries]

    store = index._analyses
    built = store.known()
    asked = AnalysisStore(tmp_path / "asked.sqlite3")
    monkeypatch.setattr(index, "_analyses", asked)  # an empty store: Kiwi answers, recorded
    by_kiwi = answers()
    recorded = {text: asked.get(text) for text in asked.known() - built}
    assert recorded and len(asked.known() & built) > 100
    assert store.put(recorded)
    monkeypatch.setattr(index, "_analyses", store)

    def refuse(text: str):
        raise AssertionError(f"Kiwi was asked about {text!r}")

    monkeypatch.setattr(query_analysis, "kiwi_analysis", refuse)
    assert answers() == by_kiwi
    forget_analyses()
