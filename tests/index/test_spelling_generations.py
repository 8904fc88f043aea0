"""The spelling index of a server's open index when another process replaces the index: its
thread, started by a search just before, runs while the new index is written (held here until
a named step of that build), and the first search of the new index still answers."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from index import SearchIndex, derive_actors
from index.schema import STAMP_NAME, current_stamp
from index.spelling import SpellingCache
from tests.index.conftest import ARTICLES

ISSUES = [(issue, derive_actors(a), f"sha-{issue}") for issue, a in ARTICLES.items()]


@pytest.fixture
def held_thread(monkeypatch) -> Callable[[str, str], None]:
    """Spelling threads wait until a rebuild's first issue, where they run to their end: the
    returned callback is the rebuild's `on_step`."""
    release = threading.Event()
    build = SpellingCache._build

    def held(cache, generation):
        release.wait()
        build(cache, generation)

    monkeypatch.setattr(SpellingCache, "_build", held)

    def run_them(step: str, issue: str) -> None:
        if step == "rebuild-issue" and not release.is_set():
            release.set()
            for thread in threading.enumerate():
                if thread.name == "spelling-index":
                    thread.join()

    return run_them


def served(directory: Path) -> SearchIndex:
    """An index as a server holds it, with a search whose spelling thread has started."""
    index = SearchIndex.open(directory)
    index.rebuild(ISSUES)
    assert index.search("딥페잌", budget=0).suggestion is None  # its thread is held
    return index


def test_a_search_of_the_index_rebuilt_beside_a_stale_one_answers(tmp_path, held_thread):
    index = served(tmp_path)
    stamp = index.live / STAMP_NAME  # an index of another version: the next writer rebuilds
    stamp.write_text(json.dumps({**current_stamp(), "analyzer": 0}), encoding="utf-8")
    SearchIndex.open(tmp_path).rebuild(ISSUES, on_step=held_thread)
    assert index.search("딥페잌", budget=float("inf")).suggestion == "딥페이크"


def test_a_search_of_the_index_built_after_it_was_removed_answers(tmp_path, held_thread):
    index = served(tmp_path / "index")
    shutil.rmtree(tmp_path / "index")
    SearchIndex.open(tmp_path / "index").rebuild(ISSUES, len(ISSUES), on_step=held_thread)
    assert index.search("딥페잌", budget=float("inf")).suggestion == "딥페이크"
