"""Batch ingest: hash each file, skip what is held, extract the rest in worker processes and
commit each issue whole, in the order the files were named; the index takes them all in one
commit at the end (see Store.indexing_together)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archive.catalog import IngestRow, IssueRow, now
from archive.discover import Unmatched, find_files, unreadable_reason
from archive.extraction import Extracted, ExtractionWorkers, Extractor, unexpected
from archive.store import with_current_actors
from extract import LAYOUTS_VERSION, file_sha256
from extract.model import UNKNOWN_LAYOUT, Issue

if TYPE_CHECKING:
    from archive.store import Store


def extract_with_parser(path: Path, sha256: str) -> Issue:
    """The default extractor: the project's PDF parser."""
    from extract import extract_issue

    return extract_issue(path, sha256)


ADDED, REPLACED, SKIPPED, FAILED = "added", "replaced", "skipped", "failed"


@dataclass(frozen=True)
class FileOutcome:
    """What an ingest did with one file (or with an argument that named no file)."""

    path: str
    status: str  # added | replaced | skipped | failed
    issue: str | None = None
    articles: int = 0
    reason: str | None = None  # why it failed or was skipped
    sha256: str | None = None
    layout: str | None = None  # the layout it was read as, when added or replaced
    # MuPDF's complaints about a file it read all the same, in one line ("MuPDF reported …")
    warning: str | None = None
    dropped_pages: tuple[int, ...] | None = None  # read generically: pages in no article

    def to_json(self) -> dict[str, Any]:
        """Its fields, in order, as `ingest --json` lists each file."""
        return asdict(self)


@dataclass(frozen=True)
class IngestReport:
    """Every file of one ingest run, in the order they were named."""

    files: tuple[FileOutcome, ...]

    def count(self, status: str) -> int:
        """How many files ended with this status."""
        return sum(1 for outcome in self.files if outcome.status == status)

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return self.count(FAILED) == 0

    @property
    def failures(self) -> tuple[FileOutcome, ...]:
        """The files that failed, in order."""
        return tuple(outcome for outcome in self.files if outcome.status == FAILED)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            **{status: self.count(status) for status in (ADDED, REPLACED, SKIPPED, FAILED)},
            "files": [outcome.to_json() for outcome in self.files],
        }


def with_actors(extracted: Extracted) -> Extracted:
    """The extracted issue with its actors derived (in the parent, which holds Kiwi); a bug
    met deriving them fails the file, not the batch."""
    if extracted.issue is None or extracted.error is not None:
        return extracted
    try:
        return Extracted(with_current_actors(extracted.issue), None, extracted.warning)
    except Exception as error:
        return Extracted(None, unexpected(error))


def must_read_again(row: IssueRow | None) -> bool:
    """An issue read generically (layout not recognised) by an older set of known layouts is
    read again from its file, unchanged as it is, so that a layout recognised since replaces
    the generic articles."""
    return (
        row is not None
        and row.layout == UNKNOWN_LAYOUT
        and (row.layout_version or 0) < LAYOUTS_VERSION
    )


ProgressCallback = Callable[[FileOutcome, int, int], None]


