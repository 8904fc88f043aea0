"""The bulk paths against bare Kiwi: an import of a JSON Lines file and a first ingest of many
PDFs, each timed in the same run as Kiwi alone over the text they analyse.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.bulk_bench [--copies 9] [--repeat 1]

Everything synthetic is made in a temporary folder and deleted (nothing from the real issues
is written anywhere else). The real issues are ingested once, exported as JSON Lines, and the
export copied `--copies` times, each copy renumbered to other months: 6 issues and 118
articles a copy. For the ingest, each real PDF is copied as many times, each copy made a file
of its own (a comment appended after its end, so its sha256 differs) and named for its
month; the bench's extractor is the project's parser, after which the issue is renamed to
that month. Each bulk run is a fresh process on a fresh home (`python -c`, as the command
line would run it: Kiwi is loaded there, and counted); the time is that of the
`import_jsonl` or `ingest` call, with "process" the whole process's for reference.

The bound, "kiwi", is bare Kiwi in this process on all its threads (one per core, as the
bulk paths have one worker per core): one batch over the texts the bulk run analyses (each
issue's distinct title, KEY Contents, body and sources), run before and after each bulk run;
its rate is the mean of the two. The ratio is the bulk rate over the bound's; the target is
0.6. The CPU ratio is the bound's CPU seconds (all Kiwi's threads) over the bulk call's (its
process's and its workers'): the share of the work that is Kiwi's, which other processes
keeping the machine busy change less than they change wall time; on two cores the wall ratio
exceeds it only by as much as Kiwi's two threads fall short of twice one thread's speed.
Prints a table and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.corpus import corpus_folder
from extract import extract_issue
from extract.model import Issue, issue_title
from index.analysis import tokenize_only
from index.documents import analysed_texts, article_fields

FIRST_YEAR = 2001  # renumbered copies take the months from here on, apart from real issues

RUN = """
import resource, sys, time
from archive import Archive
from bench.bulk_bench import renumbered_extract
home, command, *paths = sys.argv[1:]
archive = Archive(home, extractor=renumbered_extract)
started, cpu = time.perf_counter(), time.process_time()
if command == "import":
    done = archive.import_jsonl(paths[0])
    assert done.ok, done.to_json()
else:
    done = archive.ingest(paths)
    assert done.ok and done.count("added") == len(paths), done.to_json()
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(seconds, cpu + workers.ru_utime + workers.ru_stime)
"""


def month(n: int) -> str:
    """The n-th month from FIRST_YEAR-01, as YYYY-MM."""
    year, index = divmod(n, 12)
    return f"{FIRST_YEAR + year}-{index + 1:02d}"


def renamed(issue: Issue, name: str) -> Issue:
    """The issue as if it were issue `name`: its articles' ids and issue follow."""
    articles = tuple(
        replace(a, id=name + a.id[len(issue.issue) :], issue=name) for a in issue.articles
    )
    return replace(issue, issue=name, title=issue_title(name), articles=articles)


def renumbered_extract(path: Path, sha256: str) -> Issue:
    """The project's parser on a copy named for its month (YYYY-MM.pdf), renamed to it."""
    return renamed(extract_issue(path, sha256), path.stem)


def synthesise(corpus: Path, copies: int, scratch: Path) -> tuple[Path, list[Path], list[Issue]]:
    """The export of the real issues copied and renumbered, the PDF copies, and the issues
    as the bulk runs will hold them (for the bound's texts)."""
    real = sorted(corpus.glob("*.pdf"))
    originals = [extract_issue(path) for path in real]
    pdfs, issues, lines = [], [], []
    for n in range(copies * len(real)):
        name, source = month(n), n % len(real)
        copy = scratch / "pdfs" / f"{name}.pdf"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(real[source], copy)
        with copy.open("ab") as handle:  # a file of its own: another sha256, the same pages
            handle.write(f"\n% copy {name}\n".encode())
        pdfs.append(copy)
        issue = renamed(originals[source], name)
        issues.append(issue)
        lines.extend(json.dumps(a.to_json(), ensure_ascii=False) for a in issue.articles)
    export = scratch / "export.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return export, pdfs, issues


