"""The bulk paths against bare Kiwi: an import of a JSON Lines file and a first ingest of many
PDFs, each timed in the same run as Kiwi alone over the text they analyse.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.bulk_bench [--copies 9] [--repeat 1]

Everything synthetic is made in a temporary folder and deleted (nothing from the real issues
is written anywhere else). The real issues are ingested once, exported as JSON Lines, and the
export copied `--copies` times, each copy renumbered to other months: 6 issues and 118
articles a copy. Each copy after the first has a third of its word types respelled (see
respelled_copies), so that the archive's term dictionary grows about as Heaps' law fitted on
the six real issues says as many real issues' would; `--repeated` copies the text as it is,
as earlier rounds did (which understates what grows with the vocabulary). For the ingest,
each real PDF is copied as many times, each copy made a file of its own (a comment appended
after its end, so its sha256 differs) and named for its month and copy; the bench's
extractor is the project's parser, after which the issue is renamed to that month and
respelled as its copy is (in the extraction worker: its cost, about 1% of the run, is the
bulk run's). Each bulk run is a fresh process on a fresh home (`python -c`, as the command
line would run it: Kiwi is loaded there, and counted); the time is that of the
`import_jsonl` or `ingest` call, with "process" the whole process's for reference.

The bound, "kiwi", is bare Kiwi in this process on all its threads (one per core, as the
bulk paths have one worker per core): one batch over the texts the bulk run analyses (each
issue's distinct title, KEY Contents, body and sources, respelled as the bulk run reads
them: the same issues, made once, feed the export, the bound and the copies' extractor),
run before and after each bulk run;
its rate is the mean of the two. The ratio is the bulk rate over the bound's; the target is
0.6. The CPU ratio is the bound's CPU seconds (all Kiwi's threads) over the bulk call's (its
process's and its workers'): the share of the work that is Kiwi's, which other processes
keeping the machine busy change less than they change wall time; on two cores the wall ratio
exceeds it only by as much as Kiwi's two threads fall short of twice one thread's speed.
Also printed: the terms the run's index holds, what Heaps' law fitted on the real issues
says as many real issues would hold, and the CPU seconds the bulk call's process spent in
garbage collections (bench.collector_time). Prints a table and one JSON line.
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
from bench.kiwi_loads import kiwi_loads
from bench.respelled_copies import heaps_fit, respelled
from extract import extract_issue
from extract.model import Issue, issue_title
from index.analysis import analyze_many, tokenize_only
from index.documents import analysed_texts, article_fields
from index.generations import current as current_generation

FIRST_YEAR = 2001  # renumbered copies take the months from here on, apart from real issues

RUN = """
import resource, sys, time
from pathlib import Path
from bench.collector_time import CollectorTime
from bench.kiwi_loads import count_kiwi_loads
home, loads, command, *paths = sys.argv[1:]
count_kiwi_loads(Path(loads))
from archive import Archive
from bench.bulk_bench import renumbered_extract
archive = Archive(home, extractor=renumbered_extract)
collector = CollectorTime()
started, cpu = time.perf_counter(), time.process_time()
if command == "import":
    done = archive.import_jsonl(paths[0])
    assert done.ok, done.to_json()
else:
    done = archive.ingest(paths)
    assert done.ok and done.count("added") == len(paths), done.to_json()
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
print(seconds, cpu + workers.ru_utime + workers.ru_stime, sum(collector.seconds))
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


def copy_name(name: str, copy: int) -> str:
    """The file name of a PDF copy: its month and copy number (2001-07_1.pdf)."""
    return f"{name}_{copy}.pdf"


def copy_of(path: Path) -> tuple[str, int]:
    """The month and copy number of a PDF copy named by copy_name."""
    name, _, copy = path.stem.partition("_")
    return name, int(copy)


def renumbered_extract(path: Path, sha256: str) -> Issue:
    """The project's parser on a copy named by copy_name, renamed to its month and respelled
    as its copy."""
    name, copy = copy_of(path)
    return respelled(renamed(extract_issue(path, sha256), name), copy)


def synthesise(
    corpus: Path, copies: int, scratch: Path, repeated: bool = False
) -> tuple[Path, list[Path], list[Issue]]:
    """The export of the real issues copied, renumbered and respelled (unless `repeated`),
    the PDF copies, and the issues as the bulk runs will hold them (for the bound's texts)."""
    real = sorted(corpus.glob("*.pdf"))
    originals = [extract_issue(path) for path in real]
    pdfs, issues, lines = [], [], []
    for n in range(copies * len(real)):
        name, source = month(n), n % len(real)
        k = 0 if repeated else n // len(real)
        copy = scratch / "pdfs" / copy_name(name, k)
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(real[source], copy)
        with copy.open("ab") as handle:  # a file of its own: another sha256, the same pages
            handle.write(f"\n% copy {name}\n".encode())
        pdfs.append(copy)
        issue = respelled(renamed(originals[source], name), k)
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


