"""The Archive: one home folder holding the catalog, the issues' JSON and PDFs, and the index.

The issue JSON files and the catalog are the truth; the index is derived from them and is
reconciled (missing or stale issues re-indexed, orphans dropped) whenever a writer holds the lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.catalog import Catalog, FileRow, IngestRow, IssueRow, now
from archive.errors import ArchiveError, NotFound
from archive.faults import pause_point
from archive.ingest import Extractor, IngestReport, IngestRun, ProgressCallback
from archive.issue_files import IssueFiles
from archive.lock import ArchiveLock
from extract.model import Article, Issue

DEFAULT_LOCK_TIMEOUT = 600.0


def extract_with_parser(path: Path) -> Issue:
    """The default extractor: the project's PDF parser."""
    from extract import extract_issue

    return extract_issue(path)


def open_search_index(directory: Path) -> Any:
    """The default index: index.SearchIndex in home/index."""
    from index import SearchIndex

    return SearchIndex.open(directory)


@dataclass(frozen=True)
class IssueSummary:
    """One held issue as `aibrief list` shows it."""

    issue: str
    title: str
    articles: int
    origin: str  # "pdf" or "imported"
    source_path: str | None
    source_sha256: str | None
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles an export takes: by issue and by section (empty: all)."""

    issues: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()

    def admits(self, article: Article) -> bool:
        """True when the article passes both filters."""
        return (not self.issues or article.issue in self.issues) and (
            not self.sections or article.section in self.sections
        )


@dataclass(frozen=True)
class Stats:
    """The size of an archive and when it last took in files."""

    home: str
    issues: int
    articles: int
    index_documents: int
    index_bytes: int
    last_ingest: IngestRow | None

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["last_ingest"] = self.last_ingest.__dict__ if self.last_ingest else None
        return data


class Archive:
    """The collection on disk; see the package docstring for the public methods."""

    def __init__(
        self,
        home: str | Path,
        *,
        extractor: Extractor = extract_with_parser,
        index_opener: Callable[[Path], Any] = open_search_index,
        lock_timeout: float | None = DEFAULT_LOCK_TIMEOUT,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        """Open (or create) the archive in `home`; `on_wait` receives messages for the user
        (waiting for another writer, a damaged index set aside)."""
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.catalog = Catalog(self.home / "catalog.sqlite3")
        self.files = IssueFiles(self.home)
        self.lock = ArchiveLock(self.home / ".lock")
        self.extractor = extractor
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self._index_opener = index_opener
        self._index: Any = None
        # The web server reads from many threads: one opens and reconciles the index at a time.
        self._index_guard = threading.RLock()
        self._loaded: dict[str, tuple[str, Issue]] = {}
        # The catalog's data_version when this thread last reconciled; each thread has its own
        # catalog connection, and data_version is only comparable within one connection.
        self._reconciled = threading.local()
        if self.lock.try_acquire():  # when another process writes, it settles on its own
            try:
                self._settle_files()
            finally:
                self.lock.release()

    # -- writing, under the lock ---------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the archive's lock, with files and index reconciled, for one write."""
        self.lock.acquire(self.lock_timeout, self.on_wait)
        try:
            self._settle_files()
            self._reconcile_index(self._open_index())
            yield
        finally:
            self.lock.release()

    def _settle_files(self) -> None:
        """Finish or undo what a killed writer left: pending files, orphan JSON, lost rows."""
        rows = {row.issue: row for row in self.catalog.issues()}
        committed = {
            issue: (row.fingerprint, row.source_sha256 if row.origin == "pdf" else None)
            for issue, row in rows.items()
        }
        self.files.settle_pending(committed)
        held = set(self.files.held())
        for issue in held - rows.keys():  # a removal was killed after its catalog commit
            self.files.delete(issue)
        for issue in rows.keys() - held:  # its JSON is gone: the issue cannot be whole
            self.catalog.remove_issue(issue)

    def _reconcile_index(self, index: Any) -> None:
        """Make the index match the catalog: re-index missing or stale issues, drop orphans."""
        rows = self.catalog.issues()
        if index.needs_rebuild():
            from index.errors import IndexBuildError

            try:
                index.rebuild(
                    (row.issue, self.issue(row.issue).articles, row.fingerprint) for row in rows
                )
            except IndexBuildError as error:
                raise ArchiveError(
                    f"the search index could not be rebuilt ({error}); the archive's issues are"
                    " unchanged and the next ingest or search rebuilds it"
                ) from error
            return
        indexed = index.fingerprints()
        for row in rows:
            if indexed.get(row.issue) != row.fingerprint:
                index.replace_issue(row.issue, self.issue(row.issue).articles, row.fingerprint)
        for issue in indexed.keys() - {row.issue for row in rows}:
            index.remove_issue(issue)

    def commit_issue(
        self,
        issue: Issue,
        origin: str,
        source_path: str | None,
        source_sha256: str | None,
        pdf: Path | None,
    ) -> None:
        """Make `issue` part of the archive, whole, replacing the version held (lock held).

        `pdf` is a new PDF to hold a copy of; None keeps the held copy of a "pdf" issue.
        """
        fingerprint = self.files.write_pending(issue, pdf)
        pause_point("before-catalog", issue.issue)
        row = IssueRow(
            issue=issue.issue,
            title=issue.title,
            origin=origin,
            source_path=source_path,
            source_sha256=source_sha256,
            articles=len(issue.articles),
            fingerprint=fingerprint,
            updated_at=now(),
        )
        self.catalog.commit_issue(row)
        self.files.promote(issue.issue, keep_pdf=origin == "pdf")
        pause_point("before-index", issue.issue)
        self._open_index().replace_issue(issue.issue, issue.articles, fingerprint)

    def ingest(
        self,
        paths: Iterable[str | Path],
        workers: int = 2,
        force: bool = False,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Ingest PDFs (files, folders, globs); held files are skipped unless `force`."""
        with self.writing():
            return IngestRun(self, self.extractor, force).run(paths, workers, progress)

    def import_jsonl(self, path: str | Path) -> Any:
        """Load exported articles (JSON Lines) into their issues; bad lines are reported."""
        from archive.importing import import_articles

        with self.writing():
            return import_articles(self, Path(path))

    def remove(self, issue: str) -> None:
        """Drop an issue: its catalog row, files and index entries."""
        with self.writing():
            if self.catalog.issue(issue) is None:
                raise NotFound(f"no issue {issue} in the archive")
            self.catalog.remove_issue(issue)
            self.files.delete(issue)
            self._open_index().remove_issue(issue)

    # -- reading -------------------------------------------------------------------------

    def _open_index(self) -> Any:
        with self._index_guard:
            if self._index is None:
                directory = self.home / "index"
                try:
                    self._index = self._index_opener(directory)
                except Exception as error:  # the index's own errors: whoosh is not imported
                    if not self.lock.held:
                        raise ArchiveError(
                            f"the search index in {directory} cannot be opened ({error}); "
                            "the next ingest rebuilds it"
                        ) from error
                    self._index = self._set_aside_damaged_index(directory, error)
            return self._index

    def _set_aside_damaged_index(self, directory: Path, error: Exception) -> Any:
        """Keep a damaged index for inspection and start an empty one (lock held); the
        reconciliation that follows re-indexes every issue from its JSON."""
        aside = directory.with_name(f"index.damaged-{now().replace(':', '')}")
        directory.rename(aside)
        if self.on_wait is not None:
            self.on_wait(f"the search index could not be opened ({error}); moved to {aside}")
        return self._index_opener(directory)

    @property
    def index(self) -> Any:
        """The search index, reconciled with the catalog when no writer is busy."""
        seen = getattr(self._reconciled, "version", None)
        if self._index is not None and self.catalog.data_version() == seen:
            return self._index
        # Under the guard, so that no other thread of this process holds the archive lock
        # (held by this object, not by a thread) when this one takes and releases it.
        with self._index_guard:
            if not self.lock.held and self.lock.try_acquire():
                try:
                    self._settle_files()
                    self._reconcile_index(self._open_index())
                    self._reconciled.version = self.catalog.data_version()
                finally:
                    self.lock.release()
            return self._open_index()

    def issues(self) -> list[IssueSummary]:
        """Every held issue, oldest first."""
        return [
            IssueSummary(
                r.issue, r.title, r.articles, r.origin, r.source_path, r.source_sha256, r.updated_at
            )
            for r in self.catalog.issues()
        ]

    def files_seen(self) -> list[FileRow]:
        """Every file an ingest has seen: held, replaced, removed or failed (with the reason)."""
        return self.catalog.files()

    def issue(self, issue: str) -> Issue:
        """One held issue, read from its JSON; raises NotFound."""
        row = self.catalog.issue(issue)
        if row is None:
            raise NotFound(f"no issue {issue} in the archive")
        cached = self._loaded.get(issue)
        if cached is None or cached[0] != row.fingerprint:
            cached = (row.fingerprint, self.files.read(issue))
            self._loaded[issue] = cached
        return cached[1]

    def article(self, article_id: str) -> Article:
        """One article by id ("2024-04-07"); raises NotFound."""
        issue = article_id[:7]
        if self.catalog.issue(issue) is not None:
            for article in self.issue(issue).articles:
                if article.id == article_id:
                    return article
        raise NotFound(f"no article {article_id} in the archive")

    def search(
        self,
        query: str,
        filters: Any = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
    ) -> Any:
        """Search the index (see index.SearchIndex.search)."""
        return self.index.search(query, filters=filters, sort=sort, page=page, per_page=per_page)

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Any]:
        """Articles like this one (see index.SearchIndex.more_like_this)."""
        try:
            return self.index.more_like_this(article_id, limit=limit)
        except KeyError:
            raise NotFound(f"no article {article_id} in the archive") from None

    def export_articles(
        self, query: str | None = None, filters: ArticleFilter | None = None
    ) -> Iterator[Article]:
        """The articles matching a query (every article when None), in archive order."""
        wanted = set(self.index.article_ids(query)) if query else None
        filters = filters or ArticleFilter()
        for row in self.catalog.issues():
            if filters.issues and row.issue not in filters.issues:
                continue
            for article in self.issue(row.issue).articles:
                if filters.admits(article) and (wanted is None or article.id in wanted):
                    yield article

    def stats(self) -> Stats:
        """How much the archive holds."""
        rows = self.catalog.issues()
        index = self.index
        return Stats(
            home=str(self.home),
            issues=len(rows),
            articles=sum(row.articles for row in rows),
            index_documents=index.doc_count(),
            index_bytes=index.size_bytes(),
            last_ingest=self.catalog.last_ingest(),
        )

    def pdf_path(self, issue: str) -> Path:
        """The held copy of an issue's PDF; raises NotFound (imported issues have none)."""
        row = self.catalog.issue(issue)
        path = self.files.pdf_path(issue)
        if row is None or row.origin != "pdf" or not path.is_file():
            raise NotFound(f"no PDF of issue {issue} in the archive")
        return path

    def close(self) -> None:
        """Close the catalog (and the index, if it can be closed)."""
        self.catalog.close()
        if self._index is not None and hasattr(self._index, "close"):
            self._index.close()
