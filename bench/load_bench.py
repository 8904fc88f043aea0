"""The search page under load: 8 concurrent clients against waitress, on loopback only.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.load_bench [--seconds 20] [--clients 8]
        [--processes 1,2]

Ingests the real issues into a temporary home (or uses --home), then serves the app under
waitress on a free 127.0.0.1 port (webui.serve, with 1 or more worker processes), warms it up,
and runs timed phases with the same clients, each a process of its own with one keep-alive
connection, every phase bounded in time and in requests: a baseline of a static file (what
waitress, the sockets and the machine cost on their own), then the mix a researcher makes
(searches with filters, sorts and pages, article pages, issue pages, the JSON API, PDF page
images) twice for each server process count: as served (search answers cached until the
archive changes) and with the result cache off, so every search is computed. Prints a table
(p50/p95/max per kind, errors, server and client CPU per request) and one JSON line, with p95
as a ratio to the baseline's."""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import socket
import subprocess
import sys
import tempfile
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
WARM_REQUESTS = 1000  # per server process: most of the mix's distinct answers, once each
FILTERS = ("", "&section=정책/법제", "&sort=newest", "&page=2", "&year=2024", "&section=기업/산업")


@dataclass
class Tally:
    """Latencies (ms) by kind of request, what went wrong, and the clients' own CPU time."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    client_cpu: float = 0.0  # seconds the client processes spent on the CPU
    server_cpu: float = 0.0  # seconds the server's processes spent on the CPU

    def add(self, kind: str, ms: float, error: str | None) -> None:
        self.latencies.setdefault(kind, []).append(ms)
        if error:
            self.errors.append(error)

    def merge(self, other: Tally) -> None:
        for kind, values in other.latencies.items():
            self.latencies.setdefault(kind, []).extend(values)
        self.errors.extend(other.errors)
        self.client_cpu += other.client_cpu

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


def client(port: int, pick, deadline: float, budget, seed: int, results, fresh: bool) -> None:
    """One keep-alive client (a new connection for each request if `fresh`), in its own
    process, sending requests until the deadline or the shared budget runs out; puts its
    tally on `results`."""
    rng, tally = random.Random(seed), Tally()
    cpu = time.process_time()
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    while time.monotonic() < deadline:
        with budget.get_lock():
            if budget.value <= 0:
                break
            budget.value -= 1
        kind, path = pick(rng)
        if fresh:
            connection.close()
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
    tally.client_cpu = time.process_time() - cpu
    results.put(tally)


def run_phase(
    port: int,
    pick,
    clients: int,
    seconds: float,
    max_requests: int,
    server_pids=(),
    fresh: bool = False,
) -> tuple[Tally, float]:
    """Run `clients` processes for at most `seconds` and `max_requests`; the tally and wall
    time. Processes, not threads: threads would queue on the bench's own GIL, and that wait
    would be counted as the server's latency."""
    context = multiprocessing.get_context("fork")  # `pick` is a closure: fork, not pickle
    budget, results = context.Value("l", max_requests), context.SimpleQueue()
    start = time.monotonic()
    server_cpu = cpu_seconds(server_pids)
    processes = [
        context.Process(
            target=client,
            args=(port, pick, start + seconds, budget, n, results, fresh),
            daemon=True,
        )
        for n in range(clients)
    ]
    for process in processes:
        process.start()
    tally = Tally()
    for _ in processes:  # drain before joining: a child blocks until its tally is read
        tally.merge(results.get())
    for process in processes:
        process.join()
    tally.server_cpu = cpu_seconds(server_pids) - server_cpu
    return tally, time.monotonic() - start


def cpu_seconds(pids) -> float:
    """User and system CPU seconds used so far by these processes and their children (Linux)."""
    wanted, total = set(pids), 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        if int(stat.parent.name) in wanted or int(fields[1]) in wanted:  # pid, or its parent
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


SERVER = """
import sys
from webui.serving import serve
home, port, processes, cache = sys.argv[1], *map(int, sys.argv[2:])
serve(home, "127.0.0.1", port, processes=processes, config={"RESULT_CACHE": cache})
"""


