"""The quality bench's metrics, on small rankings worked out by hand."""

from __future__ import annotations

import math

import pytest

from bench.ranking_metrics import mean, ndcg, recall, reciprocal_rank, score

GRADES = {"a": 2, "c": 1, "d": 2}


def test_ndcg_of_a_mixed_ranking():
    # DCG: a (2^2-1)/log2(2) + b 0 + c (2^1-1)/log2(4) = 3 + 0.5.
    # Ideal order 2, 2, 1: 3 + 3/log2(3) + 0.5.
    assert ndcg(["a", "b", "c"], GRADES) == pytest.approx(3.5 / (3.5 + 3 / math.log2(3)))


def test_ndcg_is_one_for_the_ideal_order_and_zero_without_a_relevant_article():
    assert ndcg(["a", "d", "c", "x"], GRADES) == pytest.approx(1.0)
    assert ndcg(["d", "a", "c"], GRADES) == pytest.approx(1.0)
    assert ndcg(["x", "y"], GRADES) == 0.0
    assert ndcg([], GRADES) == 0.0


def test_ndcg_counts_only_the_first_cutoff_results():
    assert ndcg(["x", "a"], {"a": 2}, cutoff=1) == 0.0
    assert ndcg(["x", "a"], {"a": 2}, cutoff=2) == pytest.approx(1 / math.log2(3))


def test_ndcg_ideal_is_cut_off_too():
    # Three grade-2 articles, cutoff 2: the ideal is the first two of them.
    grades = {"a": 2, "b": 2, "c": 2}
    assert ndcg(["a", "b"], grades, cutoff=2) == pytest.approx(1.0)


def test_reciprocal_rank_of_the_first_relevant_article():
    assert reciprocal_rank(["x", "y", "c", "a"], GRADES) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a"], GRADES) == 1.0
    assert reciprocal_rank(["x", "y"], GRADES) == 0.0
    assert reciprocal_rank(["x", "a"], GRADES, cutoff=1) == 0.0


def test_recall_counts_grade_two_articles_only():
    assert recall(["c", "a", "x"], GRADES) == pytest.approx(0.5)
    assert recall(["a", "d"], GRADES) == 1.0
    assert recall(["c"], GRADES) == 0.0
    assert recall(["x", "a", "d"], GRADES, cutoff=2) == pytest.approx(0.5)


def test_recall_is_none_without_a_grade_two_article():
    assert recall(["c"], {"c": 1}) is None


def test_score_bundles_the_three_metrics():
    scores = score(["x", "a"], {"a": 2})
    assert scores.ndcg == pytest.approx(1 / math.log2(3))
    assert scores.reciprocal_rank == 0.5
    assert scores.recall == 1.0


def test_mean_leaves_out_none():
    assert mean([1.0, None, 0.5]) == pytest.approx(0.75)
    assert mean([None]) is None
    assert mean([]) is None
