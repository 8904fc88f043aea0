"""A process readied to serve (its long-lived objects frozen out of the garbage collector's
sight) answers as it did before."""

from __future__ import annotations

import gc
import sys

import pytest

from archive.contract import search_json
from archive.search_query import SearchQuery
from index import COMMAND_BUDGET_SECONDS, ready_to_serve
from index.search_answers import SEARCH_MODULES

QUERIES = ["딥페이크", "AI 규제 OR 딥페이크 -벤지오", '"AI 안전"', "생성 AI를 써 본 사람은?"]


@pytest.fixture
def frozen():
    """ready_to_serve in this process, undone afterwards (frozen, the test process would never
    again collect the cycles of what is alive now)."""
    try:
        yield ready_to_serve
    finally:
        gc.unfreeze()


def answers(index) -> list:
    """The searches' answers, without a time budget: a budget spent on a busy machine would
    cut a part (the related terms) from one answer and not from the other."""
    return [
        search_json(SearchQuery(q=q), index.search(q, budget=COMMAND_BUDGET_SECONDS))
        for q in QUERIES
    ]


@pytest.mark.slow  # the search modules imported, and a full collection of the test process
def test_frozen_or_not_a_search_answers_alike(built_index, frozen):
    before = answers(built_index)
    frozen()
    assert gc.get_freeze_count() > 0
    assert all(name in sys.modules for name in SEARCH_MODULES)
    assert answers(built_index) == before
    gc.unfreeze()
    gc.collect()
    assert answers(built_index) == before
