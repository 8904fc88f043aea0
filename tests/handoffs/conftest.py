"""Archive homes for the hand-off tests: the sample issues, and the real ones (AIBRIEF_CORPUS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import Archive
from extract.model import Article


def ingested_home(home: Path, pdfs: list[Path]) -> Path:
    """`home` holding the issues of these PDFs, indexed."""
    archive = Archive(home)
    try:
        report = archive.ingest(pdfs, workers=2)
    finally:
        archive.close()
    assert report.ok, report.failures
    return home


@pytest.fixture(scope="session")
def sample_archive(sample_dir, tmp_path_factory) -> Path:
    """The home of an archive of the generated sample issues."""
    return ingested_home(
        tmp_path_factory.mktemp("handoff-sample"), sorted(sample_dir.glob("*.pdf"))
    )


@pytest.fixture(scope="session")
def corpus_archive(corpus_pdfs, tmp_path_factory) -> Path:
    """The home of an archive of every real issue."""
    return ingested_home(tmp_path_factory.mktemp("handoff-corpus"), list(corpus_pdfs.values()))


def held_articles(home: Path) -> list[Article]:
    """Every article an archive holds, oldest issue first."""
    archive = Archive(home)
    try:
        return [a for s in archive.issues() for a in archive.issue(s.issue).articles]
    finally:
        archive.close()


@pytest.fixture(scope="session")
def corpus_articles(corpus_archive) -> list[Article]:
    """Every article of the real issues."""
    return held_articles(corpus_archive)
