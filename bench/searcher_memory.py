"""Memory a burst of concurrent searches leaves held, in units of one open searcher.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.searcher_memory [--size 10000]
        [--threads 24] [--keep DIR]

The archive is bench.api_latency's (the real issues' articles copied round-robin to --size
articles; --keep DIR keeps and reuses the index in DIR/SIZE). Once the index is open and one
search has run, the bench opens one more searcher on its own and counts the anonymous memory
(RssAnon) that costs: the unit, measured in this run. Then --threads threads, as the web
server's request threads, each search every graded query once, --slots of them at a time as
the server's compute gate lets them (webui/compute_gate.COMPUTING). Printed: the unit, the
anonymous memory the burst added, that growth in units, and the searchers the index then holds
open. A searcher for each thread that ever searched holds about one unit a thread; searchers
lent to reading blocks (index/searchers.py) hold about as many as the slots.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from pathlib import Path

from bench.api_latency import built, copies, real_articles
from index import SearchIndex
from index.bm25 import weighting

COMPUTING = 2  # as webui.compute_gate.COMPUTING; a bench does not import the web


def anonymous_bytes() -> int:
    """This process's resident anonymous memory (Linux: /proc/self/status, RssAnon)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no RssAnon in /proc/self/status (Linux only)")


def one_searcher_bytes(index: SearchIndex) -> int:
    """What opening one more searcher on the index costs in anonymous memory."""
    before = anonymous_bytes()
    searcher = index._fresh().searcher(weighting=weighting())
    opened = anonymous_bytes() - before
    searcher.close()
    return opened


def burst(index: SearchIndex, queries: list[str], threads: int, slots: int) -> None:
    """Each of `threads` threads searches every query once, `slots` threads at a time."""
    gate = threading.BoundedSemaphore(slots)

    def work() -> None:
        for q in queries:
            with gate:
                index.search(q)

    started = [threading.Thread(target=work) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()


def measure(index: SearchIndex, queries: list[str], threads: int, slots: int) -> str:
    index.search(queries[0])  # the modules a search imports, and the first searcher
    unit = one_searcher_bytes(index)
    before = anonymous_bytes()
    burst(index, queries, threads, slots)
    grown = anonymous_bytes() - before
    held = index._searchers.open_count() if index._searchers is not None else 0
    return (
        f"{index.doc_count():8d} {unit / 1e6:9.0f} {grown / 1e6:9.0f}"
        f" {grown / max(unit, 1):7.1f} {held:9d}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="articles in the archive")
    parser.add_argument("--threads", type=int, default=24, help="threads searching")
    parser.add_argument("--slots", type=int, default=COMPUTING, help="threads searching at once")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the index in DIR/SIZE")
    args = parser.parse_args()
    loaded = real_articles("searcher_memory")
    if loaded is None:
        return 2
    real, queries = loaded
    articles = copies(real, args.size)
    print(f"{len(queries)} queries a thread, {args.threads} threads, {args.slots} at a time")
    print("articles searcher MB  burst MB  growth in searchers  open")
    if args.keep:
        index, _ = built(args.keep / str(args.size), articles)
        print(measure(index, queries, args.threads, args.slots), flush=True)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            index, _ = built(Path(tmp), articles)
            print(measure(index, queries, args.threads, args.slots), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
