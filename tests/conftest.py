"""Shared fixtures: the real issues (from AIBRIEF_CORPUS) and strict mode for CI."""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests import forked_process, temporary_root

CORPUS_ENV = "AIBRIEF_CORPUS"

# The suite starts some sixty Python processes of aibrief (and two workers under xdist). Where
# the environment says PYTHONDONTWRITEBYTECODE, each would compile every module it imports
# from source, about 0.13 CPU s a process: here the first compiles them and the rest read
# the cached bytecode (in __pycache__, which git ignores).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# The tests' temporary folders go on the machine's RAM file system, where the syncs the
# product makes on every commit do not wait for a disk (tests/temporary_root.py).
TEMPORARY_ROOT = temporary_root.chosen()

# Article counts as printed on each real issue's contents page (see the corpus README).
CORPUS_ARTICLE_COUNTS = {
    "2023-12": 18,
    "2024-01": 17,
    "2024-03": 19,
    "2024-07": 23,
    "2025-03": 20,
    "2025-08": 21,
}


def strict() -> bool:
    """In CI (AIBRIEF_STRICT=1) a missing prerequisite fails instead of skipping."""
    return os.environ.get("AIBRIEF_STRICT") == "1"


# Under pytest-xdist (`make test` runs two workers with --dist loadgroup) the tests are handed
# out a file at a time, so that a file's module-scoped fixtures (an index its tests search, an
# app) are built by one worker, not by both, and the browser tests as one unit: that worker
# alone starts Chromium (its browser, GPU and network processes and Playwright's driver, and a
# renderer for each language's context), where two workers each started their own. The
# browser's unit goes first, then the files holding slow tests, so that the many small files of
# quick tests even out the two workers at the end. xdist's own groups cannot say so with
# pytest 9.2 and pytest-xdist 3.8, which ignore them (xdist renames the test's old `_nodeid`,
# which pytest 9.2 no longer reads: pytest-xdist#1386), so the scheduler below does. The
# costly session fixtures are built once per run for both workers (built_once) and rely on no
# grouping.
BROWSER_FILES = frozenset(
    {
        "tests/webui/test_web_browser.py",
        "tests/webui/test_web_generic_issue.py",
        "tests/webui/test_web_layout.py",
    }
)


