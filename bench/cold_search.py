"""A cold `aibrief search WORD`: a fresh process on an archive of the real issues, against
what any Python process and what Kiwi alone cost on this machine, measured in the same run.

    AIBRIEF_CORPUS=/path/to/corpus python -m bench.cold_search [--home DIR] [--repeat N]
        [--word WORD] [--clock cpu] [--unsettled]

Without --home the real issues are ingested into a temporary home first (not timed). Each
round runs, one after another so that they share the machine's load:
- "python": `python -c pass`, the floor of any command;
- "imports": `python -c "import archive.cli"`, the command's code loaded, nothing run;
- "help" and "list": `aibrief --help` and `aibrief --home HOME list`, commands that search
  nothing (the scorer's numpy and the citations' libraries stay unloaded for them);
- "kiwi": bare Kiwi (kiwipiepy, with aibrief's options) loaded and asked one word, the floor
  of anything that analyses Korean;
- "search": `aibrief --home HOME search WORD`, the whole command, output discarded.
The processes run as an installed command does, their modules' bytecode cached beside them
(PYTHONDONTWRITEBYTECODE is left out of their environment, and every command runs once
untimed first, which writes it): compiling the project's modules anew costs every process
about 0.1 CPU s more.
Each is the median of --repeat rounds, in wall-clock seconds or, with --clock cpu on a machine
other processes keep busy, in the CPU seconds each process used (Kiwi's threads included);
the ratios divide the search by the two floors, and "search - kiwi" is what the command costs
beyond Kiwi.
A search records in the index's store of query analyses (index/analysis_store.py) the words it
had to load Kiwi for, so that only the first search for a word the build did not store pays for
Kiwi; --unsettled puts the store back as the ingest left it before each search (not timed), so
that every round measures that first search ("Deepfake" where the build stored "deepfake").
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import corpus_folder
from index.analysis_store import STORE_NAME

BARE_KIWI = (
    "from kiwipiepy import Kiwi;"
    "Kiwi(load_typo_dict=False, load_multi_dict=False).tokenize('{word}')"
)


def children_cpu() -> float:
    """CPU seconds (user and system) of this process's finished children so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


CLOCKS = {"wall": time.perf_counter, "cpu": children_cpu}


def seconds(command: list[str], clock=time.perf_counter, env: dict | None = None) -> float:
    """Seconds of one run of the command (which must succeed) on `clock`."""
    started = clock()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return clock() - started


def commands(home: Path, word: str) -> dict[str, list[str]]:
    aibrief = str(Path(sys.executable).with_name("aibrief"))
    return {
        "python": [sys.executable, "-c", "pass"],
        "imports": [sys.executable, "-c", "import archive.cli"],
        "help": [aibrief, "--help"],
        "list": [aibrief, "--home", str(home), "list"],
        "kiwi": [sys.executable, "-c", BARE_KIWI.format(word=word)],
        "search": [aibrief, "--home", str(home), "search", word],
    }


def measure(
    home: Path, word: str, repeat: int, clock: str = "wall", unsettled: bool = False
) -> dict[str, float]:
    """Median seconds of each command over `repeat` interleaved rounds; with `unsettled`,
    each search finds the store of query analyses as it was before the first one."""
    runs = commands(home, word)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    store = home / "index" / STORE_NAME
    kept = store.with_name(f"{STORE_NAME}.before-search")
    if unsettled:
        shutil.copyfile(store, kept)
    try:
        for command in runs.values():  # bytecode written; the first search may settle the home
            seconds(command, env=env)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(repeat):
            for name, command in runs.items():
                if unsettled and name == "search":
                    shutil.copyfile(kept, store)
                times[name].append(seconds(command, CLOCKS[clock], env))
    finally:
        if unsettled:
            kept.replace(store)
    return {name: statistics.median(values) for name, values in times.items()}


def report(medians: dict[str, float], word: str, repeat: int, clock: str) -> None:
    print(f"cold 'aibrief search {word}', median of {repeat} rounds, {clock} seconds")
    for name, value in medians.items():
        print(f"  {name:<8} {value:6.2f}")
    search = medians["search"]
    print(
        f"  search / python {search / medians['python']:.1f}x,"
        f" search / kiwi {search / medians['kiwi']:.2f}x,"
        f" search - kiwi {search - medians['kiwi']:.2f} s"
    )


def ingested(corpus: Path, home: Path) -> None:
    """The real issues ingested into `home`."""
    aibrief = str(Path(sys.executable).with_name("aibrief"))
    subprocess.run(
        [aibrief, "--home", str(home), "ingest", str(corpus)], check=True, capture_output=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="an archive home of the real issues to reuse")
    parser.add_argument("--repeat", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--word", default="딥페이크", help="the word searched")
    parser.add_argument(
        "--clock",
        choices=CLOCKS,
        default="wall",
        help="wall-clock time, or the CPU time each process used (on a busy machine)",
    )
    parser.add_argument(
        "--unsettled",
        action="store_true",
        help="put the store of query analyses back before each search (see above)",
    )
    args = parser.parse_args()
    if args.home:
        medians = measure(args.home, args.word, args.repeat, args.clock, args.unsettled)
        report(medians, args.word, args.repeat, args.clock)
        return 0
    corpus = corpus_folder("cold_search")
    if corpus is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        ingested(corpus, Path(tmp))
        medians = measure(Path(tmp), args.word, args.repeat, args.clock, args.unsettled)
        report(medians, args.word, args.repeat, args.clock)
    return 0


if __name__ == "__main__":
    sys.exit(main())
