"""Building a whole index in worker processes.

Kiwi's tokenizing and Whoosh's indexing are both CPU work, and most of Whoosh's is Python
under one GIL. So a large build is split by issue across forked workers: each uses the Kiwi
the parent loaded before forking them (shared copy-on-write, one text per call; see
kiwi_loader), analyses, indexes and writes its own segments (a new one each time the
postings held in memory pass a budget). The parent only turns articles into documents and,
holding the index's write lock, commits the workers' segments in one table of contents: the
build is whole or absent, like any other commit.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Iterable
from typing import Any

from common.child_processes import die_with_parent, forking_beside_threads
from index.analysis import pretokenized, start_in_worker
from index.build_readings import LEXICON_FIELD, Lexicon, summed_over_segments
from index.build_writer import BuildWriter
from index.documents import analysed_texts, with_marks
from index.errors import IndexBuildError
from index.kiwi_loader import kiwi

# One per core this process may run on; each holds its own Kiwi (about 330 MB), hence a cap.
WORKERS = min(len(os.sched_getaffinity(0)), 8)
POLL_SECONDS = 0.5  # how often a waiting parent checks that its workers are alive

# an issue's document fields -> what the parent keeps of them (build_readings.issue_notes),
# made in the worker while the issue's analysis is at hand
Miner = Callable[[list[dict]], Any]
# the terms the workers have counted so far with their articles, and what `mine` made of
# their issues -> nothing: work begun while they write their last segments (WorkerBuild.commit)
ReadAhead = Callable[[Lexicon, dict[str, Any]], None]


def build_in_workers(
    ix,
    jobs: Iterable[tuple[str, list[dict]]],
    mine: Miner,
    timeout: float,
    segment_postings: int,
    ahead: ReadAhead | None = None,
) -> tuple[dict[str, Any], Lexicon | None]:
    """Index (issue, documents) jobs into `ix` in WORKERS processes and commit them at once,
    in place of any documents the index held of those issues; returns issue -> what `mine`
    made of its documents, and the lexicon the workers counted (see WorkerBuild.commit).
    A worker starts a new segment once the one it is writing holds `segment_postings`
    postings (they are all in memory until it is written)."""
    build = WorkerBuild(ix, mine, timeout, segment_postings)
    try:
        for job in jobs:
            build.put(job)
    except BaseException:
        build.cancel()
        raise
    return build.commit(ahead), build.lexicon


class WorkerBuild:
    """Jobs handed to WORKERS processes as they come, committed together by `commit()`
    (or dropped by `cancel()`); the index's write lock is held from the start."""

    def __init__(self, ix, mine: Miner, timeout: float, segment_postings: int) -> None:
        self._writer = BuildWriter(ix, timeout=timeout)
        self._issues: list[str] = []
        # After the commit, where the index held no segment before it: the committed index's
        # lexicon, as build_readings.articles_holding would read it (see commit).
        self.lexicon: Lexicon | None = None
        try:
            self._pool = _WorkerPool(ix, mine, segment_postings)
        except BaseException:
            self._writer.cancel()
            raise

    def put(self, job: tuple[str, list[dict]]) -> None:
        """Hand one (issue, documents) job to a worker."""
        self._issues.append(job[0])
        self._pool.put(job)

    def commit(self, ahead: ReadAhead | None = None) -> dict[str, Any]:
        """Wait for the workers and commit their segments, replacing the issues' documents
        held before, in one commit; returns issue -> what `mine` made of its documents.

        Where the index held no segment (a first import or ingest, a rebuild), the committed
        index is the workers' segments, and `lexicon` their terms with the articles holding
        each, counted by the workers as they write them, in the order a reader of the index
        reads them (build_readings.articles_holding), which the parent then need not read back
        from the segments after the commit, on one core while the other idles: at 54 respelled
        issues (bulk_bench's, 85,834 terms in two segments), 0.29 CPU s to read them back
        against 0.04 to take the workers' counts (0.01 to unpickle 1.5 MB, 0.03 to sum them;
        load 12), of the 0.75 to 0.8 CPU s the store of query analyses spent on one core.
        There, `ahead` is called in a thread of this process with the terms counted so far
        each time a worker has counted its own, before it writes its last segment (in turn,
        each call with all that was counted by then), so that work that follows the commit
        can begin while the workers write; the commit waits for it and raises what it
        raised."""
        try:
            fresh = not self._writer.held_segments()
            try:
                segments, mined = self._pool.finish(ahead if fresh else None)
            finally:
                self._pool.stop()
            self._writer.commit_segments(segments, replacing=self._issues)
        except BaseException:
            self._writer.cancel()
            raise
        if fresh:
            self.lexicon = summed_over_segments(self._pool.doc_counts())
        return mined

    def cancel(self) -> None:
        """Stop the workers and commit nothing."""
        self._pool.stop()
        self._writer.cancel()


