"""Search results and related articles, remembered until the archive changes.

The web app only reads; the archive changes when an ingest (another process) commits. Each
cached answer is keyed by the archive's version, read from its issue summaries (which issues,
updated when), so a re-ingested issue is never answered from the old index. The results are
frozen dataclasses, so threads can share them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class CachedArchive:
    """An archive whose `search` and `more_like_this` answers are kept (LRU); all else passes."""

    def __init__(self, archive: Any, max_entries: int = 1024) -> None:
        self.archive = archive
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = self.misses = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.archive, name)

    def version(self) -> Hashable:
        """What changes whenever an ingest, import or removal commits."""
        return tuple((s.issue, getattr(s, "updated_at", None)) for s in self.archive.issues())

    def search(
        self,
        query: str,
        filters: Any = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
    ) -> Any:
        """archive.search, answered from the cache when asked before."""
        key = ("search", query, filters, sort, page, per_page)
        return self._remembered(
            key,
            lambda: self.archive.search(
                query, filters=filters, sort=sort, page=page, per_page=per_page
            ),
        )

    def more_like_this(self, article_id: str, limit: int = 5) -> Any:
        """archive.more_like_this, answered from the cache when asked before."""
        key = ("more_like_this", article_id, limit)
        return self._remembered(key, lambda: self.archive.more_like_this(article_id, limit=limit))

    def _remembered(self, key: tuple, compute: Callable[[], Any]) -> Any:
        key = (self.version(), *key)
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                self.hits += 1
                return self._answers[key]
        # Computed outside the lock so one slow query does not hold up the others; errors
        # (a malformed query) propagate and are not cached.
        answer = compute()
        with self._lock:
            self.misses += 1
            self._answers[key] = answer
            while len(self._answers) > self.max_entries:
                self._answers.popitem(last=False)
        return answer

    def __len__(self) -> int:
        return len(self._answers)
