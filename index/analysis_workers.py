"""Documents analysed ahead of the Whoosh writer, in worker processes when the batch is large.

Whoosh's writer is pure Python and holds the GIL; so does turning Kiwi's morphemes into terms
and marks. In one process they take turns on one core. Two worker processes (one Kiwi thread
each) analyse chunks of documents ahead while this process writes the chunks already analysed,
so analysis and writing use both cores. A worker costs one to two seconds to start (it loads
Kiwi's model), so a small batch is analysed here, as one Kiwi batch on two threads.

Workers die with the process that started them (Linux: PR_SET_PDEATHSIG) and the pool is shut
down when the documents are written or the writing fails, so none outlives its batch.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import chain, islice

from index import analysis
from index.analysis import analyze_many, pretokenized
from index.documents import analysed_texts, as_written, field_marks
from index.schema import CONTENT_PARTS

WORKERS = 2
CHUNK_DOCUMENTS = 16  # documents per task: large enough that pickling is a small share
AHEAD = 3 * WORKERS  # chunks in flight: keeps both workers busy while memory stays bounded
# Below this many characters, starting the workers costs more than they save.
MIN_WORKER_CHARS = 1_000_000
PR_SET_PDEATHSIG = 1

Analysed = tuple[dict, dict[str, list]]  # the document as written, its texts' terms
# A document's marks and, for each of CONTENT_PARTS, its terms as plain tuples: what a worker
# sends back (the texts stay here; plain tuples unpickle an order of magnitude faster).
Sent = tuple[dict, tuple[list[tuple], ...]]


def batch_chars(docs: Iterable[dict]) -> int:
    """Characters the analyzers will read for these documents."""
    return sum(len(text) for doc in docs for text in analysed_texts(doc))


def analyse_chunk(docs: list[dict]) -> list[Sent]:
    """Each document's marks and its parts' terms, from one Kiwi batch."""
    terms = analyze_many(t for d in docs for t in analysed_texts(d))
    with pretokenized(analysis=terms):
        return [
            (field_marks(doc), tuple(_plain(terms.get(doc[name], ())) for name in CONTENT_PARTS))
            for doc in docs
        ]


def _plain(terms) -> list[tuple]:
    return [tuple(term) for term in terms]


def received(docs: list[dict], sent: list[Sent]) -> Iterator[Analysed]:
    """The documents as written, with the terms of their texts, from what a worker sent."""
    for doc, (marks, parts) in zip(docs, sent, strict=True):
        terms = {doc[name]: part for name, part in zip(CONTENT_PARTS, parts, strict=True)}
        yield as_written(doc, marks), terms


def start_worker(parent: int) -> None:
    """Run in each worker: die with the parent (Linux), then load Kiwi with one thread."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    analysis.kiwi_after_fork(threads=1)
    analysis.kiwi()


@contextmanager
def analysed_documents(docs: Iterable[dict]) -> Iterator[Iterator[Analysed]]:
    """The documents, analysed, in their order: in worker processes when they hold at least
    MIN_WORKER_CHARS characters, else here. Use in a `with` block: leaving it (also on an
    error) stops the workers."""
    docs = iter(docs)
    head, chars = [], 0
    for doc in docs:  # read only as far as needed to decide
        head.append(doc)
        chars += batch_chars([doc])
        if chars >= MIN_WORKER_CHARS:
            break
    if chars < MIN_WORKER_CHARS:
        yield _here(head)
        return
    # fork, not spawn: spawn re-imports the main script, which breaks any script that does
    # not guard its top level; each worker loads its own Kiwi (see kiwi_after_fork)
    pool = ProcessPoolExecutor(
        max_workers=WORKERS,
        mp_context=multiprocessing.get_context("fork"),
        initializer=start_worker,
        initargs=(os.getpid(),),
    )
    pending: deque[tuple[list[dict], Future]] = deque()
    try:
        yield _from_pool(pool, chain(head, docs), pending)
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _here(docs: list[dict]) -> Iterator[Analysed]:
    if docs:
        yield from received(docs, analyse_chunk(docs))


def _from_pool(pool: ProcessPoolExecutor, docs: Iterator[dict], pending: deque) -> Iterator:
    """Submit chunks AHEAD of the one being written; `pending` is left for the caller to
    cancel if writing stops early."""
    while chunk := list(islice(docs, CHUNK_DOCUMENTS)):
        pending.append((chunk, pool.submit(analyse_chunk, chunk)))
        if len(pending) >= AHEAD:
            done, future = pending.popleft()
            yield from received(done, future.result())
    while pending:
        done, future = pending.popleft()
        yield from received(done, future.result())
