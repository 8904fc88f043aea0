"""How fast the actor listing answers at 10,000 articles (target: /actors within 50 ms warm).

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.actors_latency [--articles N]

The real issues' articles, their actors derived, are copied under made-up issue months until
there are N of them; the listing is built once (as the archive does when an issue changes), then
each request is timed warm, median of REPEAT runs: every actor, each filter, and one actor's page.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace

from archive.actor_listing import ActorFilter, ActorListing
from bench.corpus import corpus_folder
from extract import extract_issue
from index import derive_actors

REPEAT = 21
TARGET_MS = 50.0


def copies(articles: list, wanted: int) -> list:
    """The articles again and again, each copy under a month of its own, up to `wanted`."""
    out = []
    month = 0
    while len(out) < wanted:
        year, number = 2000 + month // 12, month % 12 + 1
        issue = f"{year}-{number:02d}"
        for a in articles:
            out.append(replace(a, id=f"{issue}-{a.page:02d}", issue=issue))
        month += 1
    return out[:wanted]


def median_ms(call) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    folder = corpus_folder("actors_latency")
    if folder is None:
        return 1
    wanted = int(argv[argv.index("--articles") + 1]) if "--articles" in argv else 10_000
    real = [a for pdf in sorted(folder.glob("*.pdf")) for a in extract_issue(pdf).articles]
    articles = copies(list(derive_actors(real)), wanted)
    start = time.perf_counter()
    listing = ActorListing(articles)
    print(f"{len(articles)} articles; listing built in {(time.perf_counter() - start):.2f} s")
    cases = {
        "every actor (top 100)": lambda: listing.top(ActorFilter(), 100),
        "year": lambda: listing.top(ActorFilter(year=2005), 100),
        "country": lambda: listing.top(ActorFilter(country="US"), 100),
        "kind + section": lambda: listing.top(
            ActorFilter(section="정책/법제", kind="government"), 100
        ),
        "one actor's page": lambda: listing.profile("오픈AI"),
    }
    worst = 0.0
    for name, call in cases.items():
        ms = median_ms(call)
        worst = max(worst, ms)
        print(f"  {name:<24} {ms:7.1f} ms")
    print(f"worst {worst:.1f} ms against a target of {TARGET_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
