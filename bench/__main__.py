"""Run every benchmark in turn: `python -m bench` (the real issues come from AIBRIEF_CORPUS)."""

from __future__ import annotations

import subprocess
import sys

BENCHMARKS = (
    "bench.extract_bench",
    "bench.generic_layout",
    "bench.ingest_bench",
    "bench.bulk_bench",
    "bench.bulk_stages",
    "bench.ingest_timeline",
    "bench.search_quality",
    "bench.search_latency",
    "bench.api_latency",
    "bench.searcher_memory",
    "bench.cold_search",
    "bench.load_bench",
    "bench.dos_bench",
    "bench.actor_quality",
    "bench.actors_latency",
    "bench.page_images",
    "bench.actors_cost",
)


def main() -> int:
    """Run each benchmark as its own process so that one's memory does not colour the next."""
    failed = []
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        if subprocess.call([sys.executable, "-m", name]) != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