def bulk_run(command: str, paths: list[Path], scratch: Path) -> dict:
    """One import or ingest in a fresh process on a fresh home: seconds of the call, CPU
    seconds of the call (the process's and its worker processes'), seconds of the whole
    process, the distinct terms its index holds, the Kiwi models its processes built and the
    CPU seconds its process spent in garbage collections during the call."""
    home = Path(tempfile.mkdtemp(dir=scratch, prefix=f"{command}-"))
    loads = home.with_name(home.name + ".kiwi-loads")
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    argv = [sys.executable, "-c", RUN, str(home), str(loads), command, *map(str, paths)]
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    whole = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command} failed: {done.stderr.strip()[-800:]}")
    terms = indexed_terms(home / "index")
    shutil.rmtree(home)
    seconds, cpu, collecting = map(float, done.stdout.strip().splitlines()[-1].split())
    kiwis, processes = kiwi_loads(loads)
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "gc_seconds": collecting,
        "process_seconds": whole,
        "terms": terms,
        "kiwi_loads": kiwis,
        "kiwi_processes": processes,
    }


def indexed_terms(directory: Path) -> int:
    """The distinct terms of the `content` field in the index at `directory`."""
    from whoosh import index as whoosh_index

    with whoosh_index.open_dir(current_generation(directory)).reader() as reader:
        return sum(1 for _ in reader.lexicon("content"))


def term_sets(issues: list[Issue]) -> list[set[str]]:
    """Each issue's distinct index terms of `content`."""
    sets = []
    for issue in issues:
        texts = (t for a in issue.articles for t in analysed_texts(article_fields(a, "")))
        sets.append({term.text for terms in analyze_many(texts).values() for term in terms})
    return sets


def measure(command: str, paths: list[Path], texts: list[str], repeat: int, scratch) -> dict:
    """The median of `repeat` bulk runs, each between two runs of the bound."""
    chars = sum(map(len, texts))
    bounds, runs = [bare_kiwi(texts)], []
    for _ in range(repeat):
        run = bulk_run(command, paths, scratch)
        seconds, cpu = run["seconds"], run["cpu_seconds"]
        bounds.append(bare_kiwi(texts))
        kiwi_seconds = (bounds[-2][0] + bounds[-1][0]) / 2
        kiwi_cpu = (bounds[-2][1] + bounds[-1][1]) / 2
        runs.append(
            {
                **run,
                "rate": chars / seconds,
                "kiwi_rate": chars / kiwi_seconds,
                "kiwi_spread": abs(bounds[-2][0] - bounds[-1][0]) / kiwi_seconds,
                "ratio": kiwi_seconds / seconds,
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
    parser.add_argument(
        "--repeated", action="store_true", help="copies repeat the real text (no respelling)"
    )
    args = parser.parse_args(argv)
    corpus = corpus_folder("bulk_bench")
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory(prefix="aibrief-bulk-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        export, pdfs, issues = synthesise(corpus, args.copies, scratch, args.repeated)
        texts, chars = bound_texts(issues)
        # Kiwi loads here, once in this process (not in the bound), for Heaps' law's terms
        heaps_k, heaps_beta = heaps_fit(term_sets(issues[: len(list(corpus.glob("*.pdf")))]))
        articles = sum(len(issue.articles) for issue in issues)
        results = {
            "import": measure("import", [export], texts, args.repeat, scratch),
            "ingest": measure("ingest", pdfs, texts, args.repeat, scratch),
        }
    cores = len(os.sched_getaffinity(0))
    real_terms = heaps_k * len(issues) ** heaps_beta
    print(f"{len(issues)} issues, {articles} articles, {chars:,} characters; {cores} cores")
    print(
        f"terms indexed {results['import']['terms']:,}"
        f" ({'copies repeat the text' if args.repeated else 'copies respelled'});"
        f" {len(issues)} real issues by Heaps' law on the real ones: about {real_terms:,.0f}"
        f" (K {heaps_k:.0f}, beta {heaps_beta:.3f})"
    )
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
    loads = ", ".join(
        f"{name} {r['kiwi_loads']} (in {r['kiwi_processes']} processes)"
        for name, r in results.items()
    )
    print(f"Kiwi models built: {loads}; the bound's: 1, before its timing")
    collecting = ", ".join(f"{name} {r['gc_seconds']:.2f}" for name, r in results.items())
    print(f"CPU s of the bulk call's process in garbage collections: {collecting}")
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
                "repeated": args.repeated,
                "heaps_terms": round(real_terms),
                "load": round(os.getloadavg()[0], 2),
                **rounded,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
