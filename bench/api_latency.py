"""Warm latency of what /api/search computes, at 10,000 and 100,000 articles, against a plain
Whoosh BM25F search of the same words over the same index, measured in the same run.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.api_latency [--sizes 10000,100000]
        [--keep DIR] [--rounds N]

The archive is the real issues' articles, their actors derived, copied round-robin over the
324 months of 2000-2026 until there are N of them (an issue holds about 31 articles at 10,000,
309 at 100,000; the ids stay unique). Copies repeat the same texts,
so Kiwi analyses the real articles once and the build reuses those analyses for every copy
(what Kiwi would answer again); the index written is the product's own (SearchIndex.rebuild,
in its worker processes). Nothing is written to the repository; --keep DIR keeps each size's
index in DIR/SIZE and a later run with the same --keep reuses it.

Each of the graded queries (bench/quality/queries.tsv) is timed as:
- "aibrief": SearchIndex.search with everything /api/search has on (concept expansion,
  coverage ranking, related terms, facets, actor facets, did-you-mean when little is found),
  then the contract's JSON of its first page (each hit's citation included);
- "whoosh": the query's analysed words ANDed in the `content` field, Whoosh's own searcher
  with BM25F, the first 10 hits and their stored fields: the baseline.
"first" is each query's first run after the index is opened (postings read from disk,
citations rendered by citeproc); p50/p95/max are warm (ROUNDS further passes, the citations
then remembered). The ratio is aibrief's warm p95 over the baseline's, in the same run.
Once the index is open the process is readied as a server readies its own at startup
(index.ready_to_serve: the search modules imported, every object alive then frozen out of
the garbage collector's full collections); --unfrozen leaves that out, as before it was done.
On a machine other processes keep busy, --clock cpu times this process's CPU instead of the
wall clock (a search runs on one thread, so on an idle machine the two agree). A search skips
its related terms and did-you-mean once it has run index.request_limits' time budget, which a
busy machine can reach.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from whoosh import query as whoosh_query

from archive.contract import search_json
from archive.search_query import SearchQuery
from bench.corpus import corpus_folder
from bench.graded_queries import load_queries
from bench.search_latency import by_issue
from bench.search_quality import corpus_articles
from extract.model import Article
from index import SearchIndex, analysis, derive_actors, full_build, ready_to_serve
from index.bm25 import weighting
from index.documents import analysed_texts, article_fields

ROUNDS = 3
TARGETS_MS = {10_000: 10.0, 100_000: 50.0}  # warm p95, issue 10


MONTHS = [f"{year}-{month:02d}" for year in range(2000, 2027) for month in range(1, 13)]


def copies(articles: list[Article], count: int) -> list[Article]:
    """`count` copies of the articles, round-robin, each under a month and page of its own."""
    made = []
    for n in range(count):
        issue, page = MONTHS[n % len(MONTHS)], n // len(MONTHS) + 1
        made.append(
            replace(articles[n % len(articles)], id=f"{issue}-{page:02d}", issue=issue, page=page)
        )
    return made


def remember_analyses(articles: Iterable[Article]) -> None:
    """Analyse the articles' texts once and answer every later batch of the same texts from
    that (forked build workers inherit it); texts not seen go to Kiwi as usual."""
    original = analysis.analyze_many
    texts = [t for a in articles for t in analysed_texts(article_fields(a, ""))]
    known = original(texts)

    def analyze_many(batch: Iterable[str]) -> dict:
        batch = [t for t in dict.fromkeys(batch) if t.strip()]
        missing = [t for t in batch if t not in known]
        if missing:
            known.update(original(missing))
        return {t: known[t] for t in batch}

    analysis.analyze_many = analyze_many
    full_build.analyze_many = analyze_many


def built(directory: Path, articles: list[Article]) -> tuple[SearchIndex, float | None]:
    """The index of the articles in `directory` (reused when it holds them), and the seconds
    its build took (None when reused)."""
    index = SearchIndex.open(directory)
    if not index.needs_rebuild() and index.doc_count() == len(articles):
        return index, None
    started = time.perf_counter()
    index.rebuild((issue, batch, issue) for issue, batch in by_issue(articles).items())
    return index, time.perf_counter() - started


def aibrief_search(index: SearchIndex) -> Callable[[str], object]:
    """What /api/search computes for q: the search and the contract's JSON of it."""

    def run(q: str) -> object:
        return search_json(SearchQuery(q=q), index.search(q))

    return run


