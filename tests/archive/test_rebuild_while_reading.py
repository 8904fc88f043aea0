"""Readers while the index is rebuilt: they never see a half-built index.

An archive of the sample issues whose index was removed is rebuilt by `aibrief stats` in
another process (tests/forked_process.py), stopped at a named step of
its rebuild (pausing.pause_at); meanwhile the command line and the web are asked. The build is
written beside the index readers use and switched to whole, so a reader either gets every
issue or, where there was no index to keep, the one-line "being rebuilt (n of m issues)"
error: never partial totals with exit 0.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pausing import RESUME_SIGNAL, aibrief_paused_at, pause_at
from test_archive_cli import run

from archive import Archive
from index import SearchIndex
from index.analysis_store import STORE_NAME
from index.schema import STAMP_NAME
from samples.issues import SAMPLE_ISSUES
from tests.conftest import copy_home
from tests.forked_process import ForkedProcess, forked
from webui import create_app

QUERIES = ("규제", "반도체", "오픈AI")
# The sample issues: what is tested is how processes meet, which neither the number of issues
# nor their text changes (the real issues take the same path: a rebuild of a few issues is
# analysed in this process), and each of this file's five rebuilds analyses every issue held.
ISSUES = list(SAMPLE_ISSUES)

pytestmark = pytest.mark.slow  # rebuilds in processes of their own, paused and killed


@pytest.fixture
def home(sample_home, tmp_path) -> Path:
    copy = tmp_path / "home"
    copy_home(sample_home, copy)
    return copy


def totals(home: Path) -> dict[str, int]:
    answers = {}
    for query in QUERIES:
        result = run(home, "search", query, "--json")
        assert result.exit_code == 0, result.output
        answers[query] = json.loads(result.output)["total"]
    return answers


def start_paused(home: Path, step: str, *command: str) -> ForkedProcess:
    """`aibrief command` on `home`, stopped when it reaches `step` (said on its stderr)."""
    argv = ["--home", str(home), *command]
    process = forked(aibrief_paused_at, step, argv, argv=["aibrief", *argv])
    line = process.stderr.readline()
    if line != f"aibrief: paused {step}\n":
        process.kill()
        pytest.fail(f"the rebuild did not pause at {step}: {line}{process.stderr.read()}")
    return process


def resume(process: ForkedProcess) -> None:
    process.send_signal(RESUME_SIGNAL)
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err


def test_without_an_index_readers_are_told_how_far_the_rebuild_is(home):
    expected = totals(home)
    shutil.rmtree(home / "index")
    rebuild = start_paused(home, f"rebuild-issue {ISSUES[1]}", "stats")
    try:
        message = (
            f"the search index is being rebuilt (2 of {len(ISSUES)} issues); "
            "try again when it is done"
        )
        for query in QUERIES:
            result = run(home, "search", query)
            assert (result.exit_code, result.output) == (1, f"Error: {message}\n")
        app = create_app({"AIBRIEF_HOME": str(home), "RESULT_CACHE": 0})
        try:
            response = app.test_client().get("/api/search?q=규제")
        finally:
            app.extensions["aibrief_archive"].close()
        assert response.status_code == 503
        assert response.get_json() == {"ok": False, "error": message, "status": 503}
    finally:
        resume(rebuild)
    assert totals(home) == expected


def mark_stale(home: Path) -> None:
    """Make the index read as built by another analyzer version: the next writer rebuilds it."""
    stamp = SearchIndex.open(home / "index").live / STAMP_NAME
    versions = json.loads(stamp.read_text(encoding="utf-8"))
    stamp.write_text(json.dumps({**versions, "analyzer": versions["analyzer"] - 1}))


# Killed before the switch, a build leaves a generation CURRENT does not name, which the next
# build deletes whether it was half written or whole ("rebuild-built"): one point tests both.
# Once switched, the old generations are still there to tidy.
@pytest.mark.parametrize("step", [f"rebuild-issue {ISSUES[1]}", "rebuild-switched"])
def test_a_rebuild_killed_at_any_step_leaves_an_index_the_next_reader_completes(home, step):
    expected = totals(home)
    mark_stale(home)
    rebuild = start_paused(home, step, "stats")
    rebuild.kill()
    rebuild.communicate()
    assert totals(home) == expected  # the reader holds the lock now: it rebuilds
    index = home / "index"
    live = SearchIndex.open(index).live
    # Besides the new index, at most the one before it, the progress of a build killed once
    # switched (read only where there is no index, deleted by the next build), and the store
    # of query analyses, which outlives generations.
    kept = {"CURRENT", live.name, "rebuilding.json", STORE_NAME}
    left = {p.name for p in index.iterdir()} - kept
    assert len(left) <= 1 and all(name < live.name for name in left), left  # the one before
    assert not SearchIndex.open(index).needs_rebuild()


def rebuild_paused_at(home: str, step: str) -> None:
    """A rebuild of the index beside the one readers use, outside the archive's lock (in a
    process of its own: see tests/forked_process.py), paused at `step`."""
    on_step = pause_at(step)  # before any thread is started (see pausing)
    archive = Archive(home)
    rows = archive.catalog.issues()
    issues = ((r.issue, archive.issue(r.issue).articles, r.fingerprint) for r in rows)
    index = SearchIndex.open(archive.home / "index")
    index.rebuild(issues, total=len(rows), on_step=on_step)


def test_readers_search_the_old_index_until_the_new_one_is_switched_to(home):
    expected = totals(home)
    app = create_app({"AIBRIEF_HOME": str(home), "RESULT_CACHE": 0})
    client = app.test_client()
    served = {q: client.get(f"/api/search?q={q}").get_json()["total"] for q in QUERIES}
    before = SearchIndex.open(home / "index").live
    rebuild = forked(rebuild_paused_at, str(home), "rebuild-built")
    try:
        assert rebuild.stderr.readline() == "aibrief: paused rebuild-built\n"
        assert totals(home) == expected == served
        assert SearchIndex.open(home / "index").live == before
        assert {q: client.get(f"/api/search?q={q}").get_json()["total"] for q in QUERIES} == served
    finally:
        rebuild.send_signal(RESUME_SIGNAL)
        rebuild.communicate(timeout=600)
    assert rebuild.returncode == 0
    after = SearchIndex.open(home / "index").live
    assert after != before
    try:  # the app notices the switch and reads the new generation
        assert {q: client.get(f"/api/search?q={q}").get_json()["total"] for q in QUERIES} == served
        assert app.extensions["aibrief_archive"].index._live == after
    finally:
        app.extensions["aibrief_archive"].close()
    assert totals(home) == expected
