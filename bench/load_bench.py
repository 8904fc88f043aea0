"""The search page under load: 8 concurrent clients against waitress, on loopback only.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.load_bench [--seconds 20] [--clients 8]

Ingests the real issues into a temporary home (or uses --home), then serves the app under
waitress in its own process on a free 127.0.0.1 port, warms it up, and runs timed phases with the
same clients, each bounded in time and in requests: a baseline of a static file (what waitress,
the sockets and the machine cost on their own), then the mix a researcher makes (searches with
filters, sorts and pages, article pages, issue pages, the JSON API, PDF page images) twice: as
served (search answers cached until the archive changes) and with the result cache off, so
every search is computed. Prints a table (p50/p95/max per kind, errors) and one JSON line, with
p95 as a ratio to the baseline's.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from archive import Archive

HOST = "127.0.0.1"
QUERIES = (
    "규제",
    "AI 규제",
    "오픈AI",
    "OpenAI",
    "딥페이크",
    "저작권 소송",
    "반도체",
    "일자리",
    "AI 안전연구소",
    '"생성 AI"',
    "section:정책 AI",
    "issue:2024-01..2024-12 모델",
    "AI가 일자리에 미치는 영향은?",
    "구글 OR 마이크로소프트",
    "엔비디아 -칩",
)
FILTERS = ("", "&section=정책/법제", "&sort=newest", "&page=2", "&year=2024", "&section=기업/산업")


@dataclass
class Tally:
    """Latencies (ms) by kind of request, and what went wrong."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, error: str | None) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(ms)
            if error:
                self.errors.append(error)

    def all(self) -> list[float]:
        return [ms for values in self.latencies.values() for ms in values]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of values, 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def mix(article_ids: list[str], issues: list[str], rng: random.Random) -> tuple[str, str]:
    """One request of the researcher's mix: (kind, path)."""
    roll = rng.random()
    q = quote(rng.choice(QUERIES))
    filters = quote(rng.choice(FILTERS), safe="&=/")
    if roll < 0.35:
        return "search page", f"/?q={q}{filters}"
    if roll < 0.55:
        return "api search", f"/api/search?q={q}{filters}"
    if roll < 0.75:
        return "article page", f"/articles/{rng.choice(article_ids)}?q={q}"
    if roll < 0.85:
        return "api article", f"/api/articles/{rng.choice(article_ids)}"
    if roll < 0.93:
        return "issue pages", rng.choice(
            ["/issues", "/api/issues", *(f"/issues/{i}" for i in issues)]
        )
    # Images of a few pages only, as readers concentrate on the articles they found.
    return "page image", f"/articles/{rng.choice(article_ids[:12])}/page.png?q={quote('AI')}"


def client(port: int, pick, deadline: float, budget: list[int], tally: Tally, seed: int) -> None:
    """One keep-alive client sending requests until the deadline or the shared budget runs out."""
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    while time.perf_counter() < deadline:
        with tally.lock:
            if budget[0] <= 0:
                break
            budget[0] -= 1
        kind, path = pick(rng)
        start = time.perf_counter()
        error = None
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                error = f"{response.status} {path}"
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__} {path}"
            connection.close()
            connection = http.client.HTTPConnection(HOST, port, timeout=30)
        tally.add(kind, (time.perf_counter() - start) * 1000, error)
    connection.close()


def run_phase(
    port: int, pick, clients: int, seconds: float, max_requests: int
) -> tuple[Tally, float]:
    """Run `clients` threads for at most `seconds` and `max_requests`; the tally and wall time."""
    tally, budget = Tally(), [max_requests]
    start = time.perf_counter()
    threads = [
        threading.Thread(target=client, args=(port, pick, start + seconds, budget, tally, n))
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


SERVER = """
import sys, waitress
from webui import create_app
from webui.serving import THREADS
home, port, cache = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
app = create_app({"AIBRIEF_HOME": home, "RESULT_CACHE": cache})
waitress.serve(app, host="127.0.0.1", port=port, threads=THREADS)
"""


def start_server(home: Path, port: int, cache: int, log: Path) -> subprocess.Popen:
    """The app under waitress in its own process, so the clients' threads do not share its GIL."""
    command = [sys.executable, "-c", SERVER, str(home), str(port), str(cache)]
    with log.open("wb") as sink:  # a file, not a pipe: a full pipe would stall the server
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=sink)
    for _ in range(300):
        try:
            with socket.create_connection((HOST, port), timeout=0.2):
                return server
        except OSError:
            if server.poll() is not None:
                tail = log.read_text(errors="replace")[-500:]
                raise SystemExit(f"the server exited: {tail}") from None
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 30 s")


