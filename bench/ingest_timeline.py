"""How a first ingest keeps the cores busy: its processes' threads sampled through a run.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.ingest_timeline [--copies 9]

The PDFs are bulk_bench's (the real issues copied, renumbered and respelled, in a temporary
folder deleted after), ingested by a fresh process on a fresh home as bulk_bench runs it.
This process reads /proc every 20 ms: the CPU of the ingest's process, of its extraction
workers and of its index workers, and how many of their threads are runnable. A sample with
at most one runnable is one in which, on two cores, a core had nothing of the ingest's to
run (on a busy machine it runs another's work; the share is the same). The run itself
records when Kiwi loaded in the parent and when each file was read, to count the files read
while Kiwi loads (the parent's GIL held). Prints the shares, the CPU per kind of process and
per half second, and one JSON line. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from bench.bulk_bench import synthesise
from bench.corpus import corpus_folder

SAMPLE_SECONDS = 0.02
BUCKET_SECONDS = 0.5
TICKS = os.sysconf("SC_CLK_TCK")

RUN = """
import functools, json, os, sys, time
log = sys.argv[1]
def timed(owner, name, kind):
    original = getattr(owner, name)
    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        started = time.monotonic()
        try:
            return original(*args, **kwargs)
        finally:
            with open(log, "a") as out:
                out.write(json.dumps([kind, os.getpid(), started, time.monotonic()]) + "\\n")
    setattr(owner, name, wrapper)
import archive.extraction, index
timed(archive.extraction, "extract_in_worker", "read")
timed(index, "load_analyzer", "kiwi")
from archive import Archive
from bench.bulk_bench import renumbered_extract
started = time.monotonic()
done = Archive(sys.argv[2], extractor=renumbered_extract).ingest(sys.argv[3:])
assert done.ok, done.to_json()
with open(log, "a") as out:
    out.write(json.dumps(["ingest", os.getpid(), started, time.monotonic()]) + "\\n")
"""


def stat(path: Path) -> tuple[int, int, str] | None:
    """(parent pid, CPU ticks, state) of a /proc stat file, or None once it is gone."""
    try:
        text = path.read_text(encoding="ascii")
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[11]) + int(fields[12]), fields[0]


def sample(root: int) -> tuple[dict[int, int], int]:
    """CPU ticks of `root` and of its children, by pid, and how many of their threads run."""
    ticks, running = {}, 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        found = stat(entry / "stat")
        if found is None or (int(entry.name) != root and found[0] != root):
            continue
        ticks[int(entry.name)] = found[1]
        try:
            threads = list((entry / "task").iterdir())
        except OSError:  # it ended meanwhile
            threads = []
        states = (stat(thread / "stat") for thread in threads)
        running += sum(1 for state in states if state is not None and state[2] == "R")
    return ticks, running


def runnable_shares(running: list[int]) -> dict[str, float]:
    """The share of samples with 0, 1, 2 and 3 or more of the ingest's threads runnable."""
    counts = Counter(min(n, 3) for n in running)
    return {("3+" if n == 3 else str(n)): counts[n] / len(running) for n in range(4)}


def read_while_kiwi_loads(events: list[list]) -> tuple[int, float]:
    """Files read by the end of Kiwi's load in the parent, and how long it took (seconds)."""
    kiwi = next(e for e in events if e[0] == "kiwi")
    return sum(1 for e in events if e[0] == "read" and e[3] <= kiwi[3]), kiwi[3] - kiwi[2]


def kinds(events: list[list], parent: int) -> dict[int, str]:
    """pid -> "parent", "extraction" (a process that read a file) or "index" (any other)."""
    readers = {e[1] for e in events if e[0] == "read"}
    return defaultdict(lambda: "index", {parent: "parent", **dict.fromkeys(readers, "extraction")})


def run(pdfs: list[Path], scratch: Path) -> dict:
    """One sampled ingest; its figures."""
    log = scratch / "events.jsonl"
    root = Path(__file__).resolve().parents[1]
    argv = [sys.executable, "-c", RUN, str(log), str(scratch / "home"), *map(str, pdfs)]
    process = subprocess.Popen(argv, env={**os.environ, "PYTHONPATH": str(root)})
    started, samples = time.monotonic(), []
    while process.poll() is None:
        samples.append((time.monotonic() - started, *sample(process.pid)))
        time.sleep(SAMPLE_SECONDS)
    if process.returncode != 0:
        raise SystemExit(f"the ingest failed (exit code {process.returncode})")
    events = [json.loads(line) for line in log.read_text().splitlines()]
    kind = kinds(events, process.pid)
    cpu: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    last: dict[int, int] = {}
    for at, ticks, _ in samples:
        for pid, value in ticks.items():
            cpu[int(at / BUCKET_SECONDS)][kind[pid]] += (value - last.get(pid, value)) / TICKS
            last[pid] = value
    read, kiwi_seconds = read_while_kiwi_loads(events)
    ingest = next(e for e in events if e[0] == "ingest")
    return {
        "seconds": ingest[3] - ingest[2],
        "runnable": runnable_shares([running for _, _, running in samples]),
        "read_while_kiwi_loads": read,
        "kiwi_load_seconds": kiwi_seconds,
        "files": len(pdfs),
        "cpu": {k: sum(b[k] for b in cpu.values()) for k in ("parent", "extraction", "index")},
        "buckets": [dict(cpu[b]) for b in range(max(cpu) + 1)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=9, help="copies of the real issues")
    args = parser.parse_args(argv)
    corpus = corpus_folder("ingest_timeline")
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-ingest-timeline-") as scratch_dir:
        scratch = Path(scratch_dir)
        _, pdfs, _ = synthesise(corpus, args.copies, scratch)
        found = run(pdfs, scratch)
    print(f"{found['files']} files, the ingest call {found['seconds']:.2f} s")
    print(
        f"files read by the end of Kiwi's load: {found['read_while_kiwi_loads']}"
        f" (the load {found['kiwi_load_seconds']:.2f} s)"
    )
    shares = ", ".join(f"{k}: {v:.3f}" for k, v in found["runnable"].items())
    print(f"samples by the ingest's threads runnable: {shares}")
    print("CPU s: " + ", ".join(f"{k} {v:.2f}" for k, v in found["cpu"].items()))
    print(f"{'t':>6}{'parent':>8}{'extract':>8}{'index':>8}  (CPU s per {BUCKET_SECONDS} s)")
    for n, bucket in enumerate(found["buckets"]):
        row = [bucket.get(k, 0.0) for k in ("parent", "extraction", "index")]
        print(f"{n * BUCKET_SECONDS:6.1f}" + "".join(f"{v:8.2f}" for v in row))
    rounded = {k: round(v, 3) if isinstance(v, float) else v for k, v in found.items()}
    for name in ("runnable", "cpu"):
        rounded[name] = {k: round(v, 3) for k, v in found[name].items()}
    rounded["buckets"], rounded["load"] = len(found["buckets"]), round(os.getloadavg()[0], 2)
    print(json.dumps({"benchmark": "ingest_timeline", **rounded}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
