"""Building a whole index in worker processes.

Kiwi's tokenizing and Whoosh's indexing are both CPU work, and most of Whoosh's is Python
under one GIL. So a large build is split by issue across forked workers: each loads its own
Kiwi (one thread), analyses, indexes and writes its own segments (a new one each time the
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
from collections.abc import Callable, Iterable

from common.child_processes import die_with_parent
from index.analysis import pretokenized, start_in_worker
from index.build_writer import BuildWriter
from index.documents import analysed_texts, with_marks
from index.errors import IndexBuildError

WORKERS = 2  # the machines we run on have two cores
POLL_SECONDS = 0.5  # how often a waiting parent checks that its workers are alive

# (issue, document fields) -> the pairs mined from them (see mined_aliases.mined_pairs)
Miner = Callable[[list[dict]], list]


def build_in_workers(
    ix,
    jobs: Iterable[tuple[str, list[dict]]],
    mine: Miner,
    timeout: float,
    segment_postings: int,
) -> dict[str, list]:
    """Index (issue, documents) jobs into `ix` in WORKERS processes and commit them at once;
    returns issue -> mined pairs. A worker starts a new segment once the one it is writing
    holds `segment_postings` postings (they are all in memory until it is written)."""
    writer = BuildWriter(ix, timeout=timeout)  # the lock is held for the whole build
    try:
        pool = _WorkerPool(ix, mine, segment_postings)
        try:
            for job in jobs:
                pool.put(job)
            segments, mined = pool.finish()
        finally:
            pool.stop()
        writer.commit_segments(segments)
    except BaseException:
        writer.cancel()
        raise
    return mined


class _WorkerPool:
    """WORKERS forked processes taking jobs from one bounded queue."""

    def __init__(self, ix, mine: Miner, segment_postings: int) -> None:
        context = multiprocessing.get_context("fork")
        self._jobs = context.Queue(maxsize=2 * WORKERS)  # bounds the documents in flight
        self._results = context.Queue()
        self._done: list[tuple] = []
        args = (ix, self._jobs, self._results, mine, segment_postings, os.getpid())
        self._procs = [
            context.Process(target=_work, args=args, name=f"aibrief-index-{n}", daemon=True)
            for n in range(WORKERS)
        ]
        for proc in self._procs:
            proc.start()

    def put(self, job) -> None:
        while True:
            self._check()
            with contextlib.suppress(queue.Full):
                self._jobs.put(job, timeout=POLL_SECONDS)
                return

    def finish(self) -> tuple[list, dict[str, list]]:
        for _ in self._procs:
            self.put(None)
        while len(self._done) < len(self._procs):
            self._check(wait=True)
        segments = [segment for written, _ in self._done for segment in written]
        mined = {issue: pairs for _, found in self._done for issue, pairs in found.items()}
        return segments, mined

    def _check(self, wait: bool = False) -> None:
        """Collect finished workers' results; raise if one failed or died."""
        try:
            message = self._results.get(timeout=POLL_SECONDS if wait else 0.0)
        except queue.Empty:
            message = None
        if message is not None:
            if message[0] == "failed":
                raise IndexBuildError(f"an index build worker failed: {message[1]}")
            self._done.append(message[1:])
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


def _work(ix, jobs, results, mine: Miner, segment_postings: int, parent: int) -> None:
    """A worker: index jobs until None, then send back its segments and mined pairs."""
    die_with_parent(parent)  # so a killed build leaves no worker writing files
    start_in_worker()
    # The postings held for a segment are millions of small tuples and nothing here makes
    # reference cycles: left on, the cycle collector rescans them all again and again.
    gc.disable()
    try:
        segments, mined = [], {}
        writer = BuildWriter.unlocked(ix)
        while (job := jobs.get()) is not None:
            issue, docs = job
            with pretokenized(t for d in docs for t in analysed_texts(d)):
                for doc in docs:
                    writer.add_document(**with_marks(doc))
                mined[issue] = mine(docs)
            if writer.pool.postings() >= segment_postings:
                segments.append(writer.finish_segment())
                writer = BuildWriter.unlocked(ix)
        if (last := writer.finish_segment()) is not None:
            segments.append(last)
        # The temporary folder is shared with the parent, which removes it when it commits.
        results.put(("done", segments, mined))
    except BaseException as error:  # reported to the parent, which raises it
        results.put(("failed", f"{type(error).__name__}: {error}"))
