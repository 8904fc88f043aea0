"""The ingest's extraction workers: answers in the files' order whatever order they are read
in, a worker's death failing the files not yet answered, and no thread of the parent's
needed while they read (its main thread holds the GIL while Kiwi loads)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from archive_fakes import fake_extract, write_fake_pdf

from archive.extraction import WORKER_DIED, ExtractionWorkers


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    return [write_fake_pdf(tmp_path / f"2024-{m:02d}.pdf", f"2024-{m:02d}") for m in range(1, 9)]


def read_all(extractor, files: list[Path], workers: int) -> list:
    pool = ExtractionWorkers(extractor, files, ["0" * 64] * len(files), workers, None)
    try:
        return list(pool.in_order())
    finally:
        pool.stop()


def first_read_last(path: Path, sha256: str):
    if path.name == "2024-01.pdf":  # the first file is answered after all the others
        while len(list(path.parent.glob("*.done"))) < 7:
            time.sleep(0.01)
    issue = fake_extract(path, sha256)
    path.with_suffix(".done").touch()
    return issue


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_answers_come_in_the_order_of_the_files(files, workers):
    extractor = fake_extract if workers == 1 else first_read_last
    answers = read_all(extractor, files, workers)
    assert [a.issue.issue for a in answers] == [f"2024-{m:02d}" for m in range(1, 9)]
    assert all(a.error is None for a in answers)


def dies_on_the_third(path: Path, sha256: str):
    if path.name == "2024-03.pdf":
        while not (path.parent / "answered").exists():  # killed once two answers are in
            time.sleep(0.01)
        os._exit(3)
    return fake_extract(path, sha256)


def test_a_dead_worker_fails_every_file_not_yet_answered(files):
    pool = ExtractionWorkers(dies_on_the_third, files, ["0" * 64] * len(files), 1, None)
    try:
        answers = pool.in_order()
        first = [next(answers), next(answers)]
        (files[0].parent / "answered").touch()
        rest = list(answers)
    finally:
        pool.stop()
    assert [a.issue.issue for a in first] == ["2024-01", "2024-02"]
    assert [a.error for a in rest] == [WORKER_DIED] * 6


def test_the_workers_read_with_no_thread_of_the_parent(files):
    # A pool fed by a thread of the parent's waits while the parent's main thread holds the
    # GIL, as Kiwi's constructor does for the second or so it loads while the workers read.
    threads = threading.active_count()
    pool = ExtractionWorkers(fake_extract, files, ["0" * 64] * len(files), 2, None)
    try:
        assert len(list(pool.in_order())) == 8
        assert threading.active_count() == threads
    finally:
        pool.stop()
