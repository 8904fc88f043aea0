"""The parts of a home folder kept consistent: catalog, issue files, the lock and the index.

The issue JSON files and the catalog are the truth; the index is derived from them and is
reconciled (missing or stale issues re-indexed, orphans dropped) whenever a writer holds the lock.
Ingest and import write through a `Store` whose lock is held; the `Archive` reads through it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.catalog import Catalog, IssueRow, now
from archive.errors import ArchiveError, IndexUnavailable, NotFound
from archive.issue_files import IssueFiles
from archive.lock import ArchiveLock
from archive.messages import translatable
from common.atomic_files import write_atomic
from extract.model import Issue

ACTORS_VERSION_FILE = "actors-version"  # the actor rules every held issue was derived with


def with_current_actors(issue: Issue) -> Issue:
    """The issue with its articles' subject, actors and countries derived by the current
    rules and table (as it is, when they already were)."""
    from index import actors_version, with_actors

    return issue if issue.actors_version == actors_version() else with_actors(issue)


# The named moments inside a commit, for a test's `on_commit_step(step, issue)` callback to stop
# a writer at: the issue's new files are written, the catalog not yet committed; the catalog is
# committed and the files are in place, the index not yet updated; and, once for the issues
# indexed together (Store.indexing_together), just before the index commits them. A rebuild of
# the index adds its own (index.REBUILD_STEPS): each issue taken, the new index built, then
# switched to. A removal stops at "before-catalog" (its files marked) and "before-files" (the
# catalog has forgotten the issue, its files are still there).
COMMIT_STEPS = ("before-catalog", "before-index", "before-index-batch", "before-files")
CommitStepCallback = Callable[[str, str], None]


@dataclass(frozen=True)
class IssueCommit:
    """One issue to commit, and where it came from (see Store.commit_issue)."""

    issue: Issue
    origin: str  # "pdf" or "imported"
    source_path: str | None
    source_sha256: str | None
    pdf: Path | None  # a new PDF to hold a copy of


def _span(issues: list[str]) -> str:
    """The issues committed together, as the commit steps name them: 2024-01..2024-03."""
    return issues[0] if len(issues) == 1 else f"{issues[0]}..{issues[-1]}"


def open_search_index(directory: Path) -> Any:
    """The default index: index.SearchIndex in home/index."""
    from index import SearchIndex

    return SearchIndex.open(directory)


class Store:
    """A home folder's catalog, issue files, lock and index, and the steps that keep them whole."""

    def __init__(
        self,
        home: Path,
        index_opener: Callable[[Path], Any] = open_search_index,
        on_wait: Callable[[str], None] | None = None,
        on_commit_step: CommitStepCallback | None = None,
    ) -> None:
        self.home = home
        self.home.mkdir(parents=True, exist_ok=True)
        self.files = IssueFiles(self.home)
        self.lock = ArchiveLock(self.home / ".lock")
        # Opened last, so that nothing failing here leaves it open.
        self.catalog = Catalog(self.home / "catalog.sqlite3")
        self.on_wait = on_wait
        self._on_commit_step = on_commit_step
        self._index_opener = index_opener
        self._index: Any = None
        # The web server reads from many threads: one opens and reconciles the index at a time.
        self.index_guard = threading.RLock()
        self._loaded: dict[str, tuple[str, Issue]] = {}
        self._batch: Any = None  # the index batch open in indexing_together()

    def settle_files(self) -> None:
        """Finish or undo what a killed writer left: pending files, orphan JSON, lost rows."""
        rows = {row.issue: row for row in self.catalog.issues()}
        committed = {
            issue: (row.fingerprint, row.source_sha256 if row.origin == "pdf" else None)
            for issue, row in rows.items()
        }
        self.files.settle_pending(committed)
        held = self.files.settle_unlisted(rows.keys())
        for issue in rows.keys() - held:  # its JSON is gone: the issue cannot be whole
            self.catalog.remove_issue(issue)

    def reconcile_index(self, index: Any) -> None:
        """Make the index match the catalog: re-index missing or stale issues, drop orphans."""
        rows = self.catalog.issues()
        if index.needs_rebuild():
            from index import IndexBuildError

            try:
                index.rebuild(
                    ((row.issue, self.issue(row.issue).articles, row.fingerprint) for row in rows),
                    total=len(rows),
                    on_step=self._on_commit_step,
                )
            except IndexBuildError as error:
                raise ArchiveError(
                    f"the search index could not be rebuilt ({error}); the archive's issues are"
                    " unchanged and the next ingest or search rebuilds it"
                ) from error
            return
        indexed = index.fingerprints()
        stale = [row for row in rows if indexed.get(row.issue) != row.fingerprint]
        if stale:
            with self.indexing_together():
                for row in stale:
                    self._batch.add(row.issue, self.issue(row.issue).articles, row.fingerprint)
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

        `pdf` is a new PDF to hold a copy of; None keeps the held copy of a "pdf" issue. The
        articles' actors are derived first, unless they were by the current rules. Inside
        `indexing_together()`, the index is updated with the others at its end.
        """
        self.commit_issues([IssueCommit(issue, origin, source_path, source_sha256, pdf)])

    def commit_issues(self, commits: list[IssueCommit]) -> None:
        """Make these issues part of the archive as commit_issue does, all in one catalog
        transaction and one index commit: after a kill, all of them are held or none. The
        index analyses each issue as soon as it is written (in workers, when they are many)."""
        expected = sum(len(a.text) for commit in commits for a in commit.issue.articles)
        with self.indexing_together(expected):
            staged = []
            for commit in commits:
                issue, row = self._write_pending(commit)
                self._batch.add(issue.issue, issue.articles, row.fingerprint)
                staged.append(row)
            if not staged:
                return
            span = _span([row.issue for row in staged])
            self._step("before-catalog", span)
            self.catalog.commit_issues(staged)
            for row in staged:
                self.files.promote(row.issue, keep_pdf=row.origin == "pdf")
            self._step("before-index", span)

    def _write_pending(self, commit: IssueCommit) -> tuple[Issue, IssueRow]:
        """The issue with its actors, written beside the held version; and its catalog row."""
        issue = with_current_actors(commit.issue)
        row = IssueRow(
            issue=issue.issue,
            title=issue.title,
            origin=commit.origin,
            source_path=commit.source_path,
            source_sha256=commit.source_sha256,
            articles=len(issue.articles),
            fingerprint=self.files.write_pending(issue, commit.pdf),
            updated_at=now(),
            layout=issue.layout,
            layout_version=issue.layout_version,
        )
        return issue, row

    @contextmanager
    def indexing_together(self, expected_chars: int = 0) -> Iterator[None]:
        """Within the block, the issues committed are indexed together, in one commit of the
        index at its end (a large batch is analysed in worker processes meanwhile; say how
        large when it is known). If the index fails, the block stops there, and the index is
        left as it was: the issues committed to the catalog by then are held all the same,
        and the next reconciliation indexes them."""
        from index import IndexBuildError

        if self._batch is not None:  # already inside one: its end commits
            yield
            return
        try:
            with self.open_index().batch(expected_chars) as batch:
                self._batch = batch
                try:
                    yield
                finally:
                    self._batch = None
                if len(batch):
                    self._step("before-index-batch", f"{len(batch)} issues")
        except IndexBuildError as error:
            raise ArchiveError(
                f"the search index could not be updated ({error}); the archive's issues are"
                " whole, and the next ingest or search brings the index up to date"
            ) from error

    def rederive_actors(self) -> None:
        """Derive the actors of every held issue again when the rules or the table changed
        since they were (lock held). Each issue is committed whole, with a new fingerprint, so
        the index follows; the version is recorded once every issue has it, so that this
        costs a file read when nothing changed."""
        from index import actors_version

        marker = self.home / ACTORS_VERSION_FILE
        current = str(actors_version())
        if marker.is_file() and marker.read_text(encoding="utf-8").strip() == current:
            return
        index = self.open_index()
        if index.needs_rebuild():
            # The issues are re-indexed below, into an index of this version: a new version
            # of aibrief may bring new actor rules and a new index at once.
            self.reconcile_index(index)
        with self.indexing_together():
            for row in self.catalog.issues():
                issue = self.issue(row.issue)
                if issue.actors_version != int(current):
                    self.commit_issue(issue, row.origin, row.source_path, row.source_sha256, None)
        write_atomic(marker, (current + "\n").encode("utf-8"))

    def _step(self, step: str, issue: str) -> None:
        if self._on_commit_step is not None:
            self._on_commit_step(step, issue)

    def remove_issue(self, issue: str) -> None:
        """Drop an issue: its catalog row, files and index entries (lock held)."""
        if self.catalog.issue(issue) is None:
            raise NotFound(translatable("no issue %(issue)s in the archive", issue=issue))
        self.files.mark_removing(issue)
        self._step("before-catalog", issue)
        self.catalog.remove_issue(issue)
        self._step("before-files", issue)
        self.files.delete(issue)
        self.open_index().remove_issue(issue)

    def issue(self, issue: str) -> Issue:
        """One held issue, read from its JSON; raises NotFound."""
        row = self.catalog.issue(issue)
        if row is None:
            raise NotFound(translatable("no issue %(issue)s in the archive", issue=issue))
        cached = self._loaded.get(issue)
        if cached is None or cached[0] != row.fingerprint:
            cached = (row.fingerprint, self.files.read(issue))
            self._loaded[issue] = cached
        return cached[1]

    def open_index(self) -> Any:
        """The index in home/index, opened once; a damaged one is set aside under the lock."""
        with self.index_guard:
            if self._index is None:
                directory = self.home / "index"
                try:
                    self._index = self._index_opener(directory)
                except Exception as error:  # the index's own errors: whoosh is not imported
                    if not self.lock.held:
                        raise IndexUnavailable(
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
    def opened_index(self) -> Any:
        """The index if it has been opened, else None."""
        return self._index

    def close(self) -> None:
        """Close the catalog (and the index, if it can be closed)."""
        self.catalog.close()
        if self._index is not None and hasattr(self._index, "close"):
            self._index.close()
