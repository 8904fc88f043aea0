"""bench/actors_cost.py times searches with the actor facets and without them: without them,
a query naming a country still ranks the articles about it."""

from __future__ import annotations

from bench.actors_cost import searching


def test_searches_without_the_facets_still_rank_by_country(built_index):
    times = searching(built_index, ["영국 AI 평가", "AI"], repeat=1)
    assert set(times) == {"with p50", "with p95", "without p50", "without p95"}
    assert all(ms > 0 for ms in times.values())
