"""Several processes opening a new catalog at once (two ingests started together on a new home)
all get it: switching the catalog to WAL mode waits for the process creating it."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from archive.catalog import Catalog

pytestmark = pytest.mark.slow
ROUNDS = 20
OPENERS = 3


def open_catalog(path: Path, start: multiprocessing.synchronize.Barrier, answers) -> None:
    start.wait()
    try:
        Catalog(path).close()
        answers.put("ok")
    except Exception as error:  # reported to the test, which names it
        answers.put(str(error))


def test_processes_opening_a_new_catalog_together_all_get_it(tmp_path):
    context = multiprocessing.get_context("fork")
    failures = []
    for round_ in range(ROUNDS):
        path = tmp_path / f"home{round_}" / "catalog.sqlite3"
        path.parent.mkdir()
        start, answers = context.Barrier(OPENERS), context.Queue()
        openers = [
            context.Process(target=open_catalog, args=(path, start, answers))
            for _ in range(OPENERS)
        ]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=120)
        failures += [a for a in (answers.get(timeout=10) for _ in openers) if a != "ok"]
    assert failures == []
