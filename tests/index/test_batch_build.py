"""Many issues replaced in one commit (import, a first ingest of many files): the index must
answer as if each issue had been replaced on its own, in this process or in workers, and a
batch that fails or is cancelled must leave the index as it was."""

from __future__ import annotations

import multiprocessing
import os

import pytest

import index.batch_build
import index.full_build
import index.index_writing
import index.mined_aliases
import index.query_analysis as query_analysis
from index import IndexBuildError, SearchIndex
from index.build_readings import articles_holding
from tests.index.conftest import ARTICLES, make_article
from tests.index.test_parallel_build import QUERIES, _answers

pytestmark = pytest.mark.slow  # Kiwi in this process, and worker processes that load their own

# Replacements of two held issues and a new one.
LATER = {
    "2024-04": [make_article("2024-04-01", "오픈AI, 새 모델 공개", key=("규제 대응",))],
    "2025-03": [
        make_article("2025-03-05", "EU AI 법 시행"),
        make_article("2025-03-06", "딥페이크 규제 강화"),
    ],
    "2025-06": [make_article("2025-06-02", "반도체 수출 규제")],
}


def _held(tmp_path, name: str) -> SearchIndex:
    """An index holding ARTICLES, each issue committed on its own."""
    held = SearchIndex.open(tmp_path / name)
    for issue, articles in ARTICLES.items():
        held.replace_issue(issue, articles, f"fp-{issue}")
    return held


def _one_by_one(tmp_path) -> SearchIndex:
    alone = _held(tmp_path, "alone")
    for issue, articles in LATER.items():
        alone.replace_issue(issue, articles, f"new-{issue}")
    return alone


@pytest.mark.parametrize("in_workers", [False, True], ids=["in-process", "workers"])
def test_a_batch_answers_as_issues_replaced_one_by_one(tmp_path, monkeypatch, in_workers):
    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1 if in_workers else 10**12)
    batched = _held(tmp_path, "batched")
    with batched.batch() as batch:
        for issue, articles in LATER.items():
            batch.add(issue, articles, f"new-{issue}")
    alone = _one_by_one(tmp_path)
    assert batched.doc_count() == alone.doc_count() == 4
    assert batched.fingerprints() == alone.fingerprints()
    assert batched.fingerprints()["2024-04"] == "new-2024-04"
    assert _answers(batched, QUERIES) == _answers(alone, QUERIES)
    mined = index.mined_aliases.MINED_ALIASES
    assert (batched.live / mined).read_text() == (alone.live / mined).read_text()
    assert multiprocessing.active_children() == []


def test_a_batch_that_raises_commits_nothing(tmp_path):
    held = _held(tmp_path, "held")
    before = _answers(held, QUERIES)
    with pytest.raises(RuntimeError, match="stop"), held.batch() as batch:
        batch.add("2025-06", LATER["2025-06"], "new")
        raise RuntimeError("stop")
    assert _answers(held, QUERIES) == before
    assert held.fingerprints() == {issue: f"fp-{issue}" for issue in ARTICLES}


def _dying_miner(docs):
    if any("폭탄" in d["title"] for d in docs):
        os._exit(3)
    return []


def test_a_batch_whose_worker_dies_commits_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(index.batch_build, "mined_pairs", _dying_miner)
    held = _held(tmp_path, "held")
    before = _answers(held, QUERIES)
    with pytest.raises(IndexBuildError, match=r"died \(exit code 3\)"), held.batch() as batch:
        batch.add("2025-06", LATER["2025-06"], "new")
        batch.add("2025-07", [make_article("2025-07-01", "폭탄 기사")], "new")
    assert multiprocessing.active_children() == []
    assert _answers(held, QUERIES) == before
    monkeypatch.undo()
    held.replace_issue("2025-06", LATER["2025-06"], "new")  # the write lock was let go
    assert held.doc_count() == 5  # four held, one added


def test_an_issue_is_handed_over_once(tmp_path):
    held = SearchIndex.open(tmp_path)
    twice = "issue 2025-06 is already in this batch"
    with pytest.raises(ValueError, match=twice), held.batch() as batch:
        batch.add("2025-06", LATER["2025-06"], "a")
        batch.add("2025-06", LATER["2025-06"], "b")
    assert held.doc_count() == 0