def start_server(home: Path, port: int, processes: int, cache: int, log: Path) -> subprocess.Popen:
    """The app under waitress in its own process(es), apart from the clients."""
    command = [sys.executable, "-c", SERVER, str(home), str(port), str(processes), str(cache)]
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
    count = len(tally.all())
    rows = [
        f"{name}: {count} requests in {wall:.1f} s ({count / wall:.0f}/s), "
        f"{len(tally.errors)} errors; CPU per request: server "
        f"{1000 * tally.server_cpu / max(count, 1):.1f} ms, "
        f"clients {1000 * tally.client_cpu / max(count, 1):.1f} ms"
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
    processes: int,
    cache: int,
    logs: Path,
    baseline: bool = False,
) -> tuple[Tally, float]:
    """Start a server, warm it up, and run the static baseline or the mix against it."""
    port = free_port()
    log = logs / f"server-{port}.log"
    server = start_server(home, port, processes, cache, log)
    try:
        # Warm up every worker: Kiwi loads, templates compile, the answers and page images
        # of the mix are computed once. A new connection for each request, as the system
        # hands each connection to any one worker, and each has its own caches.
        clients, warmth = args.clients, processes * WARM_REQUESTS
        mixed = lambda r: mix(ids, issues, r)  # noqa: E731
        warm = [run_phase(port, mixed, clients, 120, warmth, fresh=True)[0]]
        for article_id in ids[:12]:
            image = lambda r, a=article_id: ("warm", f"/articles/{a}/page.png?q=AI")  # noqa: E731
            warm.append(run_phase(port, image, clients, 60, 4 * processes, fresh=True)[0])
        pick, seconds = mixed, args.seconds
        if baseline:
            pick, seconds = (lambda r: ("static file", "/static/style.css")), args.baseline_seconds
        tally, wall = run_phase(port, pick, clients, seconds, args.max_requests, [server.pid])
    finally:
        server.terminate()
        server.wait(timeout=10)
    tally.errors.extend(error for w in warm for error in w.errors)  # warm-up errors count too
    if tally.errors:  # the server's own account of what went wrong, before its log is deleted
        print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
    return tally, wall


def figures(load: Tally, load_wall: float, cold: Tally, cold_wall: float) -> dict:
    """The mix's figures with the result cache on and off, for the JSON line."""
    every, uncached = load.all(), cold.all()
    return {
        "requests": len(every),
        "seconds": round(load_wall, 1),
        "rps": round(len(every) / load_wall, 1),
        "p50_ms": round(percentile(every, 50), 1),
        "p95_ms": round(percentile(every, 95), 1),
        "server_cpu_ms_per_request": round(1000 * load.server_cpu / max(len(every), 1), 1),
        "by_kind_p95_ms": {
            k: round(percentile(v, 95), 1) for k, v in sorted(load.latencies.items())
        },
        "uncached_rps": round(len(uncached) / cold_wall, 1),
        "uncached_p50_ms": round(percentile(uncached, 50), 1),
        "uncached_p95_ms": round(percentile(uncached, 95), 1),
        "uncached_server_cpu_ms_per_request": round(
            1000 * cold.server_cpu / max(len(uncached), 1), 1
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each mixed phase")
    parser.add_argument("--baseline-seconds", type=float, default=5.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=20000, help="per phase")
    parser.add_argument(
        "--processes",
        default="1,2",
        help="server worker processes to compare, comma-separated (the first leads the JSON)",
    )
    parser.add_argument("--home", type=Path, help="an archive home to use instead of a fresh one")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.processes.split(",")]
    corpus = os.environ.get("AIBRIEF_CORPUS")
    if not corpus and not args.home:
        print("AIBRIEF_CORPUS is not set: the load bench needs the real issues", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-load-") as scratch:
        home = args.home or Path(scratch) / "home"
        ids, issues = build_home(Path(corpus) if corpus else None, home)
        logs = Path(scratch)
        base, base_wall = serve_and_load(home, ids, issues, args, 1, 1024, logs, baseline=True)
        runs = {
            n: (
                *serve_and_load(home, ids, issues, args, n, 1024, logs),
                *serve_and_load(home, ids, issues, args, n, 0, logs),
            )
            for n in counts
        }
    lines = table("baseline (static file, 1 process)", base, base_wall)
    for n, (load, load_wall, cold, cold_wall) in runs.items():
        lines += table(f"mix, {n} process(es), result cache on (as served)", load, load_wall)
        lines += table(f"mix, {n} process(es), result cache off", cold, cold_wall)
    for line in lines:
        print(line)
    errors = base.errors + [
        e for load, _, cold, _ in runs.values() for e in load.errors + cold.errors
    ]
    for error in sorted(set(errors))[:10]:
        print(f"  error: {error}")
    by_processes = {n: figures(*run) for n, run in runs.items()}
    lead = by_processes[counts[0]]
    baseline_p95 = percentile(base.all(), 95)
    summary = {
        "bench": "load",
        "clients": args.clients,
        "articles": len(ids),
        "processes": counts[0],
        **{k: v for k, v in lead.items() if k not in ("by_kind_p95_ms",)},
        "errors": len(errors),
        "baseline_p95_ms": round(baseline_p95, 1),
        "p95_ratio_to_baseline": round(lead["p95_ms"] / max(baseline_p95, 0.01), 1),
        "by_kind_p95_ms": lead["by_kind_p95_ms"],
        "by_processes": {
            str(n): {
                k: v
                for k, v in f.items()
                if k
                in ("rps", "p50_ms", "p95_ms", "uncached_rps", "uncached_p50_ms", "uncached_p95_ms")
            }
            | {"p95_ratio_to_baseline": round(f["p95_ms"] / max(baseline_p95, 0.01), 1)}
            for n, f in by_processes.items()
        },
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
