"""Analysis in worker processes writes the same index as analysis in this process; batches of
issues commit whole or not at all."""

from __future__ import annotations

import multiprocessing

import pytest

import index.analysis
import index.analysis_workers
from index import SearchIndex
from tests.index.conftest import ARTICLES, make_article


def postings(search_index: SearchIndex) -> dict:
    """(field, term) -> [(article id, encoded positions, offsets and weights)], and the stored
    fields of every article."""
    with search_index._ix.reader() as reader:
        ids = {n: fields["id"] for n, fields in reader.iter_docs()}
        found = {}
        for field, term in reader.all_terms():
            found[field, term] = _values(reader.postings(field, term), ids)
        stored = sorted((fields["id"], repr(fields)) for _, fields in reader.iter_docs())
    return {"postings": found, "stored": stored}


def _values(matcher, ids) -> list:
    values = []
    while matcher.is_active():
        values.append((ids[matcher.id()], matcher.value()))
        matcher.next()
    return sorted(values)


@pytest.fixture
def in_workers(monkeypatch):
    """Analyse every batch in worker processes, however small."""
    monkeypatch.setattr(index.analysis_workers, "MIN_WORKER_CHARS", 0)
    monkeypatch.setattr(index.analysis_workers, "CHUNK_DOCUMENTS", 1)  # several chunks


def test_workers_write_the_same_index(tmp_path, monkeypatch):
    here = SearchIndex.open(tmp_path / "here")
    here.replace_issues([(issue, arts, f"sha-{issue}") for issue, arts in ARTICLES.items()])
    monkeypatch.setattr(index.analysis_workers, "MIN_WORKER_CHARS", 0)
    monkeypatch.setattr(index.analysis_workers, "CHUNK_DOCUMENTS", 1)
    there = SearchIndex.open(tmp_path / "there")
    there.replace_issues([(issue, arts, f"sha-{issue}") for issue, arts in ARTICLES.items()])
    rebuilt = SearchIndex.open(tmp_path / "rebuilt")
    rebuilt.rebuild((issue, arts, f"sha-{issue}") for issue, arts in ARTICLES.items())
    expected = postings(here)
    assert expected["postings"]
    assert postings(there) == expected
    assert postings(rebuilt) == expected
    assert multiprocessing.active_children() == []


def test_replace_issues_commits_every_issue(fresh_index, in_workers):
    fresh_index.replace_issues([(issue, arts, "one") for issue, arts in ARTICLES.items()])
    assert fresh_index.fingerprints() == {"2024-04": "one", "2025-03": "one"}
    assert fresh_index.doc_count() == 4
    assert fresh_index.article_ids("안전연구소") == ["2025-03-05"]


def test_a_failed_batch_commits_no_issue(fresh_index, in_workers, monkeypatch):
    fresh_index.replace_issue("2024-04", ARTICLES["2024-04"], "old")
    real = index.analysis.analyze

    def failing(text):
        if "폭탄" in text:
            raise RuntimeError("analysis failed")
        return real(text)

    monkeypatch.setattr(index.analysis, "analyze", failing)  # the writer's side fails
    batch = [
        ("2025-03", ARTICLES["2025-03"], "new"),
        (
            "2024-04",
            [make_article("2024-04-03", "첫 기사"), make_article("2024-04-04", "폭탄")],
            "new",
        ),
    ]
    with pytest.raises(RuntimeError, match="analysis failed"):
        fresh_index.replace_issues(batch)
    assert fresh_index.fingerprints() == {"2024-04": "old"}
    assert sorted(fresh_index.article_ids("AI")) == ["2024-04-01", "2024-04-07"]
    assert multiprocessing.active_children() == []


def test_an_issue_twice_in_a_batch_is_refused(fresh_index):
    twice = [("2024-04", ARTICLES["2024-04"], "a"), ("2024-04", ARTICLES["2024-04"], "b")]
    with pytest.raises(ValueError, match="an issue appears twice in one batch"):
        fresh_index.replace_issues(twice)
    assert fresh_index.doc_count() == 0
