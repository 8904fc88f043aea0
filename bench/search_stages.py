"""Where a warm search's time goes: each stage of what /api/search computes, timed over the graded
queries on a kept index.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.search_stages --index DIR [--rounds N]
        [--clock cpu|wall]

DIR is an index bench.api_latency kept (`--keep DIR`, then DIR/10000). Each query of the main
graded set runs once to warm the caches, then ROUNDS times as bench.api_latency times it
(SearchIndex.search, then the contract's JSON); each stage's own time (its time less that of
the stages it calls) is added up, over all queries and over the slowest tenth of them (the
warm p95 lies there). The stages are the functions of the search path, wrapped for the run:
compiling the query, its full matches, its partial matches, feedback, the parts of a query the
postings scorer leaves to Whoosh's own matcher (a phrase it cannot match by positions, a prefix,
a range of another field than the issue), ordering, the facets, the actor facets, building the
hits, related terms, "did you mean" and the JSON.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from archive.contract import search_json
from archive.search_query import SearchQuery
from bench.api_latency import CLOCKS
from bench.graded_queries import load_queries
from index import SearchIndex

# (module, attribute path, stage name): the functions wrapped, outermost first.
STAGES = (
    ("index.query_builder", "QueryBuilder.build", "compile"),
    ("index.ranking", "_full_matches", "full matches"),
    ("index.ranking", "_partial", "partial matches"),
    ("index.ranking", "_fed_back", "feedback"),
    ("index.postings_scorer", "PostingsScorer._by_whoosh", "whoosh matcher"),
    ("index.ranking", "best", "ordering"),
    ("index.ranking", "by_date", "ordering"),
    ("index.postings_scorer", "PostingsScorer.facets", "facets"),
    ("index.actor_facets", "ActorColumns.facets", "actor facets"),
    ("index.search_answers", "page_hits", "hits"),
    ("index.search_answers", "related_chips", "related terms"),
    ("index.search_parts", "SearchParts._suggestion", "did you mean"),
)


class StageClock:
    """Each stage's own time: a stage's time less its inner stages'."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.own: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []

    def wrap(self, name: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            started = self.clock()
            self._inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                spent = self.clock() - started
                inner = self._inner.pop()
                self.own[name] += spent - inner
                if self._inner:
                    self._inner[-1] += spent

        return timed

    def take(self) -> dict[str, float]:
        taken, self.own = dict(self.own), defaultdict(float)
        return taken


def install(stages: StageClock) -> None:
    """Wrap every function of STAGES for this process."""
    for module_name, path, name in STAGES:
        owner = importlib.import_module(module_name)
        *outer, attribute = path.split(".")
        for part in outer:
            owner = getattr(owner, part)
        setattr(owner, attribute, stages.wrap(name, getattr(owner, attribute)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="a kept index")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--clock", choices=CLOCKS, default="cpu")
    args = parser.parse_args()
    clock = CLOCKS[args.clock]
    index = SearchIndex.open(args.index)
    queries = [q.text for q in load_queries()]
    for q in queries:  # warm: postings, columns, citations
        search_json(SearchQuery(q=q), index.search(q))
    stages = StageClock(clock)
    install(stages)
    to_json = stages.wrap("json", search_json)
    runs: list[tuple[float, dict[str, float]]] = []
    for _ in range(args.rounds):
        for q in queries:
            started = clock()
            to_json(SearchQuery(q=q), index.search(q))
            runs.append(((clock() - started) * 1000, stages.take()))
    runs.sort(key=lambda run: run[0])
    tail = runs[int(0.9 * len(runs)) :]
    print(
        f"{index.doc_count()} articles, {len(queries)} queries x {args.rounds}, ms of {args.clock}"
        f" time; p50 {statistics.median(t for t, _ in runs):.1f},"
        f" p95 {runs[int(0.95 * (len(runs) - 1))][0]:.1f} (timers included)"
    )
    print(f"{'stage':16} {'all ms/query':>12} {'share':>6} {'tail ms/query':>13} {'share':>6}")
    names = [*dict.fromkeys(name for _, _, name in STAGES), "json", "other"]
    for name in names:
        every = [_own(run, name) for run in runs]
        slow = [_own(run, name) for run in tail]
        print(
            f"{name:16} {statistics.fmean(every):12.2f} {sum(every) / _sum(runs):6.1%}"
            f" {statistics.fmean(slow):13.2f} {sum(slow) / _sum(tail):6.1%}"
        )
    return 0


def _own(run: tuple[float, dict[str, float]], name: str) -> float:
    total, own = run
    if name == "other":
        return total - 1000 * sum(own.values())
    return 1000 * own.get(name, 0.0)


def _sum(runs: list[tuple[float, dict[str, float]]]) -> float:
    return sum(total for total, _ in runs)


if __name__ == "__main__":
    sys.exit(main())
