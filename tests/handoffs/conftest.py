"""Archive homes for the hand-off tests: the sample issues, and the real ones (AIBRIEF_CORPUS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import Archive
from extract.model import Article


@pytest.fixture(scope="session")
def sample_archive(sample_home) -> Path:
    """The home of an archive of the generated sample issues (shared, read only)."""
    return sample_home


@pytest.fixture(scope="session")
def corpus_archive(corpus_home) -> Path:
    """The home of an archive of every real issue (shared, read only)."""
    return corpus_home


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
