"""Fixtures of the archive tests that read the real issues."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import Archive


@pytest.fixture(scope="session")
def corpus_home(corpus_pdfs, tmp_path_factory) -> Path:
    """An archive of the six real issues, ingested once; tests that write copy it."""
    home = tmp_path_factory.mktemp("corpus-home")
    archive = Archive(home)
    try:
        assert archive.ingest(list(corpus_pdfs.values()), workers=2).ok
    finally:
        archive.close()
    return home
