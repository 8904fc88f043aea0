"""Shared fixtures: the real issues (from AIBRIEF_CORPUS) and strict mode for CI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

CORPUS_ENV = "AIBRIEF_CORPUS"

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


# Session fixtures costly enough that, with pytest-xdist (`make test` runs two workers with
# --dist loadgroup), the tests using each run on one worker, which builds it once.
SHARED_ONCE = ("corpus_home", "corpus_issues")


def xdist_group(item: pytest.Item) -> str:
    """The group a test runs in under pytest-xdist: the costly fixture it uses, else its file
    (so that a module's fixtures are built once, on one worker)."""
    fixtures = getattr(item, "fixturenames", ())
    return next((name for name in SHARED_ONCE if name in fixtures), item.nodeid.split("::")[0])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Reading the real issues and driving a browser are slow by nature: `make test-fast`
    (-m "not slow") leaves them out with the tests marked slow by hand. Under pytest-xdist,
    each test is put in its group."""
    grouping = config.pluginmanager.hasplugin("xdist")
    for item in items:
        if item.get_closest_marker("corpus") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
        if grouping:
            item.add_marker(pytest.mark.xdist_group(xdist_group(item)))


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
def corpus_issues(corpus_pdfs: dict[str, Path]) -> dict[str, Any]:
    """Issue -> every real issue as extracted, read once per test session."""
    from extract import extract_issue

    return {issue: extract_issue(path) for issue, path in corpus_pdfs.items()}


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
def corpus_home(corpus_pdfs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive home holding every real issue, built once per session and shared by the
    tests that only read it (copy it before writing)."""
    return ingested_home(tmp_path_factory.mktemp("corpus-home"), sorted(corpus_pdfs.values()))


# -- sample issues: PDFs in the AI Brief layout with the project's own text ---------------------


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding every sample issue ("2024-04.pdf", ...), written once per session."""
    from samples.issues import write_sample_archive

    folder = tmp_path_factory.mktemp("sample-issues")
    write_sample_archive(folder)
    return folder


@pytest.fixture(scope="session")
def sample_home(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive home holding the sample issues (PDFs, index and all), built once per
    session and shared by the tests that only read it (copy it before writing)."""
    return ingested_home(tmp_path_factory.mktemp("sample-home"), sorted(sample_dir.glob("*.pdf")))


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Kind ("truncated", "encrypted", "html", "empty", "scan", "not_a_brief") -> a *.pdf file."""
    from samples.issues import write_bad_files

    return write_bad_files(tmp_path_factory.mktemp("bad-files"))
