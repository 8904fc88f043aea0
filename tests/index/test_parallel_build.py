"""A large rebuild runs in worker processes: it must index exactly what one process would,
and a failed or dead worker must leave nothing committed and no process behind."""

from __future__ import annotations

import multiprocessing
import os

import pytest

import index.full_build
import index.index_writing
import index.mined_aliases
from index import IndexBuildError, SearchIndex
from index.build_readings import articles_holding
from tests.index.conftest import ARTICLES, make_article

QUERIES = ["AI", "딥페이크", "오픈AI", "안전 연구소", "규제", "OpenAI", '"AI 법"', "title:모델"]

pytestmark = pytest.mark.slow  # each build forks workers that load Kiwi


def _issues(articles: dict) -> list[tuple]:
    return [(issue, batch, f"fp-{issue}") for issue, batch in articles.items()]


def _answers(index: SearchIndex, queries: list[str]) -> dict:
    """Everything a researcher would see of these queries, scores rounded."""
    found = {}
    for query in queries:
        result = index.search(query, per_page=20)
        hits = [(h.id, round(h.score, 6), h.snippet) for h in result.hits]
        found[query] = (result.total, hits, result.facets)
    return found


def _build(
    tmp_path, name: str, articles: dict, monkeypatch, in_workers: bool, segment_postings=10**9
) -> SearchIndex:
    limit = 1 if in_workers else 10**12
    monkeypatch.setattr(index.full_build, "PARALLEL_MIN_CHARS", limit)
    monkeypatch.setattr(index.full_build, "SEGMENT_POSTINGS", segment_postings)
    built = SearchIndex.open(tmp_path / name)
    built.rebuild(_issues(articles))
    return built


def test_a_build_in_workers_indexes_what_one_process_would(tmp_path, monkeypatch):
    alone = _build(tmp_path, "alone", ARTICLES, monkeypatch, in_workers=False)
    shared = _build(tmp_path, "workers", ARTICLES, monkeypatch, in_workers=True)
    assert shared.doc_count() == alone.doc_count() == 4
    assert shared.fingerprints() == alone.fingerprints()
    assert _answers(shared, QUERIES) == _answers(alone, QUERIES)
    assert [h.id for h in shared.more_like_this("2024-04-01")] == [
        h.id for h in alone.more_like_this("2024-04-01")
    ]
    mined = index.mined_aliases.MINED_ALIASES
    assert (shared.live / mined).read_text() == (alone.live / mined).read_text()
    assert not shared.needs_rebuild()
    assert multiprocessing.active_children() == []


def test_a_worker_past_its_postings_budget_writes_more_segments(tmp_path, monkeypatch):
    more = {f"2023-0{m}": [make_article(f"2023-0{m}-03", f"AI 규제 동향 {m}")] for m in (1, 2)}
    articles = {**ARTICLES, **more}  # more issues than workers: one worker writes two or more
    alone = _build(tmp_path, "alone", articles, monkeypatch, in_workers=False)
    split = _build(tmp_path, "split", articles, monkeypatch, in_workers=True, segment_postings=1)
    assert len(list(split.live.glob("*.seg"))) == len(articles)  # one per issue (job)
    assert len(list(alone.live.glob("*.seg"))) == 1
    assert _answers(split, QUERIES) == _answers(alone, QUERIES)
    assert multiprocessing.active_children() == []


def test_an_index_built_in_workers_takes_later_issues(tmp_path, monkeypatch):
    shared = _build(tmp_path, "workers", ARTICLES, monkeypatch, in_workers=True)
    shared.replace_issue("2025-04", [make_article("2025-04-02", "반도체 수출 규제")], "new")
    shared.remove_issue("2024-04")
    assert shared.doc_count() == 3
    assert shared.article_ids("규제") == ["2025-04-02", "2025-03-05"]


def _failing_miner(docs):
    if any("폭탄" in d["title"] for d in docs):
        raise RuntimeError("mining failed")
    return []


def _dying_miner(docs):
    if any("폭탄" in d["title"] for d in docs):
        os._exit(3)
    return []


@pytest.mark.parametrize(
    ("miner", "message"),
    [
        pytest.param(_failing_miner, "failed: RuntimeError: mining failed", id="raises"),
        pytest.param(_dying_miner, r"died \(exit code 3\)", id="dies"),
    ],
)
def test_a_failed_worker_commits_nothing(tmp_path, monkeypatch, miner, message):
    articles = {**ARTICLES, "2025-05": [make_article("2025-05-01", "폭탄 기사")]}
    monkeypatch.setattr(index.full_build, "mined_pairs", miner)
    monkeypatch.setattr(index.full_build, "PARALLEL_MIN_CHARS", 1)
    built = SearchIndex.open(tmp_path)
    with pytest.raises(IndexBuildError, match=message):
        built.rebuild(_issues(articles))
    assert multiprocessing.active_children() == []
    assert built.needs_rebuild()

    monkeypatch.undo()
    built.rebuild(_issues(ARTICLES))
    assert built.doc_count() == 4
    assert [p.name for p in tmp_path.glob("g*")] == [built.live.name], "the failed build was left"


@pytest.mark.parametrize("in_workers", [False, True], ids=["in-process", "workers"])
def test_a_build_in_workers_counts_the_lexicon_a_reader_reads(tmp_path, monkeypatch, in_workers):
    """Its terms and the articles holding each, in the reader's order, over a segment an
    issue: the store of query analyses is filled without reading them back."""
    counted = []

    def remember_terms(self, ix, mined, notes, lexicon=None) -> None:
        counted.append(lexicon)

    monkeypatch.setattr(SearchIndex, "_remember_terms", remember_terms)
    built = _build(tmp_path, "built", ARTICLES, monkeypatch, in_workers, segment_postings=1)
    with built._fresh().reader() as reader:
        assert (len(reader.leaf_readers()) > 1) == in_workers
        assert counted == [articles_holding(reader) if in_workers else None]


def test_a_rebuild_in_workers_reads_the_store_ahead_of_its_commit(tmp_path, monkeypatch):
    """As a batch does (test_batch_build): the terms counted, before the commit."""
    calls: list[tuple] = []
    monkeypatch.setattr(
        index.index_writing,
        "reading_ahead",
        lambda *_: lambda lexicon, notes: calls.append((dict(lexicon), set(notes))),
    )
    built = _build(tmp_path, "built", ARTICLES, monkeypatch, in_workers=True)
    with built._fresh().reader() as reader:
        assert calls[-1] == (dict(articles_holding(reader)), set(ARTICLES))