class IngestRun:
    """One ingest into a store whose lock is held."""

    def __init__(self, store: Store, extractor: Extractor, force: bool) -> None:
        self.store = store
        self.extractor = extractor
        self.force = force
        self.committed_in_run: dict[str, str] = {}  # issue -> path it came from in this run

    def classify(self, path: Path, sha: str, seen: dict[str, str]) -> FileOutcome | None:
        """Skip a file whose content is held (or seen earlier in this run); None: extract it."""
        if sha in seen:
            return FileOutcome(str(path), SKIPPED, reason=f"same file as {seen[sha]}", sha256=sha)
        seen[sha] = str(path)
        row = self.store.catalog.file(sha)
        held = row is not None and row.status == "ok" and row.issue is not None
        issue_row = self.store.catalog.issue(row.issue) if held else None
        if held and not self.force and not must_read_again(issue_row):
            count = issue_row.articles if issue_row else 0
            reason = "unchanged" if row.path == str(path) else f"already held as {row.issue}"
            return FileOutcome(str(path), SKIPPED, row.issue, count, reason, sha)
        return None

    def commit(self, path: Path, sha: str, extracted: Extracted) -> FileOutcome:
        """Make one extracted issue part of the archive, whole, or report why not."""
        if extracted.issue is None:
            self.store.catalog.record_failure(sha, str(path), extracted.error or "")
            return FileOutcome(str(path), FAILED, reason=extracted.error, sha256=sha)
        issue = extracted.issue
        if extracted.error is not None:  # read, but refused by the schema
            self.store.catalog.record_failure(sha, str(path), extracted.error)
            return FileOutcome(str(path), FAILED, issue.issue, reason=extracted.error, sha256=sha)
        first = self.committed_in_run.get(issue.issue)
        if first is not None:
            reason = f"issue {issue.issue} is also in {first} in this batch; kept that one"
            return FileOutcome(str(path), FAILED, issue.issue, reason=reason, sha256=sha)
        held = self.store.catalog.issue(issue.issue) is not None
        self.store.commit_issue(issue, "pdf", str(path), sha, pdf=path)
        self.committed_in_run[issue.issue] = str(path)
        status = REPLACED if held else ADDED
        dropped = issue.pages_in_no_article
        read = {"layout": issue.layout, "warning": extracted.warning, "dropped_pages": dropped}
        return FileOutcome(str(path), status, issue.issue, len(issue.articles), sha256=sha, **read)

    def extract_all(
        self, paths: list[Path], hashes: list[str], workers: int | None
    ) -> Iterator[Extracted]:
        """Extract in worker processes (None: one per core), derive the actors here; in order."""
        if not paths:
            return
        count = max(1, min(workers or len(os.sched_getaffinity(0)), len(paths)))
        pool = ExtractionWorkers(self.extractor, paths, hashes, count, self.store.lock.fileno())
        try:
            from index import load_analyzer

            # Kiwi loads here while the workers read (1.3 CPU s: it used to be loaded before
            # they started, with one core idle); the index workers forked later share it.
            load_analyzer()
            for extracted in pool.in_order():
                yield with_actors(extracted)
        finally:
            pool.stop()

    def run(
        self,
        arguments: Iterable[str | Path],
        workers: int | None,
        progress: ProgressCallback | None,
    ) -> IngestReport:
        """Ingest every file the arguments name; one failed file never stops the batch."""
        started = now()
        found = find_files(arguments)
        total = len(found.entries)
        outcomes: dict[int, FileOutcome] = {}

        def report(position: int, outcome: FileOutcome) -> None:
            """Record a file's outcome and tell the progress callback."""
            outcomes[position] = outcome
            if progress is not None:
                progress(outcome, len(outcomes), total)

        seen: dict[str, str] = {}
        to_extract = []
        for position, path in enumerate(found.entries):
            if isinstance(path, Unmatched):
                report(position, FileOutcome(path.argument, FAILED, reason=path.reason))
                continue
            try:
                sha = file_sha256(path)
            except OSError as error:
                reason = unreadable_reason(path, error)
                self.store.catalog.record_path(str(path), None, None, FAILED, reason)
                report(position, FileOutcome(str(path), FAILED, reason=reason))
                continue
            skipped = self.classify(path, sha, seen)
            if skipped is None:
                to_extract.append((position, path, sha))
            else:
                if skipped.reason != "unchanged":  # a copy: listed under its own path too
                    self.store.catalog.record_path(
                        str(path), sha, skipped.issue, SKIPPED, skipped.reason or ""
                    )
                report(position, skipped)
        paths, hashes = [path for _, path, _ in to_extract], [sha for _, _, sha in to_extract]
        extracted = self.extract_all(paths, hashes, workers)
        with self.store.indexing_together():
            for (position, path, sha), result in zip(to_extract, extracted, strict=True):
                report(position, self.commit(path, sha, result))
        result = IngestReport(tuple(outcomes[i] for i in sorted(outcomes)))
        self.store.catalog.record_ingest(
            IngestRow(
                started,
                now(),
                *(result.count(s) for s in (ADDED, REPLACED, SKIPPED, FAILED)),
            )
        )
        return result
