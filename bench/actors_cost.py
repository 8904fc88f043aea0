"""What actors cost (issue 11's bound: at most 10% on extraction, indexing and search), each
measured with and without them in the same run.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.actors_cost [--repeat 3] [--index DIR]

- extraction: `extract_issue` over every real issue (which derives nothing: ingest derives
  the actors of each extracted issue, `with_actors`, before committing it), against that
  derivation;
- indexing: SearchIndex.rebuild of the real articles with their actors, against the same
  articles with none (no subject, actors or countries: the actor fields left empty);
- ingest: extraction, derivation and indexing together, against extraction and indexing of
  the articles without actors: what an ingest of the six issues costs more;
- search: the graded queries on that index, against the same search with the actor and
  country facets replaced by empty ones (their counting is all a search does for actors
  unless the query names one). --index DIR also times them on a kept index (for example
  bench.api_latency's --keep DIR/10000).
Times are CPU seconds of this process (Kiwi's threads included), so that the load other
processes put on the machine does not count; rounds alternate with and without, and each
figure is the median of --repeat rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import index.ranking
from bench.corpus import corpus_folder
from bench.graded_queries import load_queries
from bench.search_latency import by_issue
from extract import Issue, extract_issue
from extract.model import Article
from index import SearchIndex, with_actors


def seconds(call) -> float:
    """CPU seconds of this process (all its threads) during the call."""
    started = time.process_time()
    call()
    return time.process_time() - started


def median_pair(with_, without, repeat: int) -> tuple[float, float]:
    """Median seconds of each of two calls, over `repeat` alternating rounds."""
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(seconds(with_))
        theirs.append(seconds(without))
    return statistics.median(ours), statistics.median(theirs)


def extraction(paths: list[Path], repeat: int) -> tuple[tuple[float, float], list[Issue]]:
    """(derivation, extraction) in seconds, and the derived issues."""
    issues = [extract_issue(p) for p in paths]
    derived = [with_actors(i) for i in issues]  # Kiwi loads here, before anything is timed
    return median_pair(
        lambda: [with_actors(i) for i in issues],
        lambda: [extract_issue(p) for p in paths],
        repeat,
    ), derived


def without_actors(articles: list[Article]) -> list[Article]:
    return [replace(a, subject=None, actors=(), countries=()) for a in articles]


def indexing(articles: list[Article], scratch: Path, repeat: int) -> tuple[float, float]:
    """Seconds to rebuild an index of the articles with their actors and without."""

    def rebuild(batch: list[Article], name: str):
        def run():
            target = SearchIndex.open(scratch / name)
            target.rebuild((i, arts, i) for i, arts in by_issue(batch).items())
            target.close()

        return run

    rebuild(articles, "warm")()  # Kiwi and Whoosh loaded
    return median_pair(
        rebuild(articles, "with"), rebuild(without_actors(articles), "without"), repeat
    )


class NoActorColumns:
    """Stands in for index.ranking.ActorColumns: no actor or country facets; the articles
    about a country (which rank, not count) still come from the real columns."""

    real = index.ranking.ActorColumns

    def __init__(self, columns) -> None:
        self.columns = columns

    @classmethod
    def of(cls, searcher) -> NoActorColumns:
        return cls(cls.real.of(searcher))

    def facets(self, docnums) -> dict[str, dict[str, int]]:
        return {"actor": {}, "country": {}}

    def about(self, code: str) -> frozenset[int]:
        return self.columns.about(code)


def searching(search: SearchIndex, queries: list[str], repeat: int) -> dict[str, float]:
    """Milliseconds per search (p50 and p95 over every query and round) with the actor
    facets and without them. Each query runs both ways in turn, with first and without
    first on alternate queries and rounds: a query run again at once runs faster (with the
    facets both times, over the graded queries at 10,000 articles, p95 15.55 and 14.69
    CPU-ms, load 8), which, with the facets always first, was counted as their cost."""
    real = index.ranking.ActorColumns
    times: dict[str, list[float]] = {"with": [], "without": []}
    for q in queries:  # warm: postings read, actor columns built
        search.search(q)
    ways = (("with", real), ("without", NoActorColumns))
    for round_ in range(repeat):
        for n, q in enumerate(queries):
            for name, columns in ways if (n + round_) % 2 == 0 else ways[::-1]:
                index.ranking.ActorColumns = columns
                try:
                    times[name].append(seconds(lambda q=q: search.search(q)) * 1000)
                finally:
                    index.ranking.ActorColumns = real
    out = {}
    for name, values in times.items():
        values.sort()
        out[f"{name} p50"] = statistics.median(values)
        out[f"{name} p95"] = values[int(0.95 * (len(values) - 1))]
    return out


def share(with_: float, without: float) -> str:
    return f"{with_ / without - 1:+.1%}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--index", type=Path, help="also time the searches on this kept index")
    args = parser.parse_args()
    corpus = corpus_folder("actors_cost")
    if corpus is None:
        return 2
    paths = sorted(corpus.glob("*.pdf"))
    queries = [q.text for q in load_queries()]
    (derive, extract), issues = extraction(paths, args.repeat)
    print(f"{len(paths)} issues; CPU seconds, median of {args.repeat} rounds")
    print(
        f"extraction {extract:7.2f} s; deriving the actors {derive:.2f} s more"
        f" ({derive / extract:.0%} of the extraction)"
    )
    articles = [a for issue in issues for a in issue.articles]
    with tempfile.TemporaryDirectory() as tmp:
        with_, without = indexing(articles, Path(tmp), args.repeat)
        print(
            f"indexing   {with_:7.2f} s with actors, {without:.2f} s without", share(with_, without)
        )
        ingest_with, ingest_without = extract + derive + with_, extract + without
        print(
            f"ingest     {ingest_with:7.2f} s with actors, {ingest_without:.2f} s without"
            f" {share(ingest_with, ingest_without)} (extraction + derivation + indexing)"
        )
        targets = [(f"search, {len(articles)} articles", SearchIndex.open(Path(tmp) / "with"))]
        if args.index:
            kept = SearchIndex.open(args.index)
            targets.append((f"search, {kept.doc_count()} articles", kept))
        for name, search in targets:
            r = searching(search, queries, args.repeat)
            print(
                f"{name}, CPU ms with / without the actor facets:"
                f" p50 {r['with p50']:.1f} / {r['without p50']:.1f}"
                f" {share(r['with p50'], r['without p50'])},"
                f" p95 {r['with p95']:.1f} / {r['without p95']:.1f}"
                f" {share(r['with p95'], r['without p95'])}",
                flush=True,
            )
            search.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
