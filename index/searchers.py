"""One open searcher per thread, refreshed when the index changes.

Opening a Whoosh searcher reads the segment's files afresh (tens of milliseconds on a large
index), so searches reuse one and only reopen it after a commit. Whoosh searchers are not
safe to share between threads, hence one per thread.
"""

from __future__ import annotations

import threading

from index.bm25 import weighting


class SearcherCache:
    """Hands out the calling thread's searcher over an index, up to date with its last commit."""

    def __init__(self, ix) -> None:
        self._ix = ix
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list = []

    def current(self):
        """The thread's searcher, refreshed if another commit happened since it was opened."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._ix.searcher(weighting=weighting())
        elif not searcher.up_to_date():
            # Reopened rather than refresh()ed: refreshing a searcher over an empty index
            # fails inside Whoosh (its EmptyReader has no segments to reuse).
            with self._lock:
                self._open.remove(searcher)
            searcher.close()
            searcher = self._ix.searcher(weighting=weighting())
        else:
            return searcher
        self._local.searcher = searcher
        with self._lock:
            self._open.append(searcher)
        return searcher

    def close(self) -> None:
        """Close every thread's searcher."""
        with self._lock:
            for searcher in self._open:
                searcher.close()
            self._open.clear()
        self._local = threading.local()