def bound_texts(issues: list[Issue]) -> tuple[list[str], int]:
    """Each issue's distinct analysed texts (as the index analyses them), and their length."""
    texts = []
    for issue in issues:
        fields = (t for a in issue.articles for t in analysed_texts(article_fields(a, "")))
        texts.extend(t for t in dict.fromkeys(fields) if t.strip())
    return texts, sum(map(len, texts))


def bare_kiwi(texts: list[str]) -> tuple[float, float]:
    """Seconds Kiwi alone takes over the texts, in one batch on all its threads, and the CPU
    seconds it uses (all its threads)."""
    started, cpu = time.perf_counter(), time.process_time()
    tokenize_only(texts)
    return time.perf_counter() - started, time.process_time() - cpu


def bulk_run(command: str, paths: list[Path], scratch: Path) -> tuple[float, float, float]:
    """One import or ingest in a fresh process on a fresh home: seconds of the call, CPU
    seconds of the call (the process's and its worker processes'), and seconds of the whole
    process."""
    home = Path(tempfile.mkdtemp(dir=scratch, prefix=f"{command}-"))
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    argv = [sys.executable, "-c", RUN, str(home), command, *map(str, paths)]
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    whole = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command} failed: {done.stderr.strip()[-800:]}")
    shutil.rmtree(home)
    seconds, cpu = map(float, done.stdout.strip().splitlines()[-1].split())
    return seconds, cpu, whole


def measure(command: str, paths: list[Path], texts: list[str], repeat: int, scratch) -> dict:
    """The median of `repeat` bulk runs, each between two runs of the bound."""
    chars = sum(map(len, texts))
    bounds, runs = [bare_kiwi(texts)], []
    for _ in range(repeat):
        seconds, cpu, whole = bulk_run(command, paths, scratch)
        bounds.append(bare_kiwi(texts))
        kiwi_seconds = (bounds[-2][0] + bounds[-1][0]) / 2
        kiwi_cpu = (bounds[-2][1] + bounds[-1][1]) / 2
        runs.append(
            {
                "seconds": seconds,
                "process_seconds": whole,
                "rate": chars / seconds,
                "kiwi_rate": chars / kiwi_seconds,
                "kiwi_spread": abs(bounds[-2][0] - bounds[-1][0]) / kiwi_seconds,
                "ratio": kiwi_seconds / seconds,
                "cpu_seconds": cpu,
                "kiwi_cpu_seconds": kiwi_cpu,
                "cpu_ratio": kiwi_cpu / cpu,
            }
        )
    runs.sort(key=lambda run: run["ratio"])
    return {**runs[len(runs) // 2], "ratios": [round(r["ratio"], 3) for r in runs]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=9, help="copies of the real issues")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the median")
    args = parser.parse_args(argv)
    corpus = corpus_folder("bulk_bench")
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-bulk-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        export, pdfs, issues = synthesise(corpus, args.copies, scratch)
        texts, chars = bound_texts(issues)
        tokenize_only(["모델을 불러 둔다"])  # Kiwi loads once in this process; not in the bound
        articles = sum(len(issue.articles) for issue in issues)
        results = {
            "import": measure("import", [export], texts, args.repeat, scratch),
            "ingest": measure("ingest", pdfs, texts, args.repeat, scratch),
        }
    cores = len(os.sched_getaffinity(0))
    print(f"{len(issues)} issues, {articles} articles, {chars:,} characters; {cores} cores")
    print(
        f"{'run':<8}{'seconds':>9}{'process':>9}{'chars/s':>10}{'kiwi c/s':>10}{'ratio':>7}"
        f"{'cpu s':>8}{'kiwi cpu':>9}{'cpu ratio':>10}"
    )
    for name, r in results.items():
        print(
            f"{name:<8}{r['seconds']:9.2f}{r['process_seconds']:9.2f}{r['rate']:10.0f}"
            f"{r['kiwi_rate']:10.0f}{r['ratio']:7.2f}{r['cpu_seconds']:8.2f}"
            f"{r['kiwi_cpu_seconds']:9.2f}{r['cpu_ratio']:10.2f}"
        )
    rounded = {
        name: {k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()}
        for name, r in results.items()
    }
    print(
        json.dumps(
            {
                "benchmark": "bulk",
                "issues": len(issues),
                "articles": articles,
                "chars": chars,
                "cores": cores,
                "repeat": args.repeat,
                "load": round(os.getloadavg()[0], 2),
                **rounded,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
