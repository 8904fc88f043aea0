"""How a first ingest (or an import) keeps the cores busy: its processes' threads sampled
through a run.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.ingest_timeline [--copies 9] [--import]

The PDFs and the export are bulk_bench's (the real issues copied, renumbered and respelled, in
a temporary folder deleted after), ingested (or imported) by a fresh process on a fresh home
as bulk_bench runs it. This process reads /proc every 20 ms: the CPU of the run's process, of
its extraction workers and of its index workers, and how many of their threads are runnable.
A sample with at most one runnable is one in which, on two cores, a core had nothing of the
run's to run (on a busy machine it runs another's work; the share is the same). The run
itself records when Kiwi loaded in the parent, when each file was read (to count the files
read while Kiwi loads, the parent's GIL held) and when the index's commit ended (what follows
is the store of query analyses). Prints the shares, the CPU per kind of process and per half
second, and one JSON line. Linux only (/proc).
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
import archive.extraction, index.kiwi_loader, index.parallel_build
timed(archive.extraction, "extract_in_worker", "read")
timed(index.parallel_build.WorkerBuild, "commit", "commit")
loaded = index.kiwi_loader.kiwi
def first_load():
    if index.kiwi_loader._kiwi is not None:
        return loaded()
    started = time.monotonic()
    try:
        return loaded()
    finally:
        with open(log, "a") as out:
            out.write(json.dumps(["kiwi", os.getpid(), started, time.monotonic()]) + "\\n")
for module in list(sys.modules.values()):  # wherever the loader's function was imported
    if getattr(module, "kiwi", None) is loaded:
        module.kiwi = first_load
from archive import Archive
from bench.bulk_bench import renumbered_extract
command, home, *paths = sys.argv[2:]
started = time.monotonic()
archive = Archive(home, extractor=renumbered_extract)
done = archive.import_jsonl(paths[0]) if command == "import" else archive.ingest(paths)
assert done.ok, done.to_json()
with open(log, "a") as out:
    out.write(json.dumps(["run", os.getpid(), started, time.monotonic()]) + "\\n")
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


def kiwi_at(events: list[list], whole: list) -> float:
    """Seconds from the run's start to the end of Kiwi's load in the parent."""
    return next(e for e in events if e[0] == "kiwi")[3] - whole[2]


def kinds(events: list[list], parent: int) -> dict[int, str]:
    """pid -> "parent", "extraction" (a process that read a file) or "index" (any other)."""
    readers = {e[1] for e in events if e[0] == "read"}
    return defaultdict(lambda: "index", {parent: "parent", **dict.fromkeys(readers, "extraction")})


def run(command: str, paths: list[Path], scratch: Path) -> dict:
    """One sampled ingest or import of `paths`; its figures."""
    log = scratch / "events.jsonl"
    root = Path(__file__).resolve().parents[1]
    argv = [sys.executable, "-c", RUN, str(log), command, str(scratch / "home"), *map(str, paths)]
    process = subprocess.Popen(argv, env={**os.environ, "PYTHONPATH": str(root)})
    started, samples = time.monotonic(), []
    while process.poll() is None:
        samples.append((time.monotonic() - started, *sample(process.pid)))
        time.sleep(SAMPLE_SECONDS)
    if process.returncode != 0:
        raise SystemExit(f"the {command} failed (exit code {process.returncode})")
    events = [json.loads(line) for line in log.read_text().splitlines()]
    kind = kinds(events, process.pid)
    whole = next(e for e in events if e[0] == "run")
    committed = next(e for e in events if e[0] == "commit")
    after_commit = committed[3] - started  # both clocks are the system's monotonic one
    cpu: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    last: dict[int, int] = {}
    parent_after_commit = 0.0
    for at, ticks, _ in samples:
        for pid, value in ticks.items():
            used = (value - last.get(pid, value)) / TICKS
            cpu[int(at / BUCKET_SECONDS)][kind[pid]] += used
            if pid == process.pid and at > after_commit:
                parent_after_commit += used
            last[pid] = value
    read, kiwi_seconds = read_while_kiwi_loads(events)
    return {
        "command": command,
        "seconds": whole[3] - whole[2],
        "runnable": runnable_shares([running for _, _, running in samples]),
        "read_while_kiwi_loads": read,
        "kiwi_load_seconds": kiwi_seconds,
        "kiwi_loaded_at": kiwi_at(events, whole),
        "after_commit_seconds": whole[3] - committed[3],
        "after_commit_cpu": parent_after_commit,
        "files": len(paths),
        "cpu": {k: sum(b[k] for b in cpu.values()) for k in ("parent", "extraction", "index")},
        "buckets": [dict(cpu[b]) for b in range(max(cpu) + 1)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=9, help="copies of the real issues")
    parser.add_argument(
        "--import",
        dest="command",
        action="store_const",
        const="import",
        default="ingest",
        help="sample an import of the export instead of an ingest of the PDFs",
    )
    args = parser.parse_args(argv)
    corpus = corpus_folder("ingest_timeline")
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-ingest-timeline-") as scratch_dir:
        scratch = Path(scratch_dir)
        export, pdfs, _ = synthesise(corpus, args.copies, scratch)
        found = run(args.command, [export] if args.command == "import" else pdfs, scratch)
    print(f"{found['files']} files, the {args.command} call {found['seconds']:.2f} s")
    print(
        f"Kiwi loaded {found['kiwi_loaded_at']:.2f} s into the call (the load"
        f" {found['kiwi_load_seconds']:.2f} s); files read by then:"
        f" {found['read_while_kiwi_loads']}; after the index's commit:"
        f" {found['after_commit_seconds']:.2f} s (the parent's CPU"
        f" {found['after_commit_cpu']:.2f} s)"
    )
    shares = ", ".join(f"{k}: {v:.3f}" for k, v in found["runnable"].items())
    print(f"samples by the run's threads runnable: {shares}")
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
