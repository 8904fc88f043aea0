"""Reading an ingest's PDFs in forked worker processes, which need nothing of the parent once
started, and handing their issues back in the order the files were named.

The parent loads Kiwi while the workers read (archive/ingest.py), and Kiwi's constructor
holds the parent's GIL throughout (index/kiwi_loader.py). Through a ProcessPoolExecutor the
workers waited on the parent meanwhile: its manager thread, which needs the GIL, hands each
worker its next file and reads each result off a pipe an issue (94 to 155 kB pickled) fills.
On a first ingest of bulk_bench's 54 issues, 3 and 4 of them had been read by the end of
Kiwi's load (24 and 31 since, in turn, load 4.8 to 6.1; bench/ingest_timeline.py samples
such a run). Here every worker takes its next file from a counter in shared memory and puts
its issue on a queue whose feeder thread is its own, so that it reads on, whatever the
parent's main thread is doing. A worker killed (out of memory) fails every file not yet
answered, those of its answers its feeder thread had not handed over too.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from archive.schema import first_error
from archive.schema.plain_issue import plainly_an_issue
from common.child_processes import die_with_parent, forking_beside_threads
from extract.errors import ExtractError
from extract.model import Issue

# (path, the file's sha256) -> the issue; hashed once, by the ingest
Extractor = Callable[[Path, str], Issue]

WORKER_DIED = "the extraction worker died (out of memory?)"
POLL_SECONDS = 0.5  # how often a parent waiting for an issue checks that its workers live


@dataclass(frozen=True)
class Extracted:
    """A worker's answer for one file: the issue, or the one-line reason it could not be read
    (or, with the issue, why it cannot be held); `warning` sums up what MuPDF said of a file it
    read all the same."""

    issue: Issue | None
    error: str | None
    warning: str | None = None


def extract_in_worker(extractor: Extractor, path: Path, sha256: str) -> Extracted:
    """Run the extractor on one file inside a worker and check the issue against the schema;
    every failure becomes a reason, and MuPDF's complaints about a file read all the same a
    warning. The actors are derived by the parent (ingest.with_actors), which has Kiwi: the
    workers start before it is loaded, and read PDFs meanwhile."""
    from common.mupdf_messages import MupdfMessages

    try:
        with MupdfMessages() as messages:
            issue = extractor(path, sha256)
            warning = messages.summary()
        problem = schema_problem(issue)
        if problem:  # never hold what the documented export form would refuse
            reason = f"the extracted issue does not match the schema ({problem})"
            return Extracted(issue, reason)
        return Extracted(issue, None, warning)
    except ExtractError as error:
        return Extracted(None, str(error).removeprefix(f"{path.name}: "))
    except Exception as error:  # a parser bug must not stop the batch; it is reported as such
        return Extracted(None, unexpected(error))


def schema_problem(issue: Issue) -> str | None:
    """Why the issue's JSON is not what issue.schema.json allows, or None: an issue plainly
    valid is passed without jsonschema's walk of every value (plain_issue)."""
    data = issue.to_json()
    return None if plainly_an_issue(data) else first_error("issue", data)


def unexpected(error: Exception) -> str:
    """The reason given for a bug met reading a file: the batch goes on past it."""
    return f"unexpected error ({type(error).__name__}: {error})"


def start_worker(parent: int, inherited_lock: int | None) -> None:
    """Run in each forked worker: let go of the archive's lock (the parent holds it; a copy here
    would keep it held if the parent were killed), die with the parent (Linux) and use the
    parent's Korean analyzer, should it hold one and the extractor need it."""
    if inherited_lock is not None:
        os.close(inherited_lock)
    die_with_parent(parent)
    from index import start_in_worker

    start_in_worker()


class ExtractionWorkers:
    """`count` forked processes reading `paths` (with their `hashes`) from the moment they
    start; `in_order()` yields each file's Extracted in the order of `paths`."""

    def __init__(
        self,
        extractor: Extractor,
        paths: list[Path],
        hashes: list[str],
        count: int,
        inherited_lock: int | None,
    ) -> None:
        import extract.issue_reader  # noqa: F401 - with PyMuPDF, once, not in each forked worker

        context = multiprocessing.get_context("fork")
        self._count = len(paths)
        self._results = context.Queue()
        taken = context.Value("i", 0)  # the position of the next file a worker takes
        args = (extractor, paths, hashes, taken, self._results, os.getpid(), inherited_lock)
        self._procs = [
            context.Process(target=_read_files, args=args, name=f"aibrief-extract-{n}", daemon=True)
            for n in range(count)
        ]
        with forking_beside_threads():  # Kiwi's, when this process has loaded it before
            for proc in self._procs:
                proc.start()

    def in_order(self) -> Iterator[Extracted]:
        """Each file's answer, in order; once a worker has died, WORKER_DIED for each file
        not yet answered."""
        arrived: dict[int, Extracted] = {}
        for position in range(self._count):
            while position not in arrived:
                # a worker ends only once its answers are all in the pipe, so none is to come
                # when every one had ended before a wait that found nothing
                ended = all(proc.exitcode is not None for proc in self._procs)
                try:
                    taken, extracted = self._results.get(timeout=POLL_SECONDS)
                except queue.Empty:
                    if ended or any(proc.exitcode for proc in self._procs):
                        for _ in range(position, self._count):
                            yield Extracted(None, WORKER_DIED)
                        return
                    continue
                arrived[taken] = extracted
            yield arrived.pop(position)

    def stop(self) -> None:
        """End the workers (those still reading are killed) and wait for them."""
        for proc in self._procs:
            if proc.is_alive():
                proc.kill()
            proc.join()
        self._results.close()


def _read_files(extractor, paths, hashes, taken, results, parent: int, lock: int | None) -> None:
    """A worker: take the next file until none is left, put each answer with its position."""
    start_worker(parent, lock)
    while True:
        with taken.get_lock():
            position = taken.value
            taken.value += 1
        if position >= len(paths):
            break
        results.put((position, extract_in_worker(extractor, paths[position], hashes[position])))
    # the queue's feeder thread hands over what is left before the process ends