class _WorkerPool:
    """WORKERS forked processes taking jobs from one bounded queue."""

    def __init__(self, ix, mine: Miner, segment_postings: int) -> None:
        kiwi()  # loaded here once: the forked workers share it (see kiwi_loader)
        context = multiprocessing.get_context("fork")
        self._jobs = context.Queue(maxsize=2 * WORKERS)  # bounds the documents in flight
        self._results = context.Queue()
        self._done: list[tuple] = []
        self._counted: list[tuple] = []  # (mined, each segment's counts) of each worker
        args = (ix, self._jobs, self._results, mine, segment_postings, os.getpid())
        self._procs = [
            context.Process(target=_work, args=args, name=f"aibrief-index-{n}", daemon=True)
            for n in range(WORKERS)
        ]
        with forking_beside_threads():  # Kiwi's threads, and the caller's
            for proc in self._procs:
                proc.start()

    def put(self, job) -> None:
        while True:
            self._check()
            with contextlib.suppress(queue.Full):
                self._jobs.put(job, timeout=POLL_SECONDS)
                return

    def finish(self, ahead: ReadAhead | None = None) -> tuple[list, dict[str, Any]]:
        for _ in self._procs:
            self.put(None)
        reading = _InTurn(ahead) if ahead is not None else None
        try:
            while len(self._done) < len(self._procs):
                counted = len(self._counted)
                self._check(wait=True)
                if reading is not None and len(self._counted) > counted:
                    reading.put(list(self._counted))
        except BaseException:
            if reading is not None:
                reading.join(raising=False)
            raise
        if reading is not None:
            reading.join()
        segments = [segment for written, _, _ in self._done for segment in written]
        mined = {issue: pairs for _, found, _ in self._done for issue, pairs in found.items()}
        return segments, mined

    def doc_counts(self) -> list[list[tuple[bytes, int]]]:
        """Each finished segment's terms of LEXICON_FIELD and their articles, in the order
        `finish` lists the segments."""
        return [counts for _, _, per_segment in self._done for counts in per_segment]

    def _check(self, wait: bool = False) -> None:
        """Collect finished workers' results; raise if one failed or died."""
        try:
            message = self._results.get(timeout=POLL_SECONDS if wait else 0.0)
        except queue.Empty:
            message = None
        if message is not None:
            if message[0] == "failed":
                raise IndexBuildError(f"an index build worker failed: {message[1]}")
            (self._counted if message[0] == "counted" else self._done).append(message[1:])
        dead = [p for p in self._procs if p.exitcode not in (None, 0)]
        if dead:
            raise IndexBuildError(
                f"index build worker {dead[0].name} died (exit code {dead[0].exitcode})"
            )

    def stop(self) -> None:
        for proc in self._procs:
            if proc.is_alive():
                proc.kill()
            proc.join()
        self._jobs.cancel_join_thread()


class _InTurn:
    """Calls of a ReadAhead in one thread of their own, one after the other, each with the
    workers' counts and mined notes gathered when it was put."""

    def __init__(self, ahead: ReadAhead) -> None:
        self._ahead = ahead
        self._calls: queue.SimpleQueue = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="aibrief-read-ahead", daemon=True)
        self._thread.start()

    def put(self, counted: list[tuple]) -> None:
        """Call it with these workers' (mined, counts) once the calls put before have ended."""
        self._calls.put(counted)

    def join(self, raising: bool = True) -> None:
        """Wait for the calls put; raise what one raised (unless not `raising`)."""
        self._calls.put(None)
        self._thread.join()
        if raising and self._error is not None:
            raise self._error

    def _run(self) -> None:
        while (counted := self._calls.get()) is not None:
            if self._error is not None:
                continue
            try:
                lexicon = summed_over_segments(c for _, counts in counted for c in counts)
                self._ahead(lexicon, {k: v for mined, _ in counted for k, v in mined.items()})
            except BaseException as error:  # raised by the commit that waits for it
                self._error = error


def _work(ix, jobs, results, mine: Miner, segment_postings: int, parent: int) -> None:
    """A worker: index jobs until None, then send back its segments, what `mine` made of
    each issue's documents and each segment's terms of LEXICON_FIELD counted (the
    WorkerBuild's lexicon)."""
    die_with_parent(parent)  # so a killed build leaves no worker writing files
    start_in_worker()
    # The postings held for a segment are millions of small tuples and nothing here makes
    # reference cycles: left on, the cycle collector rescans them all again and again.
    gc.disable()
    try:
        segments, counts, mined = [], [], {}
        writer = BuildWriter.unlocked(ix)
        while (job := jobs.get()) is not None:
            issue, docs = job
            with pretokenized(t for d in docs for t in analysed_texts(d)):
                for doc in docs:
                    writer.add_document(**with_marks(doc))
                mined[issue] = mine(docs)
            if writer.pool.postings() >= segment_postings:
                counts.append(writer.pool.doc_counts(LEXICON_FIELD))
                segments.append(writer.finish_segment())
                writer = BuildWriter.unlocked(ix)
        held = writer.pool.doc_counts(LEXICON_FIELD)
        # what the parent may read ahead while the last segment is written (WorkerBuild.commit)
        results.put(("counted", mined, [*counts, held]))
        if (last := writer.finish_segment()) is not None:
            segments.append(last)
            counts.append(held)
        # The temporary folder is shared with the parent, which removes it when it commits.
        results.put(("done", segments, mined, counts))
    except BaseException as error:  # reported to the parent, which raises it
        results.put(("failed", f"{type(error).__name__}: {error}"))
