"""The Archive: one home folder holding the catalog, the issues' JSON and PDFs, and the index.

The read API and the writes a user asks for (ingest, import, remove); keeping the home's parts
consistent is the `Store`'s job (archive/store.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from archive.actor_reading import ActorReading
from archive.catalog import FileRow
from archive.errors import IndexRebuilding, IndexUnavailable, NotFound, no_article
from archive.importing import ImportReport, import_articles
from archive.ingest import Extractor, IngestReport, IngestRun, ProgressCallback, extract_with_parser
from archive.messages import translatable
from archive.store import CommitStepCallback, Store, open_search_index
from archive.summaries import ArticleFilter, IssueSummary, Stats
from extract.model import UNKNOWN_LAYOUT, Article, Issue
from index import (
    BUDGET_SECONDS,
    Hit,
    NotIndexed,
    SearchFilters,
    SearchResult,
    SharedBudget,
    StaleIndexError,
)
from index import IndexRebuilding as FirstBuild

DEFAULT_LOCK_TIMEOUT = 600.0


class Archive(ActorReading):
    """The collection on disk; see the package docstring for the public methods."""

    def __init__(
        self,
        home: str | Path,
        *,
        extractor: Extractor = extract_with_parser,
        index_opener: Callable[[Path], Any] = open_search_index,
        lock_timeout: float | None = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
        reconcile_on_read: bool = True,
        on_commit_step: CommitStepCallback | None = None,
        search_budget: float = BUDGET_SECONDS,
    ) -> None:
        """Open (or create) the archive in `home`; `on_wait` receives messages for the user
        (waiting for another writer, a damaged index set aside). With `reconcile_on_read`
        False (the web server), reading never takes the lock: call `reconcile()` once.
        `on_commit_step(step, issue)` is called at each of store.COMMIT_STEPS (crash tests).
        `search_budget`: the seconds a search may run before its optional work is skipped."""
        self.store = Store(Path(home), index_opener, on_wait, on_commit_step)
        self.home = self.store.home
        self.catalog = self.store.catalog
        self.files = self.store.files
        self.lock = self.store.lock
        self.extractor = extractor
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self.reconcile_on_read = reconcile_on_read
        self.search_budget = search_budget
        # The catalog's data_version when this thread last reconciled; each thread has its own
        # catalog connection, and data_version is only comparable within one connection.
        self._reconciled = threading.local()
        self._actor_listing = None  # (catalog state, ActorListing), built when first asked
        try:
            if self.lock.try_acquire():  # when another process writes, it settles on its own
                try:
                    self.store.settle_files()
                finally:
                    self.lock.release()
        except BaseException:
            self.close()  # an archive that could not be opened holds no database open
            raise

    # -- writing, under the lock ---------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the archive's lock, with files and index reconciled, for one write."""
        self.lock.acquire(self.lock_timeout, self.on_wait)
        try:
            self.store.settle_files()
            self.store.rederive_actors()
            self.store.reconcile_index(self.store.open_index())
            yield
            # Replaced and removed articles would count in the ranking's statistics until
            # merged away: ranking depends only on what the archive holds.
            self.store.open_index().merge_deleted()
        finally:
            self.lock.release()

    def ingest(
        self,
        paths: Iterable[str | Path],
        workers: int | None = None,
        force: bool = False,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Ingest PDFs (files, folders, globs) with `workers` extraction processes (None: one
        per core); held files are skipped unless `force`."""
        with self.writing():
            return IngestRun(self.store, self.extractor, force).run(paths, workers, progress)

    def import_jsonl(self, path: str | Path) -> ImportReport:
        """Load exported articles (JSON Lines) into their issues; bad lines are reported."""
        with self.writing():
            return import_articles(self.store, Path(path))

    def remove(self, issue: str) -> None:
        """Drop an issue: its catalog row, files and index entries."""
        with self.writing():
            self.store.remove_issue(issue)

    # -- reading -------------------------------------------------------------------------

    def reconcile(self) -> bool:
        """Finish what a killed writer left and bring the index up to date with the catalog,
        unless another process is writing (it does so itself); True when done here."""
        # Under the guard, so that no other thread of this process holds the archive lock
        # (held by this object, not by a thread) when this one takes and releases it.
        with self.store.index_guard:
            if self.lock.held or not self.lock.try_acquire():
                return False
            try:
                self.store.settle_files()
                self.store.rederive_actors()
                self.store.reconcile_index(self.store.open_index())
                self._reconciled.version = self.catalog.data_version()
            finally:
                self.lock.release()
            return True

    @property
    def index(self) -> Any:
        """The search index; reconciled first when the catalog changed and no writer is busy,
        unless the archive was opened with reconcile_on_read=False."""
        seen = getattr(self._reconciled, "version", None)
        if self.store.opened_index is not None and (
            not self.reconcile_on_read or self.catalog.data_version() == seen
        ):
            return self.store.opened_index
        if self.reconcile_on_read:
            self.reconcile()
        return self.store.open_index()

    @contextmanager
    def _searching(self) -> Iterator[Any]:
        """The index, with its errors translated into the archive's."""
        try:
            yield self.index
        except FirstBuild as error:
            of = f"{error.done} of {error.total}" if error.total is not None else error.done
            raise IndexRebuilding(
                f"the search index is being rebuilt ({of} issues); try again when it is done"
            ) from error
        except StaleIndexError as error:
            raise IndexUnavailable(
                "the search index is out of date and is being rebuilt by the process holding"
                f" the archive ({self.lock.holder()}); try again when it is done"
            ) from error

    def issues(self) -> list[IssueSummary]:
        """Every held issue, oldest first."""
        return [
            IssueSummary(
                r.issue,
                r.title,
                r.articles,
                r.origin,
                r.source_path,
                r.source_sha256,
                r.updated_at,
                r.layout,
            )
            for r in self.catalog.issues()
        ]

    def files_seen(self) -> list[FileRow]:
        """Every file an ingest has seen: held, replaced, removed or failed (with the reason)."""
        return self.catalog.files()

    def issue(self, issue: str) -> Issue:
        """One held issue, read from its JSON; raises NotFound."""
        return self.store.issue(issue)

    def article(self, article_id: str) -> Article:
        """One article by id ("2024-04-07"); raises NotFound."""
        issue = article_id[:7]
        if self.catalog.issue(issue) is not None:
            for article in self.issue(issue).articles:
                if article.id == article_id:
                    return article
        raise no_article(article_id)

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
        """Search the index (see index.SearchIndex.search); raises QueryError. expand=False
        looks for the words typed only, without the thesaurus's concepts. `budget`: the time
        budget this search shares with the others of a web request, else the archive's own
        `search_budget` for this search alone."""
        with self._searching() as index:
            return index.search(
                query,
                filters=filters,
                sort=sort,
                page=page,
                per_page=per_page,
                expand=expand,
                budget=self.search_budget if budget is None else budget,
            )

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]:
        """Articles like this one (see index.SearchIndex.more_like_this); raises NotFound."""
        with self._searching() as index:
            try:
                return index.more_like_this(article_id, limit=limit)
            except NotIndexed:
                raise no_article(article_id) from None

    def export_articles(
        self,
        query: str | None = None,
        filters: ArticleFilter | None = None,
        sort: str | None = None,
        expand: bool = True,
        budget: SharedBudget | None = None,
        limits: list[str] | None = None,
    ) -> Iterator[Article]:
        """The articles matching a query (every article when None): in archive order, or by
        `sort` ("relevance" ranks a query's matches, "newest" and "oldest" order by issue).
        The query is bounded as `search` bounds it (`budget`, else `search_budget`), and what
        that cut short (the nearest spellings not looked up in time) is appended to `limits`
        once the first article is asked for."""
        ranked = None
        if query:
            with self._searching() as index:
                ranked = index.article_ids(
                    query,
                    expand=expand,
                    budget=self.search_budget if budget is None else budget,
                    limits=limits,
                )
        filters = filters or ArticleFilter()
        held = [row.issue for row in self.catalog.issues() if filters.admits_issue(row.issue)]
        if sort in ("newest", "oldest"):
            held.sort(reverse=sort == "newest")
        found = (a for issue in held for a in self.issue(issue).articles if filters.admits(a))
        if ranked is None:
            yield from found
        elif sort == "relevance":
            place = {article_id: n for n, article_id in enumerate(ranked)}
            yield from sorted((a for a in found if a.id in place), key=lambda a: place[a.id])
        else:
            wanted = set(ranked)
            yield from (a for a in found if a.id in wanted)

    def stats(self) -> Stats:
        """How much the archive holds."""
        rows = self.catalog.issues()
        with self._searching() as index:
            documents, size = index.doc_count(), index.size_bytes()
        return Stats(
            home=str(self.home),
            issues=len(rows),
            articles=sum(row.articles for row in rows),
            index_documents=documents,
            index_bytes=size,
            last_ingest=self.catalog.last_ingest(),
            read_generically=tuple(r.issue for r in rows if r.layout == UNKNOWN_LAYOUT),
        )

    def pdf_path(self, issue: str) -> Path:
        """The held copy of an issue's PDF; raises NotFound (imported issues have none)."""
        row = self.catalog.issue(issue)
        path = self.files.pdf_path(issue)
        if row is None or row.origin != "pdf" or not path.is_file():
            raise NotFound(translatable("no PDF of issue %(issue)s in the archive", issue=issue))
        return path

    def close(self) -> None:
        """Close the catalog (and the index, if it can be closed)."""
        self.store.close()
