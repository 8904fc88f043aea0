"""Pseudo-relevance feedback raises scores within the full and the partial matches."""

from __future__ import annotations

import pytest

from bench.search_quality import switches_of
from index import SearchIndex
from index.feedback import with_feedback


def test_feedback_adds_a_share_of_the_best_feedback_score_scaled_to_the_top_score():
    raised = with_feedback({1: 10.0, 2: 5.0}, {2: 4.0, 3: 8.0}, top=10.0, weight=0.2)
    assert raised == pytest.approx({1: 10.0, 2: 6.0})


def test_no_feedback_terms_leave_the_scores_as_they_were():
    assert with_feedback({1: 3.0}, {}, top=3.0) == {1: 3.0}


def test_feedback_is_a_switch_of_search_the_quality_bench_flips():
    assert switches_of(SearchIndex.search)["feedback"] is True


@pytest.mark.parametrize("query", ["딥페이크 영국", "소라 벤지오", "AI 일자리 영향"])
def test_feedback_never_lifts_a_partial_match_over_a_full_one(built_index, query):
    for feedback in (True, False):
        found = built_index.search(query, feedback=feedback)
        matches = [hit.match for hit in found.hits]
        assert matches == sorted(matches), (query, feedback)  # "all" before "partial"


def test_feedback_keeps_the_same_articles_on_a_page_it_does_not_fill(built_index):
    with_it = built_index.search("딥페이크 영국")
    without = built_index.search("딥페이크 영국", feedback=False)
    assert sorted(h.id for h in with_it.hits) == sorted(h.id for h in without.hits)
    assert with_it.total == without.total


@pytest.mark.parametrize("query", ['"범용 AI"', "=딥페이크", "actor:메타"])
def test_exact_words_and_fields_get_no_feedback(built_index, query):
    with_it = built_index.search(query)
    without = built_index.search(query, feedback=False)
    assert [(h.id, h.score) for h in with_it.hits] == [(h.id, h.score) for h in without.hits]