@pytest.mark.parametrize("segment_postings", [10**9, 40], ids=["a-segment-each", "several"])
def test_a_batch_in_workers_on_no_segments_counts_the_lexicon_a_reader_reads(
    tmp_path, monkeypatch, segment_postings
):
    """Its terms and the articles holding each, in the reader's order, so that the store of
    query analyses is filled without reading the new segments back."""
    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(index.full_build, "SEGMENT_POSTINGS", segment_postings)
    built = SearchIndex.open(tmp_path / "index")
    built.rebuild([])
    with built.batch() as batch:
        for issue, articles in {**ARTICLES, **LATER}.items():
            batch.add(issue, articles, f"fp-{issue}")
    with built._fresh().reader() as reader:
        assert (len(reader.leaf_readers()) > 2) == (segment_postings == 40)
        assert batch.lexicon == articles_holding(reader)
    assert ("규제", 3) in batch.lexicon


def test_a_batch_beside_held_segments_leaves_the_lexicon_to_be_read(tmp_path, monkeypatch):
    """Segments held before are kept or merged by the commit: their counts are not the
    workers'."""
    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1)
    held = _held(tmp_path, "held")
    with held.batch() as batch:
        for issue, articles in LATER.items():
            batch.add(issue, articles, f"new-{issue}")
    assert batch.lexicon is None


def _first_batch(tmp_path, name: str) -> SearchIndex:
    """An index of no segment that takes ARTICLES and LATER in one batch."""
    built = SearchIndex.open(tmp_path / name)
    built.rebuild([])
    with built.batch() as batch:
        for issue, articles in {**ARTICLES, **LATER}.items():
            batch.add(issue, articles, f"fp-{issue}")
    return built


def test_a_batch_in_workers_reads_the_store_ahead_of_its_commit(tmp_path, monkeypatch, kiwi_asked):
    """While the workers write their segments, Kiwi reads the texts the store of query
    analyses will hold, so that storing them after the commit asks it little; the store is
    the one a batch without it fills."""
    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1)
    made = index.index_writing.reading_ahead
    calls: list[tuple] = []

    def reading_ahead(store, concepts, names):
        read = made(store, concepts, names)

        def recorded(lexicon, notes):
            with SearchIndex.open(store.path.parent)._fresh().reader() as reader:
                held = reader.doc_count_all()
            read(lexicon, notes)
            calls.append((dict(lexicon), set(notes), held, len(kiwi_asked)))

        return recorded

    monkeypatch.setattr(index.index_writing, "reading_ahead", reading_ahead)
    ahead = _first_batch(tmp_path, "ahead")
    assert calls and all(call[2] == 0 for call in calls), "begun after the commit"
    with ahead._fresh().reader() as reader:
        assert calls[-1][0] == dict(articles_holding(reader))
    assert calls[-1][1] == {*ARTICLES, *LATER}
    read, stored = len(kiwi_asked), ahead._analyses
    assert read == calls[-1][3] > 0, "Kiwi was asked after the commit"
    assert stored.known()

    monkeypatch.setattr(index.index_writing, "reading_ahead", lambda *_: None)
    query_analysis.forget()
    plain = _first_batch(tmp_path, "plain")
    assert len(kiwi_asked) - read >= read  # without it, all was read after the commit
    texts = sorted(plain._analyses.known())
    assert sorted(stored.known()) == texts
    assert stored.get_many(texts) == plain._analyses.get_many(texts)
    assert stored.proofs() == plain._analyses.proofs()


def test_a_batch_whose_read_ahead_fails_commits_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1)

    def failing(lexicon, notes):
        raise RuntimeError("reading ahead failed")

    monkeypatch.setattr(index.index_writing, "reading_ahead", lambda *_: failing)
    built = SearchIndex.open(tmp_path / "index")
    built.rebuild([])
    with pytest.raises(RuntimeError, match="reading ahead failed"), built.batch() as batch:
        for issue, articles in ARTICLES.items():
            batch.add(issue, articles, f"fp-{issue}")
    assert built.doc_count() == 0
    assert multiprocessing.active_children() == []