def build_home(corpus: Path | None, home: Path) -> tuple[list[str], list[str]]:
    """Ingest the corpus, if given (held files are skipped); the article ids and issues held."""
    archive = Archive(home)
    try:
        if corpus:
            report = archive.ingest(sorted(corpus.glob("*.pdf")), workers=1)
            if not report.ok:
                raise SystemExit(f"ingest failed: {report.failures}")
        issues = [summary.issue for summary in archive.issues()]
        ids = [article.id for issue in issues for article in archive.issue(issue).articles]
    finally:
        archive.close()
    return ids, issues


def table(name: str, tally: Tally, wall: float) -> list[str]:
    rows = [
        f"{name}: {len(tally.all())} requests in {wall:.1f} s "
        f"({len(tally.all()) / wall:.0f}/s), {len(tally.errors)} errors"
    ]
    rows.append(f"  {'kind':<14}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for kind, values in sorted(tally.latencies.items()):
        rows.append(
            f"  {kind:<14}{len(values):>6}{percentile(values, 50):>10.1f}"
            f"{percentile(values, 95):>10.1f}{max(values):>10.1f}"
        )
    every = tally.all()
    rows.append(
        f"  {'all':<14}{len(every):>6}{percentile(every, 50):>10.1f}"
        f"{percentile(every, 95):>10.1f}{max(every, default=0):>10.1f}"
    )
    return rows


def serve_and_load(
    home: Path,
    ids: list[str],
    issues: list[str],
    args: argparse.Namespace,
    cache: int,
    logs: Path,
    baseline: bool = False,
) -> tuple[Tally, float]:
    """Start a server, warm it up, and run the static baseline or the mix against it."""
    port = free_port()
    log = logs / f"server-{port}.log"
    server = start_server(home, port, cache, log)
    try:
        # Warm up: Kiwi loads, templates compile, the page images in the mix render once.
        warm = [run_phase(port, lambda r: mix(ids, issues, r), 1, 60, 40)[0]]
        for article_id in ids[:12]:
            image = f"/articles/{article_id}/page.png?q=AI"
            warm.append(run_phase(port, lambda r, path=image: ("warm", path), 1, 60, 1)[0])
        if baseline:
            static = lambda r: ("static file", "/static/style.css")  # noqa: E731
            tally, wall = run_phase(
                port, static, args.clients, args.baseline_seconds, args.max_requests
            )
        else:
            tally, wall = run_phase(
                port, lambda r: mix(ids, issues, r), args.clients, args.seconds, args.max_requests
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    tally.errors.extend(error for w in warm for error in w.errors)  # warm-up errors count too
    if tally.errors:  # the server's own account of what went wrong, before its log is deleted
        print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
    return tally, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the mixed phase")
    parser.add_argument("--baseline-seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=20000, help="per phase")
    parser.add_argument("--home", type=Path, help="an archive home to use instead of a fresh one")
    args = parser.parse_args(argv)
    corpus = os.environ.get("AIBRIEF_CORPUS")
    if not corpus and not args.home:
        print("AIBRIEF_CORPUS is not set: the load bench needs the real issues", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-load-") as scratch:
        home = args.home or Path(scratch) / "home"
        ids, issues = build_home(Path(corpus) if corpus else None, home)
        logs = Path(scratch)
        base, base_wall = serve_and_load(home, ids, issues, args, 1024, logs, baseline=True)
        load, load_wall = serve_and_load(home, ids, issues, args, 1024, logs)
        cold, cold_wall = serve_and_load(home, ids, issues, args, 0, logs)
    for line in (
        table("baseline (static file)", base, base_wall)
        + table("mix, result cache on (as served)", load, load_wall)
        + table("mix, result cache off (every search computed)", cold, cold_wall)
    ):
        print(line)
    for error in sorted(set(load.errors + base.errors + cold.errors))[:10]:
        print(f"  error: {error}")
    every, baseline, uncached = load.all(), base.all(), cold.all()
    summary = {
        "bench": "load",
        "clients": args.clients,
        "articles": len(ids),
        "requests": len(every),
        "seconds": round(load_wall, 1),
        "rps": round(len(every) / load_wall, 1),
        "errors": len(load.errors) + len(base.errors) + len(cold.errors),
        "p50_ms": round(percentile(every, 50), 1),
        "p95_ms": round(percentile(every, 95), 1),
        "baseline_p95_ms": round(percentile(baseline, 95), 1),
        "p95_ratio_to_baseline": round(
            percentile(every, 95) / max(percentile(baseline, 95), 0.01), 1
        ),
        "by_kind_p95_ms": {
            k: round(percentile(v, 95), 1) for k, v in sorted(load.latencies.items())
        },
        "uncached_rps": round(len(uncached) / cold_wall, 1),
        "uncached_p50_ms": round(percentile(uncached, 50), 1),
        "uncached_p95_ms": round(percentile(uncached, 95), 1),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if not summary["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