def whoosh_search(index: SearchIndex) -> Callable[[str], object]:
    """The baseline: the analysed words ANDed, Whoosh's searcher, BM25F, 10 hits."""
    searcher = index._fresh().searcher(weighting=weighting())

    def run(q: str) -> object:
        words = sorted({t.text for t in analysis.analyze(analysis.normalize(q))})
        wanted = whoosh_query.And([whoosh_query.Term("content", w) for w in words])
        return [hit.fields() for hit in searcher.search(wanted, limit=10)]

    return run


def real_articles(name: str) -> tuple[list[Article], list[str]] | None:
    """The real issues' articles, their actors derived and their analyses remembered (see
    remember_analyses), and the graded queries' texts; None, said why, without a corpus."""
    corpus = corpus_folder(name)
    if corpus is None:
        return None
    real = list(derive_actors([a for b in corpus_articles(corpus).values() for a in b]))
    remember_analyses(real)
    return real, [q.text for q in load_queries()]


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def timed(run: Callable[[str], object], queries: list[str], rounds: int, clock) -> dict:
    """Each query's first run, then `rounds` warm passes: milliseconds on `clock`."""

    def once(q: str) -> float:
        started = clock()
        run(q)
        return (clock() - started) * 1000

    first = sorted(once(q) for q in queries)
    warm = sorted(once(q) for _ in range(rounds) for q in queries)
    return {
        "first_p95": percentile(first, 0.95),
        "p50": statistics.median(warm),
        "p95": percentile(warm, 0.95),
        "max": warm[-1],
    }


def percentile(ordered: list[float], share: float) -> float:
    return ordered[int(share * (len(ordered) - 1))]


def measure(articles: list[Article], queries: list[str], directory: Path, args) -> str:
    index, build_seconds = built(directory, articles)
    if not args.unfrozen:
        ready_to_serve()
    clock = CLOCKS[args.clock]
    baseline = timed(whoosh_search(index), queries, args.rounds, clock)
    ours = timed(aibrief_search(index), queries, args.rounds, clock)
    target = TARGETS_MS.get(len(articles))
    build = "reused" if build_seconds is None else f"{build_seconds:.0f}"
    return (
        f"{len(articles):8d} {build:>7} {index.size_bytes() / 1e6:8.0f}"
        f" {baseline['p50']:7.1f} {baseline['p95']:7.1f} {baseline['max']:7.1f}"
        f" {ours['p50']:7.1f} {ours['p95']:7.1f} {ours['max']:7.1f} {ours['first_p95']:9.1f}"
        f" {ours['p95'] / baseline['p95']:6.1f}"
        f" {'' if target is None else f'{target:.0f}':>6}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="archive sizes, comma-separated")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) each size's index in DIR/SIZE")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="warm passes over the queries")
    parser.add_argument(
        "--clock",
        choices=CLOCKS,
        default="wall",
        help="wall-clock time, or this process's CPU time (on a busy machine)",
    )
    parser.add_argument(
        "--unfrozen",
        action="store_true",
        help="leave out the server's startup freeze of long-lived objects (ready_to_serve)",
    )
    args = parser.parse_args()
    loaded = real_articles("api_latency")
    if loaded is None:
        return 2
    real, queries = loaded
    sizes = [len(real)] + [int(n) for n in args.sizes.split(",") if n]
    print(
        f"{len(queries)} queries; warm: {args.rounds} passes after a first one;"
        f" ms of {args.clock} time"
    )
    print(
        "articles build s index MB  whoosh p50   p95     max aibrief p50  p95     max"
        " first p95  ratio target"
    )
    for size in sizes:
        articles = copies(real, size)
        if args.keep:
            line = measure(articles, queries, args.keep / str(size), args)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                line = measure(articles, queries, Path(tmp), args)
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