def test_file(nodeid: str) -> str:
    """The file of a test, from its node id ("tests/x/test_y.py::test_z[p]")."""
    return nodeid.split("::")[0]


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, which `make test-fast` also uses
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """--dist loadgroup: a file at a time, and the tests of BROWSER_FILES as one unit, in the
    order of the collection (pytest_collection_modifyitems), not xdist's largest unit first."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    config.option.loadscopereorder = False

    class FileAtATimeBrowserTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "browser" if test_file(nodeid) in BROWSER_FILES else test_file(nodeid)

    return FileAtATimeBrowserTogether(config, log)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Reading the real issues and driving a browser are slow by nature: `make test-fast`
    (-m "not slow") leaves them out with the tests marked slow by hand. The browser tests go
    first, then the files holding slow tests, so that the quick ones even out the two workers
    at the end; a browser test outside BROWSER_FILES is an error (it would start a second
    Chromium)."""
    for item in items:
        if item.get_closest_marker("corpus") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("browser") and test_file(item.nodeid) not in BROWSER_FILES:
            raise pytest.UsageError(
                f"{item.nodeid} drives the browser: add its file to BROWSER_FILES in "
                "tests/conftest.py, so that one worker runs every browser test"
            )
    slow_files = {test_file(item.nodeid) for item in items if item.get_closest_marker("slow")}
    items.sort(  # stable: the order is kept within each part
        key=lambda item: (
            test_file(item.nodeid) not in BROWSER_FILES,
            test_file(item.nodeid) not in slow_files,
        )
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    """When slow tests collected start processes (tests/forked_process.py), start the fork
    server now, before any test opens a database: its children hold none of this process's.
    (A quick test that forks starts it on first use, if no database is open by then.)"""
    modules = {
        item.module
        for item in session.items
        if getattr(item, "module", None) and item.get_closest_marker("slow")
    }
    if any(forked_process.uses_forked_processes(module) for module in modules):
        forked_process.start_server()


def pytest_sessionfinish(session: pytest.Session) -> None:
    forked_process.stop_server()


def skip_or_fail(reason: str) -> None:
    if strict():
        pytest.fail(f"{reason} (AIBRIEF_STRICT=1 forbids skipping)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The folder of real issues named by AIBRIEF_CORPUS."""
    value = os.environ.get(CORPUS_ENV)
    if not value:
        skip_or_fail(f"{CORPUS_ENV} is not set: real-issue tests need the corpus folder")
    path = Path(value)
    missing = [f"{i}.pdf" for i in CORPUS_ARTICLE_COUNTS if not (path / f"{i}.pdf").is_file()]
    if missing:
        skip_or_fail(f"{CORPUS_ENV}={path} lacks {', '.join(missing)}")
    return path


@pytest.fixture(scope="session")
def corpus_pdfs(corpus_dir: Path) -> dict[str, Path]:
    """Issue ("2024-03") -> path of its real PDF."""
    return {issue: corpus_dir / f"{issue}.pdf" for issue in CORPUS_ARTICLE_COUNTS}


@pytest.fixture(scope="session")
def corpus_issues(
    corpus_pdfs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """Issue -> every real issue as extracted, read once per run (pickled for the other
    worker)."""
    from extract import extract_issue

    def extract_all(folder: Path) -> None:
        issues = {issue: extract_issue(path) for issue, path in corpus_pdfs.items()}
        (folder / "issues.pickle").write_bytes(pickle.dumps(issues))

    folder = built_once(tmp_path_factory, "corpus-issues", extract_all)
    return pickle.loads((folder / "issues.pickle").read_bytes())  # noqa: S301 - written above


def built_once(factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder `name`, made by `build(folder)` once per run: under pytest-xdist, the first
    worker to ask builds it in the folder the workers share while the others wait for it, so
    that each costly fixture is built once, not once per worker. Read it, never write to it."""
    root = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # .../pytest-N/popen-gw0 -> .../pytest-N, shared by the workers
    done = root / f"{name}.built"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.is_dir():
            building = root / f"{name}.building"
            shutil.rmtree(building, ignore_errors=True)
            building.mkdir()
            build(building)
            building.rename(done)
    return done


def home_built_once(factory: pytest.TempPathFactory, name: str, pdfs: list[Path]) -> Path:
    """An archive home holding the issues of these PDFs, ingested once per run (built_once)
    and copied for this worker: its tests may leave caches in it, never in the other's."""
    built = built_once(factory, name, lambda folder: ingested_home(folder / "home", pdfs))
    return worker_copy(factory, name, built / "home")


def worker_copy(factory: pytest.TempPathFactory, name: str, home: Path) -> Path:
    """A copy, for this worker, of an archive home built once per run (built_once): its tests
    may leave caches in it, never in the other's."""
    return copy_home(home, factory.mktemp(name) / "home")  # milliseconds, against an ingest


def copy_home(source: Path, copy: Path) -> Path:
    """`copy`, a copy of the folder `source` (an archive home, an index), made by `cp` in a
    process of its own. Closing any descriptor of a file drops every POSIX lock this process
    holds on it, so shutil.copytree here would drop the SQLite locks of a connection this process
    holds on the source's databases; another process (an MCP server, say) could then remove
    their WAL files under that connection, whose next reader gets "disk I/O error"."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-R", str(source), str(copy)], check=True)
    return copy


def ingested_home(home: Path, pdfs: list[Path]) -> Path:
    """`home` holding the issues of these PDFs, ingested and indexed."""
    from archive import Archive

    archive = Archive(home)
    try:
        report = archive.ingest(pdfs, workers=2)
    finally:
        archive.close()
    assert report.ok, report.failures
    return home


@pytest.fixture(scope="session")
def corpus_ingest(corpus_pdfs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding `home`, into which `aibrief ingest --json` read every real issue, once
    per run, and that command's exit status and output (`ingest.json`). Read only."""
    from click.testing import CliRunner

    from archive.cli import main

    def ingest(folder: Path) -> None:
        pdfs = [str(path) for path in sorted(corpus_pdfs.values())]
        command = ["--home", str(folder / "home"), "ingest", "--json", *pdfs]
        result = CliRunner().invoke(main, command)
        (folder / "exit_code").write_text(str(result.exit_code), encoding="utf-8")
        (folder / "ingest.json").write_text(result.output, encoding="utf-8")

    return built_once(tmp_path_factory, "corpus-ingest", ingest)


@pytest.fixture(scope="session")
def corpus_home(corpus_ingest: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive home holding every real issue (corpus_ingest's), copied for each worker and
    shared by its tests that only read it (copy it before writing)."""
    ingest_output(corpus_ingest)
    return worker_copy(tmp_path_factory, "corpus-home", corpus_ingest / "home")


def ingest_output(corpus_ingest: Path) -> str:
    """What corpus_ingest's `aibrief ingest --json` printed, once it is known to have exited 0."""
    output = (corpus_ingest / "ingest.json").read_text(encoding="utf-8")
    assert (corpus_ingest / "exit_code").read_text() == "0", output
    return output


# -- sample issues: PDFs in the AI Brief layout with the project's own text ---------------------


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding every sample issue ("2024-04.pdf", ...), written once per run (read
    only)."""
    from samples.issues import write_sample_archive

    return built_once(tmp_path_factory, "sample-issues", write_sample_archive)


@pytest.fixture(scope="session")
def sample_home(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive home holding the sample issues (PDFs, index and all), built once per run,
    copied for each worker and shared by its tests that only read it (copy it before
    writing)."""
    return home_built_once(tmp_path_factory, "sample-home", sorted(sample_dir.glob("*.pdf")))


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Kind ("truncated", "encrypted", "html", "empty", "scan", "not_a_brief") -> a *.pdf file."""
    from samples.issues import write_bad_files

    return write_bad_files(tmp_path_factory.mktemp("bad-files"))
