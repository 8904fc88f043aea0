"""bench/actors_cost.py times searches with the actor facets and without them: without them,
a query naming a country still ranks the articles about it."""

from __future__ import annotations

from bench.actors_cost import searching


def test_searches_without_the_facets_still_rank_by_country(built_index):
    times = searching(built_index, ["영국 AI 평가", "AI"], repeat=1)
    assert set(times) == {"with p50", "with p95", "without p50", "without p95"}
    assert all(ms > 0 for ms in times.values())


def test_with_and_without_the_facets_take_turns_at_running_first():
    import index.ranking

    real, ran = index.ranking.ActorColumns, []

    class Recorder:
        def search(self, q: str) -> None:
            ran.append((q, index.ranking.ActorColumns is real))

    searching(Recorder(), ["a", "b"], repeat=2)  # type: ignore[arg-type]
    timed = ran[2:]  # after the warm-up, each query both ways in turn
    firsts = [with_ for (_, with_) in timed[::2]]
    assert [q for q, _ in timed[::2]] == ["a", "b", "a", "b"]
    assert firsts == [True, False, False, True]
    assert [with_ for (_, with_) in timed[1::2]] == [not f for f in firsts]
