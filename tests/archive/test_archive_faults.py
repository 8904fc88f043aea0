"""Faults: a writer killed at each step, interrupted writes found on open, two writers at once.

The writers are processes of their own, forked from the test's (tests/forked_process.py), over
the archive with the stand-in parser and index; a commit-step callback (pausing.pause_at) stops
one at a known point so SIGKILL lands there every time.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest
from archive_fakes import FakeIndex, derive_no_actors, fake_extract, write_fake_pdf
from pausing import pause_at

from archive import Archive, ArchiveBusy, ArchiveError
from archive.catalog import IssueRow, now
from archive.lock import ArchiveLock
from archive.store import with_current_actors
from extract import file_sha256
from index.errors import IndexBuildError
from tests.forked_process import ForkedProcess, forked

pytestmark = pytest.mark.slow  # writer processes, killed and waited for


def writer(home: str, step: str, *paths: str) -> None:
    """The writer process: ingest `paths` into `home` with the stand-in parser and index, paused
    at `step` (none if empty), naming each status on stdout."""
    derive_no_actors()
    archive = Archive(
        home,
        extractor=fake_extract,
        index_opener=FakeIndex.open,
        lock_timeout=600,
        on_wait=lambda message: sys.stderr.write(f"{message}\n"),  # line-buffered
        on_commit_step=pause_at(step),
    )
    report = archive.ingest(list(paths), workers=1)
    sys.stdout.write(" ".join(f"{f.status}:{f.issue}" for f in report.files) + "\n")


def open_archive(home: Path) -> Archive:
    return Archive(home, extractor=fake_extract, index_opener=FakeIndex.open)


def start_writer(home: Path, *paths: Path, pause: str | None = None) -> ForkedProcess:
    return forked(writer, str(home), pause or "", *map(str, paths))


def wait_for_line(process: ForkedProcess, start: str) -> str:
    """Read the process's stderr until a line starts with `start`."""
    seen = []
    while line := process.stderr.readline():
        if line.startswith(start):
            return line.strip()
        seen.append(line)
    process.wait()
    pytest.fail(f"process ended without {start!r}: {''.join(seen)}")


def kill(process: ForkedProcess) -> None:
    process.kill()
    process.wait()
    process.stdout.close()
    process.stderr.close()


def finish(process: ForkedProcess) -> str:
    out, err = process.communicate()
    assert process.returncode == 0, err
    return out.strip()


def assert_consistent(home: Path) -> dict[str, int]:
    """Every issue whole: catalog, JSON, PDF copy and index agree; return articles per issue."""
    archive = open_archive(home)
    rows = archive.catalog.issues()
    assert sorted(p.name for p in (home / "issues").iterdir()) == [f"{r.issue}.json" for r in rows]
    for row in rows:
        issue = archive.issue(row.issue)
        assert len(issue.articles) == row.articles
        assert file_sha256(archive.pdf_path(row.issue)) == row.source_sha256
    index = archive.index
    assert index.fingerprints() == {row.issue: row.fingerprint for row in rows}
    assert index.doc_count() == sum(row.articles for row in rows)
    return {row.issue: row.articles for row in rows}


@pytest.fixture
def inbox(tmp_path: Path) -> list[Path]:
    return [
        write_fake_pdf(tmp_path / "in" / f"{issue}.pdf", issue, articles=n)
        for issue, n in (("2024-01", 3), ("2024-02", 2), ("2024-03", 4))
    ]


def test_killed_before_the_catalog_commit_leaves_the_issue_absent(tmp_path, inbox):
    home = tmp_path / "home"
    writer = start_writer(home, *inbox, pause="before-catalog")
    assert wait_for_line(writer, "aibrief: paused") == "aibrief: paused before-catalog 2024-01"
    kill(writer)
    assert sorted(p.name for p in (home / "issues").iterdir()) == ["2024-01.json.pending"]
    assert assert_consistent(home) == {}
    assert list((home / "issues").iterdir()) == []
    assert list((home / "pdfs").iterdir()) == []
    # The next ingest completes the work, and leaves each issue's files in place (looked at
    # before this process opens the archive, which would settle what it found).
    assert finish(start_writer(home, *inbox)) == "added:2024-01 added:2024-02 added:2024-03"
    held = ["2024-01.json", "2024-02.json", "2024-03.json"]
    assert sorted(p.name for p in (home / "issues").iterdir()) == held
    assert assert_consistent(home) == {"2024-01": 3, "2024-02": 2, "2024-03": 4}


