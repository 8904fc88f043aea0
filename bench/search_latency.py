"""Search latency and indexing speed at the corpus size and at synthetic 10,000 (and, if
asked, 100,000) articles, with Kiwi's bare tokenizing rate as the bound.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.search_latency [--sizes 10000,100000]

Synthetic articles recombine the real issues' titles and sentences in memory (nothing is
written to the repository); they spread over 96 monthly issues and the four sections.
"p50/p95" are warm (each query's second and later runs); "first" is each query's first run
after the index is opened, when its terms' postings are still read from disk.

The bound, "kiwi", is bare Kiwi in this process: one batch over the same texts, on Kiwi's two
threads (both cores), run before indexing and again after; the rate is their mean, as this
machine's speed drifts by a fifth over minutes ("kiwi spread" is how far the two runs were
apart). --repeat N indexes each size N times, each run between two runs of the bound, and
reports the median run ("all ratios" lists every run's). Indexing a million characters or
more runs in two worker processes, each with its own Kiwi (one thread) writing its own
segments. CPU seconds count this process and its workers; peak RSS is this process and,
apart, the largest worker. 100,000 articles take about 40 minutes (bound twice and indexing
once): pass --sizes 100000 to run it, with --keep DIR to keep the index and time queries on
it again later with --reuse DIR/100000.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.corpus import corpus_folder
from bench.graded_queries import load_queries
from bench.search_quality import corpus_articles
from extract.model import SECTIONS, Article, BodySection, Bullet
from index import SearchIndex
from index.analysis import tokenize_only
from index.documents import analysed_texts, article_fields

ROUNDS = 3  # timed passes over the query set, after a first pass (also timed, separately)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or of its largest child) so far, in MB."""
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def synthetic(articles: list[Article], count: int, seed: int = 7) -> list[Article]:
    """`count` articles made of the real ones' titles, KEY Contents and bullets, reshuffled."""
    rng = random.Random(seed)
    bullets = [b for a in articles for s in a.body for b in s.bullets]
    keys = [k for a in articles for k in a.key_contents]
    issues = [f"{y}-{m:02d}" for y in range(2019, 2027) for m in range(1, 13)]
    made = []
    for n in range(count):
        issue = issues[n % len(issues)]
        page = n // len(issues) + 1
        template = rng.choice(articles)
        body = tuple(
            BodySection(s.heading, tuple(rng.sample(bullets, len(s.bullets))))
            for s in template.body
        )
        made.append(
            replace(
                template,
                id=f"{issue}-{page:02d}",
                issue=issue,
                page=page,
                section=SECTIONS[n % len(SECTIONS)],
                key_contents=tuple(rng.sample(keys, 2)),
                body=body or (BodySection("", (Bullet(rng.choice(bullets).text),)),),
                text="",
            )
        )
    return [replace(a, text="") for a in made]


def by_issue(articles: list[Article]) -> dict[str, list[Article]]:
    """Issue -> its articles."""
    grouped: dict[str, list[Article]] = {}
    for article in articles:
        grouped.setdefault(article.issue, []).append(article)
    return grouped


def analysed_chars(articles: list[Article]) -> tuple[list[str], int]:
    """The texts the analyzer sees for these articles, and their length in characters.

    Indexing analyses each distinct text of an issue once (synthetic articles of one issue
    share some titles and sources), so the bound gets exactly those texts too."""
    texts = []
    for batch in by_issue(articles).values():
        fields = (t for a in batch for t in analysed_texts(article_fields(a, "")) if t.strip())
        texts.extend(dict.fromkeys(fields))
    return texts, sum(len(t) for t in texts)


def bare_kiwi(texts: list[str]) -> tuple[float, float]:
    """Seconds and CPU seconds for Kiwi alone over the texts, in one batch."""
    started, cpu = time.perf_counter(), cpu_seconds()
    tokenize_only(texts)
    return time.perf_counter() - started, cpu_seconds() - cpu


def time_queries(index: SearchIndex, queries: list[str]) -> dict:
    """Each query's first run, then ROUNDS warm passes over them all: p50 and p95 in ms."""
    first = []  # each query's first run: its terms' postings are read from disk
    for query in queries:
        started = time.perf_counter()
        index.search(query)
        first.append((time.perf_counter() - started) * 1000)
    first.sort()
    timings = []
    for _ in range(ROUNDS):
        for query in queries:
            started = time.perf_counter()
            index.search(query)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "first_p50": statistics.median(first),
        "first_p95": first[int(0.95 * (len(first) - 1))],
        "p50": statistics.median(timings),
        "p95": timings[int(0.95 * (len(timings) - 1))],
    }


