"""Faults in the bulk paths: an import or ingest whose issues are indexed together, killed at
each of its steps, and a batch whose index commit fails.

The writers are processes of their own, forked from the test's (tests/forked_process.py),
stopped at a named step (pausing.pause_at) and killed there; the stand-in index keeps the
archive's own logic apart, and one test kills a writer of the real index while its workers'
segments are written but not committed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from archive_fakes import FakeIndex, derive_no_actors, fake_articles, fake_extract, write_fake_pdf
from pausing import pause_at
from test_archive_faults import assert_consistent, finish, kill, open_archive, wait_for_line

import index.batch_build
from archive import Archive, ArchiveError
from archive.lock import ArchiveLock
from index import IndexBuildError
from tests.forked_process import ForkedProcess, forked

pytestmark = pytest.mark.slow  # writer processes, killed and waited for

ISSUES = {"2024-01": 3, "2024-02": 2, "2024-03": 4}


def writer(home: str, step: str, kind: str, command: str, *paths: str) -> None:
    """The writer process: `command` ("ingest" or "import") of `paths` into `home`, with the
    "fake" or the "real" index, paused at `step` (none if empty); says what it did on stdout."""
    options = {"index_opener": FakeIndex.open} if kind == "fake" else {}
    if kind == "fake":
        derive_no_actors()
    if kind == "real":
        index.batch_build.PARALLEL_MIN_CHARS = 1  # every batch in worker processes
    archive = Archive(
        home, extractor=fake_extract, lock_timeout=600, on_commit_step=pause_at(step), **options
    )
    if command == "import":
        sys.stdout.write(f"{archive.import_jsonl(paths[0]).articles}\n")
    else:
        report = archive.ingest(list(paths), workers=1)
        sys.stdout.write(" ".join(f"{f.status}:{f.issue}" for f in report.files) + "\n")


def start(home: Path, pause: str, kind: str, command: str, *paths: Path) -> ForkedProcess:
    return forked(writer, str(home), pause, kind, command, *map(str, paths))


@pytest.fixture
def inbox(tmp_path: Path) -> list[Path]:
    return [write_fake_pdf(tmp_path / "in" / f"{i}.pdf", i, n) for i, n in ISSUES.items()]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A JSON Lines export of the three issues' articles."""
    path = tmp_path / "export.jsonl"
    articles = [a for issue, n in ISSUES.items() for a in fake_articles(issue, n, 1)]
    lines = (json.dumps(a.to_json(), ensure_ascii=False) for a in articles)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def imported_or_held(home: Path) -> dict[str, int]:
    """Articles per issue held."""
    return {row.issue: row.articles for row in open_archive(home).catalog.issues()}


def imported(home: Path) -> dict[str, int]:
    """Articles per issue held, with every issue recorded as imported."""
    rows = open_archive(home).catalog.issues()
    assert {row.origin for row in rows} <= {"imported"}
    return {row.issue: row.articles for row in rows}


def test_an_ingest_killed_before_its_index_commit_holds_every_issue(tmp_path, inbox):
    home = tmp_path / "home"
    writer = start(home, "before-index-batch", "fake", "ingest", *inbox)
    assert wait_for_line(writer, "aibrief: paused") == "aibrief: paused before-index-batch 3 issues"
    kill(writer)
    assert FakeIndex(home / "index").fingerprints() == {}
    assert assert_consistent(home) == ISSUES  # opening indexes them
    again = finish(start(home, "", "fake", "ingest", *inbox))
    assert again == "skipped:2024-01 skipped:2024-02 skipped:2024-03"


def test_an_import_killed_before_its_catalog_commit_imports_nothing(tmp_path, export):
    home = tmp_path / "home"
    writer = start(home, "before-catalog", "fake", "import", export)
    paused = wait_for_line(writer, "aibrief: paused")
    assert paused == "aibrief: paused before-catalog 2024-01..2024-03"
    kill(writer)
    assert sorted(p.name for p in (home / "issues").iterdir()) == [
        f"{issue}.json.pending" for issue in ISSUES
    ]
    assert imported(home) == {}
    assert list((home / "issues").iterdir()) == []  # opening discarded the pending files
    assert finish(start(home, "", "fake", "import", export)) == "9"
    assert imported(home) == ISSUES


