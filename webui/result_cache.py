"""Search results and related articles, remembered until the archive changes.

The web app only reads; the archive changes when an ingest (another process) commits. Each
cached answer is keyed by the archive's version, read from its issue summaries (which issues,
updated when), so a re-ingested issue is never answered from the old index. The results are
frozen dataclasses, so threads can share them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from archive import ArchiveReader, LRUCache
from index import Hit, SearchFilters, SearchResult, SharedBudget


class CachedArchive:
    """An archive whose `search` and `more_like_this` answers are kept (LRU); all else passes."""

    def __init__(self, archive: ArchiveReader, max_entries: int = 1024) -> None:
        self.archive = archive
        self.max_entries = max_entries
        self._answers: LRUCache[Hashable, Any] = LRUCache(max_entries)
        self.hits = self.misses = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.archive, name)

    def version(self) -> Hashable:
        """What changes whenever an ingest, import or removal commits."""
        return tuple((s.issue, s.updated_at) for s in self.archive.issues())

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
        expand: bool = True,
        budget: SharedBudget | None = None,
    ) -> SearchResult:
        """archive.search, answered from the cache when asked before; an answer whose optional
        work the time budget cut short depends on the load of its moment, and is not kept."""
        key = ("search", query, filters, sort, page, per_page, expand)
        return self._remembered(
            key,
            lambda: self.archive.search(
                query,
                filters=filters,
                sort=sort,
                page=page,
                per_page=per_page,
                expand=expand,
                budget=budget,
            ),
            keep=lambda result: not result.cut_for_time,
        )

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]:
        """archive.more_like_this, answered from the cache when asked before."""
        key = ("more_like_this", article_id, limit)
        return self._remembered(key, lambda: self.archive.more_like_this(article_id, limit=limit))

    def _remembered(
        self, key: tuple, compute: Callable[[], Any], keep: Callable[[Any], bool] | None = None
    ) -> Any:
        key = (self.version(), *key)
        answer = self._answers.get(key)
        if answer is not None:
            self.hits += 1
            return answer
        # Errors (a malformed query) propagate and are not cached.
        answer = compute()
        self.misses += 1
        return answer if keep is not None and not keep(answer) else self._answers.put(key, answer)

    def __len__(self) -> int:
        return len(self._answers)
