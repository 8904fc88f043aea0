"""Hostile requests against a served archive: the probe's denial-of-service set, on loopback.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.dos_bench [--rounds 12] [--seconds 20]
        [--home DIR]

Ingests the real issues into a temporary home (or uses --home), serves it under waitress as
`aibrief serve` does, with the result cache off (each request below is new words anyway, as an
attacker's would be, so no answer comes from a cache), and measures:

1. each kind of request of the probe's set, one client, `--rounds` times each, interleaved
   with the baseline request `/api/search?q=반도체`: hundreds of unknown words (did you mean),
   prefix and fuzzy terms (`aa*`, `ab~9`), a long phrase, one word of 500 letters, and the
   unknown words through the search page, the article page and its page image;
2. `/api/help` from one client while 8 clients send the worst kind of step 1 as fast as they
   are answered, against `/api/help` alone on the idle server.

Prints a table (p50/p95/max per kind, ms) and one JSON line with every p95 and max as a ratio
to the baseline's p95, and the help latency under attack as a ratio to the idle one's, and
whether the targets are met: every hostile request (its max) answers in 1 s, and help under
attack in 100 ms (its p95; its max is printed beside). Exit status 1 if any request failed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import string
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from bench.load_bench import HOST, build_home, free_port, percentile, start_server

BASELINE = "/api/search?q=" + quote("반도체")
MAX_CHARS = 500  # the longest query the web takes
REQUEST_TARGET_MS = 1000.0
HELP_TARGET_MS = 100.0
# Common words of the domain (not text of the issues), for a long phrase that reads postings.
PHRASE_WORDS = ("인공지능", "기술", "개발", "데이터", "모델", "정부", "기업", "AI", "발표")


def filled(make, rng: random.Random, joiner: str = " ") -> str:
    """Words from `make(rng)` joined until the next would pass MAX_CHARS."""
    words: list[str] = []
    while len(joiner.join([*words, probe := make(rng)])) <= MAX_CHARS:
        words.append(probe)
    return joiner.join(words)


def unknown(rng: random.Random) -> str:
    return "x" + "".join(rng.choices(string.ascii_lowercase, k=2))


def queries(rng: random.Random) -> dict[str, str]:
    """One fresh query of each hostile kind (new words each time)."""
    letters = string.ascii_lowercase
    return {
        "unknown words": filled(unknown, rng),
        "16 unknown words": " ".join(unknown(rng) for _ in range(16)),
        "prefix terms": filled(lambda r: "".join(r.choices(letters, k=2)) + "*", rng),
        "fuzzy terms": filled(lambda r: "".join(r.choices(letters, k=2)) + "~9", rng),
        "long phrase": '"' + filled(lambda r: r.choice(PHRASE_WORDS), rng)[: MAX_CHARS - 2] + '"',
        "one long word": "".join(rng.choices(letters, k=MAX_CHARS)),
    }


def requests(rng: random.Random, article: str) -> dict[str, str]:
    """One request of each kind: the API with each hostile query, and the worst words through
    the search page, the article page and its page image."""
    asked = queries(rng)
    paths = {f"api {kind}": f"/api/search?q={quote(q)}" for kind, q in asked.items()}
    words = quote(asked["unknown words"])
    paths["search page, unknown words"] = f"/?q={words}"
    paths["article page, unknown words"] = f"/articles/{article}?q={words}"
    paths["page image, unknown words"] = f"/articles/{article}/page.png?q={words}"
    return paths


def timed_get(connection: http.client.HTTPConnection, path: str) -> tuple[float, int]:
    """(milliseconds, status) of one GET on a keep-alive connection."""
    start = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return (time.perf_counter() - start) * 1000, response.status


def one_client(port: int, rounds: int, article: str) -> tuple[dict[str, list[float]], list[str]]:
    """Step 1: each kind `rounds` times, each round led by the baseline request."""
    rng = random.Random(16)
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    for _ in range(rounds):
        for kind, path in {"baseline": BASELINE, **requests(rng, article)}.items():
            ms, status = timed_get(connection, path)
            latencies.setdefault(kind, []).append(ms)
            if status != 200:
                errors.append(f"{status} {kind}")
    connection.close()
    return latencies, errors


def attacker(port: int, kind: str, article: str, deadline: float, seed: int, results) -> None:
    """Send fresh requests of one kind until the deadline; put (latencies, errors) on results."""
    rng, latencies, errors = random.Random(seed), [], []
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    while time.monotonic() < deadline:
        ms, status = timed_get(connection, requests(rng, article)[kind])
        latencies.append(ms)
        if status != 200:
            errors.append(f"{status} {kind}")
    connection.close()
    results.put((latencies, errors))


def help_latencies(port: int, seconds: float) -> list[float]:
    """/api/help, a new connection each time (as a new visitor), every 50 ms for `seconds`."""
    found, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection(HOST, port, timeout=120)
        ms, status = timed_get(connection, "/api/help")
        connection.close()
        if status != 200:
            raise SystemExit(f"/api/help answered {status}")
        found.append(ms)
        time.sleep(0.05)
    return found


def under_attack(port: int, kind: str, article: str, clients: int, seconds: float):
    """Step 2: help's latencies while `clients` processes send `kind`; and theirs."""
    context = multiprocessing.get_context("fork")
    results = context.SimpleQueue()
    deadline = time.monotonic() + seconds + 2
    attackers = [
        context.Process(target=attacker, args=(port, kind, article, deadline, n, results))
        for n in range(clients)
    ]
    for process in attackers:
        process.start()
    time.sleep(2)  # every attacker has a request in flight
    helped = help_latencies(port, seconds)
    hostile: list[float] = []
    errors: list[str] = []
    for _ in attackers:
        latencies, failed = results.get()
        hostile += latencies
        errors += failed
    for process in attackers:
        process.join()
    return helped, hostile, errors


