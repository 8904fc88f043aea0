"""bench.same_answers: which requests it asks of each graded query."""

from __future__ import annotations

from bench.same_answers import flipped
from bench.search_quality import MECHANISMS


def test_each_switch_is_flipped_from_its_default_as_the_quality_bench_flips_it():
    def search(query, *, expand=True, coverage=False, related=True, budget=0.5):
        pass

    assert {"expand", "coverage"} <= set(MECHANISMS) and "related" not in MECHANISMS
    assert flipped(search) == {"-expand": {"expand": False}, "+coverage": {"coverage": True}}
