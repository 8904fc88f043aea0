"""Archive.ingest with a fake parser and index: skip, replace, failures, order, workers."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from archive_fakes import (
    FakeIndex,
    broken_extract,
    fake_extract,
    malformed_extract,
    recognising_extract,
    write_fake_pdf,
)

import extract.layouts
from archive import Archive, NotFound, extraction
from archive import ingest as ingest_module
from extract import file_sha256


def open_archive(home: Path, **options) -> Archive:
    options.setdefault("extractor", fake_extract)
    return Archive(home, index_opener=FakeIndex.open, **options)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_fake_pdf(folder / "2024-01.pdf", "2024-01", articles=3)
    write_fake_pdf(folder / "nested" / "2024-04.PDF", "2024-04", articles=2)
    write_fake_pdf(folder / "2025-02.pdf", "2025-02", articles=4)
    (folder / "notes.txt").write_text("not a pdf, not picked up from a folder")
    return folder


def statuses(report) -> list[tuple[str, str, str | None]]:
    return [(Path(f.path).name, f.status, f.reason) for f in report.files]


def test_ingest_a_folder_adds_every_issue_whole(tmp_path, inbox):
    archive = open_archive(tmp_path / "home")
    report = archive.ingest([inbox])
    assert statuses(report) == [
        ("2024-01.pdf", "added", None),
        ("2025-02.pdf", "added", None),
        ("2024-04.PDF", "added", None),
    ]
    assert report.ok and report.count("added") == 3
    assert [(s.issue, s.articles, s.origin) for s in archive.issues()] == [
        ("2024-01", 3, "pdf"),
        ("2024-04", 2, "pdf"),
        ("2025-02", 4, "pdf"),
    ]
    home = tmp_path / "home"
    assert sorted(p.name for p in (home / "issues").iterdir()) == [
        "2024-01.json",
        "2024-04.json",
        "2025-02.json",
    ]
    held_pdf = (home / "pdfs" / "2024-04.pdf").read_bytes()
    assert held_pdf == (inbox / "nested/2024-04.PDF").read_bytes()
    assert archive.issue("2024-04").articles[1].id == "2024-04-02"
    index = FakeIndex(home / "index")
    fingerprints = {row.issue: row.fingerprint for row in archive.catalog.issues()}
    assert index.fingerprints() == fingerprints
    assert index.doc_count() == 9


def test_reingest_is_a_no_op(tmp_path, inbox):
    open_archive(tmp_path / "home").ingest([inbox])
    before = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "home/issues").iterdir()}
    archive = open_archive(tmp_path / "home")
    report = archive.ingest([inbox])
    assert [(f.status, f.reason, f.issue) for f in report.files] == [
        ("skipped", "unchanged", "2024-01"),
        ("skipped", "unchanged", "2025-02"),
        ("skipped", "unchanged", "2024-04"),
    ]
    assert report.ok
    assert archive.store.opened_index.calls == []
    after = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "home/issues").iterdir()}
    assert after == before


def test_a_different_pdf_of_a_held_issue_replaces_its_articles(tmp_path, inbox):
    archive = open_archive(tmp_path / "home")
    archive.ingest([inbox])
    newer = write_fake_pdf(tmp_path / "fixed/2024-01-v2.pdf", "2024-01", articles=2, generation=2)
    report = archive.ingest([newer])
    assert statuses(report) == [("2024-01-v2.pdf", "replaced", None)]
    issue = archive.issue("2024-01")
    assert [a.id for a in issue.articles] == ["2024-01-01", "2024-01-02"]
    assert "generation2" in issue.articles[0].text
    assert {f.status for f in archive.catalog.files("2024-01")} == {"ok", "replaced"}
    assert FakeIndex(tmp_path / "home/index").article_ids("generation1 issue2024-01") == []
    assert archive.issues()[0].source_path == str(newer)
    # The old file is no longer held: ingesting it again brings its version back.
    again = archive.ingest([inbox / "2024-01.pdf"])
    assert statuses(again) == [("2024-01.pdf", "replaced", None)]
    assert "generation1" in archive.issue("2024-01").articles[0].text


def test_force_re_extracts_held_files(tmp_path, inbox):
    archive = open_archive(tmp_path / "home")
    archive.ingest([inbox])
    report = archive.ingest([inbox / "2024-01.pdf"], force=True)
    assert statuses(report) == [("2024-01.pdf", "replaced", None)]
    assert archive.store.opened_index.calls[-1] == ("batch", "2024-01")


def test_every_bad_file_is_reported_and_the_batch_goes_on(tmp_path, inbox):
    (inbox / "empty.pdf").write_bytes(b"")
    (inbox / "page.pdf").write_text("<html><body>404</body></html>")
    (inbox / "other.pdf").write_text('%FAKE-PDF\n{"issue": null}')
    archive = open_archive(tmp_path / "home")
    report = archive.ingest([tmp_path / "missing.pdf", inbox, str(tmp_path / "none-*.pdf")])
    assert statuses(report) == [
        ("missing.pdf", "failed", "no such file or folder"),
        ("2024-01.pdf", "added", None),
        ("2025-02.pdf", "added", None),
        ("empty.pdf", "failed", "the file is empty"),
        ("2024-04.PDF", "added", None),
        ("other.pdf", "failed", "not an issue of the SPRi AI Brief (no issue date)"),
        ("page.pdf", "failed", "not a PDF file"),
        ("none-*.pdf", "failed", "no file matches this pattern"),
    ]
    assert not report.ok
    assert report.to_json()["failed"] == 5
    assert archive.catalog.file(report.files[3].sha256).status == "failed"
    assert len(archive.issues()) == 3


def test_a_parser_bug_fails_the_file_not_the_batch(tmp_path, inbox):
    archive = open_archive(tmp_path / "home", extractor=broken_extract)
    report = archive.ingest([inbox / "2024-01.pdf"])
    assert statuses(report) == [
        ("2024-01.pdf", "failed", "unexpected error (ZeroDivisionError: division by zero)")
    ]


def test_a_bug_deriving_the_actors_fails_the_file_not_the_batch(tmp_path, inbox, monkeypatch):
    derive = ingest_module.with_current_actors

    def failing_for_2024_04(issue):
        return 1 / 0 if issue.issue == "2024-04" else derive(issue)

    monkeypatch.setattr(ingest_module, "with_current_actors", failing_for_2024_04)
    archive = open_archive(tmp_path / "home")
    report = archive.ingest([inbox])
    assert statuses(report) == [
        ("2024-01.pdf", "added", None),
        ("2025-02.pdf", "added", None),
        ("2024-04.PDF", "failed", "unexpected error (ZeroDivisionError: division by zero)"),
    ]
    assert [s.issue for s in archive.issues()] == ["2024-01", "2025-02"]


def test_an_issue_outside_the_documented_form_is_refused(tmp_path, inbox):
    archive = open_archive(tmp_path / "home", extractor=malformed_extract)
    report = archive.ingest([inbox / "2024-01.pdf"])
    assert statuses(report) == [
        (
            "2024-01.pdf",
            "failed",
            "the extracted issue does not match the schema "
            "(at articles/0/page: 0 is less than the minimum of 1)",
        )
    ]
    assert archive.issues() == []


def test_a_copy_in_the_same_batch_is_skipped(tmp_path, inbox):
    copy = tmp_path / "copy.pdf"
    copy.write_bytes((inbox / "2024-01.pdf").read_bytes())
    report = open_archive(tmp_path / "home").ingest([inbox / "2024-01.pdf", copy])
    assert statuses(report) == [
        ("2024-01.pdf", "added", None),
        ("copy.pdf", "skipped", f"same file as {inbox / '2024-01.pdf'}"),
    ]


def test_two_files_of_one_issue_in_a_batch_keep_the_first(tmp_path, inbox):
    other = write_fake_pdf(tmp_path / "b.pdf", "2024-01", articles=1, generation=2)
    report = open_archive(tmp_path / "home").ingest([inbox / "2024-01.pdf", other])
    assert statuses(report) == [
        ("2024-01.pdf", "added", None),
        (
            "b.pdf",
            "failed",
            f"issue 2024-01 is also in {inbox / '2024-01.pdf'} in this batch; kept that one",
        ),
    ]


def test_globs_pick_files(tmp_path, inbox):
    report = open_archive(tmp_path / "home").ingest([str(inbox / "**" / "2024-*")])
    assert sorted(f.issue for f in report.files) == ["2024-01", "2024-04"]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_do_not_depend_on_the_number_of_workers(tmp_path, inbox, workers):
    archive = open_archive(tmp_path / "home", extractor=fake_extract)
    report = archive.ingest([inbox], workers=workers)
    assert [f.issue for f in report.files] == ["2024-01", "2025-02", "2024-04"]


def test_progress_is_called_for_every_file(tmp_path, inbox):
    seen = []
    open_archive(tmp_path / "home").ingest(
        [inbox, tmp_path / "nope"], progress=lambda o, done, total: seen.append((done, total))
    )
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_remove_drops_the_issue_everywhere(tmp_path, inbox):
    archive = open_archive(tmp_path / "home")
    archive.ingest([inbox])
    archive.remove("2024-04")
    assert [s.issue for s in archive.issues()] == ["2024-01", "2025-02"]
    assert not (tmp_path / "home/issues/2024-04.json").exists()
    assert not (tmp_path / "home/pdfs/2024-04.pdf").exists()
    assert "2024-04" not in FakeIndex(tmp_path / "home/index").fingerprints()
    with pytest.raises(NotFound, match="^no issue 2024-04 in the archive$"):
        archive.remove("2024-04")
    # Removed files are no longer held: ingesting them adds the issue again.
    assert statuses(archive.ingest([inbox / "nested"])) == [("2024-04.PDF", "added", None)]


def test_articles_and_pdfs_are_found_by_id(tmp_path, inbox):
    archive = open_archive(tmp_path / "home")
    archive.ingest([inbox])
    assert archive.article("2025-02-04").title == "기사 4 (2025-02)"
    assert archive.pdf_path("2025-02") == tmp_path / "home/pdfs/2025-02.pdf"
    for missing in ("2025-02-05", "2023-01-01", "x"):
        with pytest.raises(NotFound, match=f"^no article '{missing}' in the archive$"):
            archive.article(missing)
    with pytest.raises(NotFound, match="^no PDF of issue 2023-01 in the archive$"):
        archive.pdf_path("2023-01")


def test_stats_count_issues_articles_and_the_last_ingest(tmp_path, inbox):
    archive = open_archive(tmp_path / "home")
    archive.ingest([inbox])
    archive.ingest([inbox])
    stats = archive.stats().to_json()
    assert (stats["issues"], stats["articles"], stats["index_documents"]) == (3, 9, 9)
    assert stats["index_bytes"] > 0
    last = stats["last_ingest"]
    assert (last["added"], last["skipped"], last["failed"]) == (0, 3, 0)
    json.dumps(stats)


def test_the_catalog_can_be_read_from_many_threads(tmp_path, inbox):
    from concurrent.futures import ThreadPoolExecutor

    archive = open_archive(tmp_path / "home")
    archive.ingest([inbox])
    with ThreadPoolExecutor(max_workers=4) as pool:
        counts = list(pool.map(lambda _: sum(s.articles for s in archive.issues()), range(8)))
    assert counts == [9] * 8
    archive.close()


def test_threads_reading_at_once_open_the_index_once_and_never_share_the_lock(tmp_path, inbox):
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    open_archive(tmp_path / "home").ingest([inbox])
    opened: list[int] = []
    overlaps: list[str] = []
    in_lock = threading.Semaphore(1)

    def slow_open(directory: Path) -> FakeIndex:
        opened.append(threading.get_ident())
        time.sleep(0.05)  # wide enough for every thread to arrive while the first opens
        return FakeIndex.open(directory)

    archive = Archive(tmp_path / "home", index_opener=slow_open, extractor=fake_extract)
    reconcile = archive.store.reconcile_index

    def watched_reconcile(index):
        if not in_lock.acquire(blocking=False):
            overlaps.append("two threads reconciled under one archive lock")
            return reconcile(index)
        try:
            time.sleep(0.01)
            return reconcile(index)
        finally:
            in_lock.release()

    archive.store.reconcile_index = watched_reconcile
    with ThreadPoolExecutor(max_workers=8) as pool:
        indexes = list(pool.map(lambda _: archive.index, range(8)))
    assert len(opened) == 1
    assert all(index is indexes[0] for index in indexes)
    assert overlaps == []
    assert not archive.lock.held
    archive.close()


def extract_keeping_hash(path: Path, sha256: str | None = None):
    """The fake parser, recording the hash the ingest hands it as the issue's PDF hash."""
    issue = fake_extract(path)
    return dataclasses.replace(issue, pdf=dataclasses.replace(issue.pdf, sha256=sha256))