def reuse(directory: Path, queries: list[str]) -> int:
    """Time the queries against an index kept by an earlier --keep run."""
    index = SearchIndex.open(directory)
    r = time_queries(index, queries)
    print(
        f"{index.doc_count()} articles in {directory}: p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f}"
        f" ms, first p50 {r['first_p50']:.1f} ms, first p95 {r['first_p95']:.1f} ms,"
        f" peak RSS {peak_rss_mb():.0f} MB"
    )
    return 0


def measure(articles: list[Article], queries: list[str], directory: Path, repeat: int) -> dict:
    """Index the articles `repeat` times, each between two runs of the bound, then time warm
    searches; returns the figures (the rates and ratio are the median run's)."""
    texts, chars = analysed_chars(articles)
    tokenize_only(["모델을 불러 둔다"])  # Kiwi loads once per process; not part of the rate
    bounds = [bare_kiwi(texts)]
    runs = []
    index = SearchIndex.open(directory)
    for _ in range(repeat):
        started, cpu = time.perf_counter(), cpu_seconds()
        index.rebuild((issue, batch, issue) for issue, batch in by_issue(articles).items())
        seconds, index_cpu = time.perf_counter() - started, cpu_seconds() - cpu
        bounds.append(bare_kiwi(texts))
        kiwi_seconds = (bounds[-2][0] + bounds[-1][0]) / 2
        runs.append(
            {
                "kiwi_rate": chars / kiwi_seconds,
                "kiwi_spread": abs(bounds[-2][0] - bounds[-1][0]) / kiwi_seconds,
                "index_rate": chars / seconds,
                "index_seconds": seconds,
                "kiwi_cpu": bounds[-2][1],
                "index_cpu": index_cpu,
                "ratio": kiwi_seconds / seconds,
            }
        )
    runs.sort(key=lambda run: run["ratio"])
    latency = time_queries(index, queries)
    return {
        "articles": len(articles),
        "chars": chars,
        **runs[len(runs) // 2],
        "ratios": [run["ratio"] for run in runs],
        "load": os.getloadavg()[0],
        **latency,
        "size_mb": index.size_bytes() / 1e6,
        "rss_mb": peak_rss_mb(),
        "worker_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000", help="synthetic sizes, comma-separated")
    parser.add_argument("--keep", type=Path, help="build each size's index in DIR/SIZE and keep it")
    parser.add_argument("--reuse", type=Path, help="only time the queries on a kept index")
    parser.add_argument(
        "--repeat", type=int, default=1, help="index each size N times; report the median ratio"
    )
    args = parser.parse_args()
    if args.reuse:
        return reuse(args.reuse, [q.text for q in load_queries()])
    corpus = corpus_folder("search_latency")
    if corpus is None:
        return 2
    real = [a for batch in corpus_articles(corpus).values() for a in batch]
    queries = [q.text for q in load_queries()]
    print(f"{len(queries)} queries x {ROUNDS} rounds (warm); bare Kiwi: 2 threads, one batch")
    header = "articles   chars(M)  kiwi kc/s  index kc/s  ratio  index s  p50 ms  p95 ms"
    header += "  first p50  first p95  index MB  peak RSS MB  worker RSS MB"
    print(header + "  kiwi cpu s  index cpu s  load  kiwi spread  all ratios")
    sets = [real] + [synthetic(real, int(n)) for n in args.sizes.split(",") if n]
    for articles in sets:
        if args.keep:
            r = measure(articles, queries, args.keep / str(len(articles)), args.repeat)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                r = measure(articles, queries, Path(tmp), args.repeat)
        print(
            f"{r['articles']:8d} {r['chars'] / 1e6:9.1f} {r['kiwi_rate'] / 1e3:10.0f}"
            f" {r['index_rate'] / 1e3:11.0f} {r['ratio']:6.2f}"
            f" {r['index_seconds']:8.1f} {r['p50']:7.1f} {r['p95']:7.1f}"
            f" {r['first_p50']:10.1f} {r['first_p95']:10.1f}"
            f" {r['size_mb']:9.1f} {r['rss_mb']:12.0f} {r['worker_rss_mb']:14.0f}"
            f" {r['kiwi_cpu']:11.1f} {r['index_cpu']:12.1f} {r['load']:5.1f}"
            f" {r['kiwi_spread']:11.0%}  {' '.join(f'{x:.2f}' for x in r['ratios'])}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
