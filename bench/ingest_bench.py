"""Ingest throughput of the real issues, with 1 and 2 workers, and the cost of a re-ingest.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.ingest_bench [--repeat 3]

Each round ingests every PDF of the corpus into a fresh archive home, once with one worker
and once with two (interleaved, so a busy machine slows both alike), then ingests the same
files again (all unchanged, so all skipped). The workers' stage (extraction and the schema
check; the actors are derived by the ingesting process) is also timed alone in a pool of 1
and of 2 workers, to separate its parallel speed-up from the indexing. The baseline, read in
the same run, is the extraction alone: `extract_issue` over every file in this process, with
no catalog, no copies and no index. A warm-up ingest loads the Korean analyzer before
anything is timed. Times are medians; prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from archive import Archive
from archive.extraction import ExtractionWorkers
from archive.ingest import extract_with_parser
from bench.corpus import corpus_folder
from extract import extract_issue, file_sha256


def timed(function, *args, **kwargs) -> tuple[float, object]:
    """Seconds a call took, and what it returned."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def extract_all(paths: list[Path]) -> int:
    """The baseline: extract every file in this process; the number of articles."""
    return sum(len(extract_issue(path).articles) for path in paths)


def pool_extract(paths: list[Path], workers: int) -> int:
    """The workers' stage alone (extraction and the schema check), in worker processes as
    ingest runs it, each file hashed first by this process as ingest hashes it; the article
    count."""
    hashes = [file_sha256(path) for path in paths]
    pool = ExtractionWorkers(extract_with_parser, paths, hashes, workers, None)
    try:
        return sum(len(done.issue.articles) for done in pool.in_order())
    finally:
        pool.stop()


def ingest_round(paths: list[Path], workers: int, scratch: Path) -> dict[str, float]:
    """One fresh-home ingest with `workers`, then the all-unchanged re-ingest; seconds each."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    archive = Archive(home)
    first, report = timed(archive.ingest, paths, workers=workers)
    assert report.ok and report.count("added") == len(paths), report.to_json()
    archive.close()
    archive = Archive(home)  # a re-ingest is a new `aibrief ingest` process
    again, report = timed(archive.ingest, paths, workers=workers)
    assert report.count("skipped") == len(paths), report.to_json()
    archive.close()
    return {"ingest": first, "reingest": again}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark over every PDF of AIBRIEF_CORPUS."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    corpus = corpus_folder("ingest_bench")
    if corpus is None:
        return 2
    paths = sorted(corpus.glob("*.pdf"))
    with tempfile.TemporaryDirectory(prefix="aibrief-ingest-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        ingest_round(paths, 2, scratch)  # warm-up: the analyzer and dictionaries load once
        runs: dict[str, list[float]] = {
            kind: [] for kind in ("extract", "pool1", "pool2", "w1", "w2", "re1", "re2")
        }
        articles = 0
        for _ in range(args.repeat):
            seconds, articles = timed(extract_all, paths)
            runs["extract"].append(seconds)
            for workers in (1, 2):
                runs[f"pool{workers}"].append(timed(pool_extract, paths, workers)[0])
            for workers in (1, 2):
                times = ingest_round(paths, workers, scratch)
                runs[f"w{workers}"].append(times["ingest"])
                runs[f"re{workers}"].append(times["reingest"])
    median = {kind: statistics.median(times) for kind, times in runs.items()}
    issues = len(paths)
    print(f"{issues} issues, {articles} articles; medians of {args.repeat} rounds")
    print(f"{'run':<28}{'seconds':>9}{'issues/s':>10}{'articles/s':>12}{'ratio':>8}")
    rows = [
        ("extract only (baseline)", "extract"),
        ("worker stage, 1 worker", "pool1"),
        ("worker stage, 2 workers", "pool2"),
        ("ingest, 1 worker", "w1"),
        ("ingest, 2 workers", "w2"),
        ("re-ingest unchanged, 1", "re1"),
        ("re-ingest unchanged, 2", "re2"),
    ]
    for label, kind in rows:
        seconds = median[kind]
        ratio = seconds / median["extract"]
        print(
            f"{label:<28}{seconds:9.3f}{issues / seconds:10.2f}{articles / seconds:12.1f}"
            f"{ratio:8.2f}"
        )
    print(
        f"speed-up of 2 workers over 1: extraction {median['pool1'] / median['pool2']:.2f}x, "
        f"ingest {median['w1'] / median['w2']:.2f}x"
    )
    print(
        json.dumps(
            {
                "benchmark": "ingest",
                "issues": issues,
                "articles": articles,
                "repeat": args.repeat,
                "median_seconds": {k: round(v, 4) for k, v in median.items()},
                "issues_per_second": {
                    "workers_1": round(issues / median["w1"], 3),
                    "workers_2": round(issues / median["w2"], 3),
                },
                "articles_per_second": {
                    "workers_1": round(articles / median["w1"], 2),
                    "workers_2": round(articles / median["w2"], 2),
                },
                "ratio_ingest_1_vs_extract": round(median["w1"] / median["extract"], 3),
                "ratio_ingest_2_vs_extract": round(median["w2"] / median["extract"], 3),
                "ratio_reingest_vs_ingest_1": round(median["re1"] / median["w1"], 4),
                "speedup_2_workers": round(median["w1"] / median["w2"], 3),
                "speedup_2_workers_extraction": round(median["pool1"] / median["pool2"], 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
