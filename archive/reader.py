"""The archive as its readers see it (the web page): a Protocol, so that a stand-in used in
tests is checked against the real `Archive` instead of drifting from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from archive.actor_listing import ActorList, ActorProfile
from archive.summaries import ArticleFilter, IssueSummary, Stats
from extract.model import Article, Issue
from index import Hit, SearchFilters, SearchResult, SharedBudget


class ArchiveReader(Protocol):
    """What a reader may call; `Archive` implements it (see its docstrings)."""

    def issues(self) -> list[IssueSummary]: ...

    def issue(self, issue: str) -> Issue: ...

    def article(self, article_id: str) -> Article: ...

    def pdf_path(self, issue: str) -> Path: ...

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
        expand: bool = True,
        budget: SharedBudget | None = None,
    ) -> SearchResult: ...

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]: ...

    def export_articles(
        self,
        query: str | None = None,
        filters: ArticleFilter | None = None,
        sort: str | None = None,
        expand: bool = True,
        budget: SharedBudget | None = None,
        limits: list[str] | None = None,
    ) -> Iterator[Article]: ...

    def stats(self) -> Stats: ...

    def actors(
        self,
        year: int | None = None,
        section: str | None = None,
        country: str | None = None,
        kind: str | None = None,
        limit: int | None = 50,
    ) -> ActorList: ...

    def actor(self, spelling: str) -> ActorProfile: ...

    def close(self) -> None: ...
