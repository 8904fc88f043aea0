"""A term's postings read a block at a time are those Whoosh's matcher hands out one at a time,
over several segments, with deleted articles, and past one block; the scorer keeps the weights
with the scores it computes from them."""

from __future__ import annotations

import numpy as np
import pytest
from whoosh.codec.whoosh3 import W3LeafMatcher

from index import SearchIndex, derive_actors
from index.postings_reader import one_at_a_time, term_postings
from index.postings_scorer import PostingsScorer
from tests.index.conftest import make_article


def issue(name: str, count: int, extra: str) -> list:
    return [
        make_article(
            f"{name}-{n:02d}",
            f"AI 반도체 동향 {n} {extra}",
            key=(f"딥페이크 탐지 {n % 7}",) if n % 3 else (),
            bullets=(f"AI 투자 {extra} 확대", "데이터센터 전력" if n % 2 else "칩 수출 통제"),
        )
        for n in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def segmented_index(tmp_path_factory) -> SearchIndex:
    """Two segments or more, one with deleted articles, and words past one block (128)."""
    index = SearchIndex.open(tmp_path_factory.mktemp("segments"))
    index.replace_issue("2024-01", derive_actors(issue("2024-01", 150, "미국")), "a")
    index.replace_issue("2024-02", derive_actors(issue("2024-02", 60, "중국")), "b")
    index.replace_issue("2024-01", derive_actors(issue("2024-01", 90, "유럽")), "c")
    return index


@pytest.mark.slow  # every term of the index read both ways
def test_block_reads_are_the_matchers_postings(segmented_index):
    with segmented_index._reading() as searcher:
        reader = searcher.reader()
        leaves = list(reader.leaf_readers())
        assert len(leaves) > 1 and reader.doc_count_all() > reader.doc_count()
        live = set(reader.all_doc_ids())
        terms = [(f, t) for f, t in reader.all_terms() if f in ("content", "title", "issue")]
        kinds = set()
        for field, text in terms:
            for leaf, _ in leaves:
                if (field, text) in leaf:
                    kinds.add(type(leaf.postings(field, text)).__name__)
            ids, weights = term_postings(reader, field, text)
            kept = np.isin(ids, list(live))
            theirs_ids, theirs_weights = one_at_a_time(reader.postings(field, text))
            assert ids[kept].tolist() == theirs_ids.tolist(), (field, text)
            assert weights[kept].tolist() == theirs_weights.tolist(), (field, text)
        assert "FilterMatcher" in kinds and W3LeafMatcher.__name__ in kinds
        assert max(len(term_postings(reader, *t)[0]) for t in terms) > 128  # two blocks


def test_the_scorer_keeps_the_weights_its_scores_come_from(segmented_index):
    with segmented_index._reading() as searcher:
        evaluator = PostingsScorer(searcher)
        reader = searcher.reader()
        for field, text in [("content", "ai"), ("content", "딥페이크"), ("title", "반도체")]:
            theirs_ids, theirs_weights = one_at_a_time(reader.postings(field, text))
            weights = evaluator.weights(field, text)
            assert weights.as_dict() == dict(
                zip(theirs_ids.tolist(), theirs_weights.tolist(), strict=True)
            )
            assert evaluator.term(field, text).keys() == weights.as_dict().keys()
            assert len(evaluator._postings) and (field, text) in list(evaluator._postings)