def test_killed_before_the_index_commit_is_reindexed_on_open(tmp_path, inbox):
    home = tmp_path / "home"
    writer = start_writer(home, *inbox, pause="before-index")
    assert wait_for_line(writer, "aibrief: paused") == "aibrief: paused before-index 2024-01"
    kill(writer)
    assert FakeIndex(home / "index").fingerprints() == {}
    assert assert_consistent(home) == {"2024-01": 3}
    assert finish(start_writer(home, *inbox)) == "skipped:2024-01 added:2024-02 added:2024-03"
    assert assert_consistent(home) == {"2024-01": 3, "2024-02": 2, "2024-03": 4}


@pytest.mark.parametrize("point", ["before-catalog", "before-index"])
def test_a_killed_replacement_leaves_one_whole_version(tmp_path, inbox, point):
    home = tmp_path / "home"
    finish(start_writer(home, *inbox))
    newer = write_fake_pdf(tmp_path / "v2" / "2024-02.pdf", "2024-02", articles=5, generation=2)
    writer = start_writer(home, newer, pause=point)
    wait_for_line(writer, "aibrief: paused")
    kill(writer)
    counts = assert_consistent(home)
    generation = "generation2" if point == "before-index" else "generation1"
    assert counts["2024-02"] == (5 if point == "before-index" else 2)
    assert generation in open_archive(home).issue("2024-02").articles[0].text
    expected = "skipped:2024-02" if point == "before-index" else "replaced:2024-02"
    assert finish(start_writer(home, newer)) == expected
    assert assert_consistent(home)["2024-02"] == 5


def test_a_second_writer_waits_for_the_first_and_skips_its_work(tmp_path, inbox):
    home = tmp_path / "home"
    first = start_writer(home, *inbox, pause="before-index")
    wait_for_line(first, "aibrief: paused")
    second = start_writer(home, *inbox)
    waiting = wait_for_line(second, "waiting for the archive lock")
    assert waiting.startswith(f"waiting for the archive lock, held by pid {first.pid} (")
    first.send_signal(signal.SIGUSR1)
    assert finish(first) == "added:2024-01 added:2024-02 added:2024-03"
    assert finish(second) == "skipped:2024-01 skipped:2024-02 skipped:2024-03"
    assert assert_consistent(home) == {"2024-01": 3, "2024-02": 2, "2024-03": 4}


def test_two_writers_started_together_add_each_issue_once(tmp_path, inbox):
    home = tmp_path / "home"
    writers = [start_writer(home, *inbox), start_writer(home, *reversed(inbox))]
    outputs = [finish(writer).split() for writer in writers]
    statuses = sorted(word.split(":")[0] for output in outputs for word in output)
    assert statuses == ["added"] * 3 + ["skipped"] * 3
    assert assert_consistent(home) == {"2024-01": 3, "2024-02": 2, "2024-03": 4}
    assert len(open_archive(home).catalog.files()) == 3


def test_a_writer_that_cannot_get_the_lock_gives_up_naming_the_holder(tmp_path, inbox):
    home = tmp_path / "home"
    holder = start_writer(home, *inbox, pause="before-index")
    wait_for_line(holder, "aibrief: paused")
    archive = Archive(home, extractor=fake_extract, index_opener=FakeIndex.open, lock_timeout=0)
    with pytest.raises(ArchiveBusy) as caught:
        archive.ingest(inbox)
    message = str(caught.value)
    assert message.startswith(
        f"the archive is busy: {home / '.lock'} is held by pid {holder.pid} ("
    )
    assert message.endswith("; gave up after 0 s")
    kill(holder)


def test_a_commit_interrupted_before_its_files_moved_is_finished_on_open(tmp_path, inbox):
    home = tmp_path / "home"
    archive = open_archive(home)
    issue = with_current_actors(fake_extract(inbox[0]))  # as commit_issue writes it
    fingerprint = archive.files.write_pending(issue, inbox[0])
    row = IssueRow(
        issue.issue, issue.title, "pdf", str(inbox[0]), file_sha256(inbox[0]), 3, fingerprint, now()
    )
    archive.catalog.commit_issue(row)  # ... and the process died before promote()
    archive.close()
    assert assert_consistent(home) == {"2024-01": 3}
    assert sorted(p.name for p in (home / "pdfs").iterdir()) == ["2024-01.pdf"]


