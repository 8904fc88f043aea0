"""Writing the index: whole issues, fingerprints, and rebuilds when a version changes."""

from __future__ import annotations

import json

import pytest

import index.analysis
import index.schema
import index.search_index
from index import SearchIndex, StaleIndexError
from index.dictionary import DomainDictionary
from tests.index.conftest import ARTICLES, make_article


def test_replace_issue_swaps_the_whole_issue(fresh_index):
    fresh_index.replace_issue("2024-04", ARTICLES["2024-04"], "old")
    fresh_index.replace_issue("2024-04", [make_article("2024-04-03", "새 기사 반도체")], "new")
    assert fresh_index.doc_count() == 1
    assert fresh_index.fingerprints() == {"2024-04": "new"}
    assert fresh_index.article_ids("반도체") == ["2024-04-03"]
    assert fresh_index.search("딥페이크").total == 0


def test_a_failed_write_commits_nothing(fresh_index, monkeypatch):
    fresh_index.replace_issue("2024-04", ARTICLES["2024-04"], "old")
    real = index.analysis.analyze

    def failing(text):
        if "폭탄" in text:
            raise RuntimeError("analysis failed")
        return real(text)

    monkeypatch.setattr(index.analysis, "analyze", failing)
    broken = [make_article("2024-04-03", "첫 기사"), make_article("2024-04-04", "폭탄 기사")]
    with pytest.raises(RuntimeError, match="analysis failed"):
        fresh_index.replace_issue("2024-04", broken, "new")
    assert fresh_index.fingerprints() == {"2024-04": "old"}
    assert sorted(fresh_index.article_ids("AI")) == ["2024-04-01", "2024-04-07"]


def test_remove_issue(fresh_index):
    for issue, articles in ARTICLES.items():
        fresh_index.replace_issue(issue, articles, issue)
    fresh_index.remove_issue("2024-04")
    assert fresh_index.fingerprints() == {"2025-03": "2025-03"}
    assert fresh_index.doc_count() == 2


def test_reopening_keeps_the_index(tmp_path):
    SearchIndex.open(tmp_path).replace_issue("2025-03", ARTICLES["2025-03"], "f")
    reopened = SearchIndex.open(tmp_path)
    assert not reopened.needs_rebuild()
    assert reopened.fingerprints() == {"2025-03": "f"}
    assert reopened.size_bytes() > 0


def _bump_dictionary(monkeypatch):
    version = index.schema.domain_dictionary().version + 1
    monkeypatch.setattr(index.schema, "domain_dictionary", lambda: DomainDictionary(version, ()))


@pytest.mark.parametrize(
    "bump",
    [
        pytest.param(lambda mp: mp.setattr(index.schema, "SCHEMA_VERSION", 999), id="schema"),
        pytest.param(lambda mp: mp.setattr(index.schema, "ANALYZER_VERSION", 999), id="analyzer"),
        pytest.param(_bump_dictionary, id="dictionary"),
        pytest.param(lambda mp: mp.setattr(index.schema, "ALIASES_VERSION", 999), id="aliases"),
    ],
)
def test_a_version_change_needs_a_rebuild(tmp_path, monkeypatch, bump):
    SearchIndex.open(tmp_path).replace_issue("2025-03", ARTICLES["2025-03"], "f")
    bump(monkeypatch)
    stale = SearchIndex.open(tmp_path)
    assert stale.needs_rebuild()
    with pytest.raises(StaleIndexError, match="must be rebuilt"):
        stale.search("AI")
    with pytest.raises(StaleIndexError):
        stale.replace_issue("2024-04", ARTICLES["2024-04"], "g")

    stale.rebuild([("2024-04", ARTICLES["2024-04"], "g")])
    assert not stale.needs_rebuild()
    assert stale.fingerprints() == {"2024-04": "g"}
    assert not SearchIndex.open(tmp_path).needs_rebuild()


def test_an_index_of_the_marks_packed_by_term_is_rebuilt_with_them_packed_by_field(tmp_path):
    SearchIndex.open(tmp_path).replace_issue("2024-04", ARTICLES["2024-04"], "f")
    stamp = SearchIndex.open(tmp_path).live / index.schema.STAMP_NAME
    stamp.write_text(json.dumps({**index.schema.current_stamp(), "schema": 8}), encoding="utf-8")
    stale = SearchIndex.open(tmp_path)
    assert stale.needs_rebuild()
    with pytest.raises(StaleIndexError, match="must be rebuilt"):
        stale.search("딥페이크")

    stale.rebuild([("2024-04", ARTICLES["2024-04"], "f")])
    assert not SearchIndex.open(tmp_path).needs_rebuild()
    with stale._reading() as searcher:
        marks = searcher.stored_fields(0)["marks"]
    assert {type(value) for value in marks.values()} == {tuple}  # one value a field
    hit = stale.search("딥페이크").hits[0]
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["딥페이크"]


def test_an_index_without_its_stamp_is_stale(tmp_path):
    SearchIndex.open(tmp_path).replace_issue("2025-03", ARTICLES["2025-03"], "f")
    (SearchIndex.open(tmp_path).live / index.schema.STAMP_NAME).unlink()
    assert SearchIndex.open(tmp_path).needs_rebuild()


def test_a_searcher_opened_on_an_empty_index_sees_later_commits(fresh_index):
    assert fresh_index.search("딥페이크").total == 0
    fresh_index.replace_issue("2024-04", ARTICLES["2024-04"], "f")
    assert fresh_index.search("딥페이크").total == 1
    fresh_index.remove_issue("2024-04")
    assert fresh_index.search("딥페이크").total == 0


def test_a_search_checks_the_index_is_current_once(built_index, monkeypatch):
    # the second finds few, and looks for a "did you mean" (its speller made once, first)
    queries = ("딥페이크 규제", "딥페이크 없는말")
    for q in queries:
        built_index.search(q)
    read = []
    real = index.search_index.read_stamp
    monkeypatch.setattr(index.search_index, "read_stamp", lambda d: read.append(d) or real(d))
    for q in queries:
        result = built_index.search(q)
    assert result.fallback and len(read) == len(queries)