def test_the_ingest_hashes_each_file_once_and_hands_the_hash_to_the_parser(tmp_path, inbox):
    archive = open_archive(tmp_path / "home", extractor=extract_keeping_hash)
    report = archive.ingest([inbox / "2024-01.pdf"])
    held = archive.issue("2024-01").pdf.sha256
    assert held == report.files[0].sha256 == file_sha256(inbox / "2024-01.pdf")


def test_an_issue_read_generically_is_read_again_once_a_newer_set_of_layouts_exists(
    tmp_path, monkeypatch
):
    path = write_fake_pdf(tmp_path / "new.pdf", "2026-01", articles=4, layout="unknown")
    home = tmp_path / "home"
    added = open_archive(home).ingest([path])
    assert (added.files[0].status, added.files[0].layout) == ("added", "unknown")
    assert [(s.issue, s.layout, s.read_generically) for s in open_archive(home).issues()] == [
        ("2026-01", "unknown", True)
    ]
    assert open_archive(home).ingest([path]).files[0].status == "skipped"  # nothing newer
    newer = extract.layouts.LAYOUTS_VERSION + 1
    monkeypatch.setattr(extract.layouts, "LAYOUTS_VERSION", newer)
    monkeypatch.setattr(ingest_module, "LAYOUTS_VERSION", newer)
    archive = open_archive(home, extractor=recognising_extract)
    again = archive.ingest([path])
    assert (again.files[0].status, again.files[0].layout) == ("replaced", "2026")
    row = archive.catalog.issue("2026-01")
    assert (row.layout, row.layout_version) == ("2026", newer)
    assert archive.ingest([path]).files[0].status == "skipped"


def test_an_issue_in_a_recognised_layout_is_not_read_again_for_a_newer_set(tmp_path, monkeypatch):
    path = write_fake_pdf(tmp_path / "old.pdf", "2025-02", layout="2025")
    archive = open_archive(tmp_path / "home")
    archive.ingest([path])
    monkeypatch.setattr(ingest_module, "LAYOUTS_VERSION", 99)
    assert archive.ingest([path]).files[0].status == "skipped"


def test_an_issue_plainly_valid_is_held_without_jsonschema(tmp_path, inbox, monkeypatch):
    def no_jsonschema(name, instance):
        raise AssertionError("jsonschema walked a plainly valid issue")

    monkeypatch.setattr(extraction, "first_error", no_jsonschema)  # the workers fork after
    report = open_archive(tmp_path / "home").ingest([inbox])
    assert report.ok and report.count("added") == 3