def test_an_orphan_issue_file_from_a_killed_removal_is_deleted(tmp_path, inbox):
    home = tmp_path / "home"
    archive = open_archive(home)
    archive.ingest(inbox)
    archive.files.mark_removing("2024-02")
    archive.catalog.remove_issue("2024-02")  # ... and the process died before deleting files
    archive.close()
    assert assert_consistent(home) == {"2024-01": 3, "2024-03": 4}
    assert not (home / "pdfs" / "2024-02.pdf").exists()
    assert not (home / "set-aside").exists()


def test_an_issue_file_no_removal_marked_is_set_aside_not_deleted(tmp_path, inbox):
    home = tmp_path / "home"
    archive = open_archive(home)
    archive.ingest(inbox)
    json_bytes = (home / "issues" / "2024-02.json").read_bytes()
    archive.catalog.remove_issue("2024-02")  # as a catalog read that missed a commit would see
    archive.close()
    assert assert_consistent(home) == {"2024-01": 3, "2024-03": 4}
    aside = home / "set-aside" / "2024-02"
    assert sorted(p.name for p in aside.iterdir()) == ["2024-02.json", "2024-02.pdf"]
    assert (aside / "2024-02.json").read_bytes() == json_bytes


def remover(home: str, step: str, issue: str) -> None:
    """The remover process: remove `issue` from `home`, paused at `step`."""
    derive_no_actors()
    archive = Archive(
        home, extractor=fake_extract, index_opener=FakeIndex.open, on_commit_step=pause_at(step)
    )
    archive.remove(issue)


@pytest.mark.parametrize(
    ("point", "held"),
    [
        ("before-catalog", {"2024-01": 3, "2024-02": 2, "2024-03": 4}),
        ("before-files", {"2024-01": 3, "2024-03": 4}),
    ],
)
def test_a_killed_removal_leaves_the_issue_whole_or_gone(tmp_path, inbox, point, held):
    home = tmp_path / "home"
    finish(start_writer(home, *inbox))
    process = forked(remover, str(home), point, "2024-02")
    assert wait_for_line(process, "aibrief: paused") == f"aibrief: paused {point} 2024-02"
    assert (home / "issues" / "2024-02.removing").exists()
    kill(process)
    assert assert_consistent(home) == held
    assert not (home / "set-aside").exists()


def _mark_index_as_another_version(home: Path) -> None:
    index = FakeIndex(home / "index")
    state = index._load()
    state["version"] = 0
    index._save(state)


def test_an_index_from_another_version_is_rebuilt(tmp_path, inbox):
    home = tmp_path / "home"
    open_archive(home).ingest(inbox)
    _mark_index_as_another_version(home)
    archive = open_archive(home)
    assert archive.index.needs_rebuild() is False
    assert archive.store.opened_index.calls == [("rebuild", "")]
    assert assert_consistent(home) == {"2024-01": 3, "2024-02": 2, "2024-03": 4}


class FailingRebuild(FakeIndex):
    def rebuild(self, issues, total=None, on_step=None) -> None:
        raise IndexBuildError("an index build worker failed: MemoryError: ")


def test_a_failed_rebuild_is_one_line_and_keeps_the_issues(tmp_path, inbox):
    home = tmp_path / "home"
    open_archive(home).ingest(inbox)
    _mark_index_as_another_version(home)
    failing = Archive(home, extractor=fake_extract, index_opener=FailingRebuild.open)
    with pytest.raises(ArchiveError, match=r"^the search index could not be rebuilt \(an index"):
        failing.index  # noqa: B018 - the property opens and reconciles the index
    failing.close()
    assert assert_consistent(home) == {"2024-01": 3, "2024-02": 2, "2024-03": 4}


def test_a_damaged_index_is_set_aside_and_rebuilt(tmp_path, inbox):
    home = tmp_path / "home"
    open_archive(home).ingest(inbox)
    (home / "index" / "state.json").write_text("{damaged")
    busy = ArchiveLock(home / ".lock")
    assert busy.try_acquire()
    with pytest.raises(ArchiveError, match=r"^the search index in .* cannot be opened \("):
        open_archive(home).index  # noqa: B018 - the property opens the index
    busy.release()
    notices = []
    archive = Archive(
        home, extractor=fake_extract, index_opener=FakeIndex.open, on_wait=notices.append
    )
    assert archive.index.doc_count() == 9
    [aside] = [p for p in home.iterdir() if p.name.startswith("index.damaged-")]
    assert notices == [
        f"the search index could not be opened (Expecting property name enclosed in double "
        f"quotes: line 1 column 2 (char 1)); moved to {aside}"
    ]
    assert assert_consistent(home) == {"2024-01": 3, "2024-02": 2, "2024-03": 4}