@pytest.mark.parametrize("point", ["before-index", "before-index-batch"])
def test_an_import_killed_after_its_catalog_commit_holds_every_issue(tmp_path, export, point):
    home = tmp_path / "home"
    writer = start(home, point, "fake", "import", export)
    wait_for_line(writer, f"aibrief: paused {point}")
    kill(writer)
    assert FakeIndex(home / "index").fingerprints() == {}
    assert imported(home) == ISSUES
    archive = Archive(home, index_opener=FakeIndex.open)
    assert archive.index.fingerprints().keys() == ISSUES.keys()
    assert archive.store.opened_index.calls == [("batch", "2024-01,2024-02,2024-03")]


def test_a_real_index_killed_with_its_workers_segments_written_is_whole(tmp_path, export):
    home = tmp_path / "home"
    writer = start(home, "before-index-batch", "real", "import", export)
    wait_for_line(writer, "aibrief: paused before-index-batch")
    kill(writer)
    gone = ArchiveLock(home / ".lock")  # the workers, killed with the writer, let go of it
    gone.acquire(timeout=60)
    gone.release()
    archive = Archive(home)
    assert archive.stats().index_documents == sum(ISSUES.values())
    held = {row.issue: row.fingerprint for row in archive.catalog.issues()}
    assert archive.index.fingerprints() == held
    assert archive.search("기사").total == sum(ISSUES.values())


def test_an_import_whose_index_worker_dies_is_all_or_nothing(tmp_path, inbox, export, monkeypatch):
    home = tmp_path / "home"
    archive = Archive(home, extractor=fake_extract)
    archive.ingest(inbox[:1])

    def dying(docs):
        os._exit(3)

    monkeypatch.setattr(index.batch_build, "PARALLEL_MIN_CHARS", 1)
    monkeypatch.setattr(index.batch_build, "mined_pairs", dying)
    with pytest.raises(ArchiveError, match=r"^the search index could not be updated \(index"):
        archive.import_jsonl(export)
    unreconciled = archive.store.opened_index  # searching the archive would index again
    assert unreconciled.search("기사").total == ISSUES["2024-01"]  # the index as it was
    # The death is seen while the issues are handed over (nothing imported) or at the commit
    # (every issue imported, the index behind): never some of them.
    held = imported_or_held(home)
    assert held in ({"2024-01": ISSUES["2024-01"]}, ISSUES)
    monkeypatch.undo()
    again = Archive(home)
    assert again.search("기사").total == sum(held.values())  # opening indexes what is held
    assert again.import_jsonl(export).articles == sum(ISSUES.values())
    assert again.search("기사").total == sum(ISSUES.values())


def test_a_failed_index_commit_loses_nothing_held_before(tmp_path, inbox, export, monkeypatch):
    home = tmp_path / "home"
    archive = Archive(home, extractor=fake_extract)
    archive.ingest(inbox[:1])

    def failing(batch):
        raise IndexBuildError("an index build worker failed: MemoryError: ")

    monkeypatch.setattr(index.batch_build.IssueBatch, "commit", failing)
    message = (
        "the search index could not be updated (an index build worker failed: MemoryError: );"
        " the archive's issues are whole, and the next ingest or search brings the index up to"
        " date"
    )
    with pytest.raises(ArchiveError) as failed:
        archive.import_jsonl(export)
    assert str(failed.value) == message
    unreconciled = archive.store.opened_index  # searching the archive would index again
    assert unreconciled.search("기사").total == ISSUES["2024-01"]  # the index as it was
    assert imported_or_held(home) == ISSUES  # the catalog committed them all
    monkeypatch.undo()
    assert Archive(home).search("기사").total == sum(ISSUES.values())  # opening indexes them
