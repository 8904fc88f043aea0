"""Open searchers lent to reading blocks, reused, and refreshed when the index changes.

Opening a Whoosh searcher reads the segment's files afresh (tens of milliseconds on a large
index) and holds their postings in memory (Whoosh's compound storage hands each file over as a
copy of its mapping: about 1.2 GB at 100,000 articles), so searches reuse one and only reopen
it after a commit. Whoosh searchers are not safe to share between threads, so each is lent to
one reading block at a time; a block that ends gives it back for the next, of whichever thread.
The searchers open are thus as many as the blocks that ever read at once (the web server's
compute gate lets two), not one for each thread that ever searched: a searcher a thread, with
the server's 24 threads, held 18.7 GB when a burst of searches at 100,000 articles was killed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from index.bm25 import weighting


class SearcherCache:
    """Lends searchers over an index, up to date with its last commit."""

    def __init__(self, ix) -> None:
        self._ix = ix
        self._held = threading.local()  # the searcher lent to this thread's open block
        self._lock = threading.Lock()
        self._open: list = []
        self._free: list = []  # open and lent to no block; the last given back on top

    @contextmanager
    def lent(self) -> Iterator:
        """A searcher for the block, given back when it ends; a block inside another of the
        same thread reads with the outer one's."""
        held = getattr(self._held, "searcher", None)
        if held is not None:
            yield held
            return
        searcher = self._take()
        self._held.searcher = searcher
        try:
            yield searcher
        finally:
            self._held.searcher = None
            with self._lock:
                if searcher in self._open:  # else closed meanwhile (see close)
                    self._free.append(searcher)

    def _take(self):
        with self._lock:
            searcher = self._free.pop() if self._free else None
            if searcher is not None and not searcher.up_to_date():
                # Reopened rather than refresh()ed: refreshing a searcher over an empty index
                # fails inside Whoosh (its EmptyReader has no segments to reuse).
                self._open.remove(searcher)
                searcher.close()
                searcher = None
        if searcher is None:
            searcher = self._ix.searcher(weighting=weighting())
            with self._lock:
                self._open.append(searcher)
        return searcher

    def open_count(self) -> int:
        """How many searchers are open, lent or not."""
        with self._lock:
            return len(self._open)

    def close(self) -> None:
        """Close every searcher; one lent now is closed too, and not taken back."""
        with self._lock:
            for searcher in self._open:
                searcher.close()
            self._open.clear()
            self._free.clear()
