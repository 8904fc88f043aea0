"""One time budget for the searches of a web request (index.SharedBudget): each draws on the
same seconds, counted from the first one's compiled query, and what the budget cut is said."""

from __future__ import annotations

import time

from index import SharedBudget

SKIPPED = (
    "related terms: skipped, the search's time budget (0.5 s) was spent",
    "did you mean: skipped, the search's time budget (0.5 s) was spent",
)


def test_the_first_search_starts_the_clock_and_the_next_ones_share_it(built_index):
    budget = SharedBudget(60)  # not spent however loaded the machine: the clock is the point
    first = built_index.search("딥페잌", budget=budget)
    started = budget.started
    assert started is not None and first.limits == () and first.suggestion == "딥페이크"
    second = built_index.search("딥페잌", budget=budget)
    assert budget.started == started  # the same clock, not a new one per search
    assert second.suggestion == "딥페이크"


def test_a_budget_spent_by_earlier_searches_cuts_the_next_one(built_index):
    budget = SharedBudget(0.5, started=time.monotonic() - 0.6)  # the request's work so far
    result = built_index.search("딥페잌", budget=budget)
    assert (result.suggestion, result.related_terms, result.limits) == (None, (), SKIPPED)
    assert result.cut_for_time


def test_notes_that_do_not_depend_on_time_do_not_mark_the_result(built_index):
    result = built_index.search(" ".join(f"단어{n}" for n in range(40)), budget=float("inf"))
    assert result.limits and not result.cut_for_time