def row(kind: str, values: list[float]) -> str:
    return (
        f"  {kind:<30}{len(values):>5}{percentile(values, 50):>10.1f}"
        f"{percentile(values, 95):>10.1f}{max(values):>10.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=12, help="requests of each kind, step 1")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the attack")
    parser.add_argument("--clients", type=int, default=8, help="hostile clients in step 2")
    parser.add_argument("--home", type=Path, help="an archive home to use instead of a fresh one")
    args = parser.parse_args(argv)
    corpus = os.environ.get("AIBRIEF_CORPUS")
    if not corpus and not args.home:
        print("AIBRIEF_CORPUS is not set: the DoS bench needs the real issues", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-dos-") as scratch:
        home = args.home or Path(scratch) / "home"
        ids, _ = build_home(Path(corpus) if corpus else None, home)
        port = free_port()
        server = start_server(home, port, 1, 0, Path(scratch) / "server.log")
        try:
            one_client(port, 1, ids[0])  # warm: Kiwi, templates, the spelling index
            latencies, errors = one_client(port, args.rounds, ids[0])
            idle_help = help_latencies(port, 3)
            hostile = {k: v for k, v in latencies.items() if k != "baseline"}
            worst = max(hostile, key=lambda k: percentile(hostile[k], 95))
            helped, attacked, failed = under_attack(port, worst, ids[0], args.clients, args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)
    errors += failed
    base_p95 = percentile(latencies["baseline"], 95)
    print(f"  {'kind (one client)':<30}{'n':>5}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for kind, values in latencies.items():
        print(row(kind, values))
    print(f"  {'/api/help, idle':<30}{len(idle_help):>5}", row("", idle_help)[37:])
    print(f"under {args.clients} clients sending {worst!r}:")
    print(row("/api/help", helped))
    print(row(worst, attacked))
    for error in sorted(set(errors))[:10]:
        print(f"  error: {error}")
    slowest = max(max(v) for v in hostile.values())
    summary = {
        "bench": "dos",
        "articles": len(ids),
        "baseline_p95_ms": round(base_p95, 1),
        "by_kind": {
            kind: {
                "p95_ms": round(percentile(v, 95), 1),
                "max_ms": round(max(v), 1),
                "p95_ratio": round(percentile(v, 95) / base_p95, 1),
                "max_ratio": round(max(v) / base_p95, 1),
            }
            for kind, v in hostile.items()
        },
        "attack": {
            "kind": worst,
            "clients": args.clients,
            "help_p95_ms": round(percentile(helped, 95), 1),
            "help_max_ms": round(max(helped), 1),
            "idle_help_p95_ms": round(percentile(idle_help, 95), 1),
            "help_p95_ratio_to_idle": round(percentile(helped, 95) / percentile(idle_help, 95), 1),
            "hostile_p95_ms": round(percentile(attacked, 95), 1),
            "hostile_requests": len(attacked),
        },
        "slowest_hostile_ms": round(slowest, 1),
        "targets_met": slowest <= REQUEST_TARGET_MS and percentile(helped, 95) <= HELP_TARGET_MS,
        "errors": len(errors),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
