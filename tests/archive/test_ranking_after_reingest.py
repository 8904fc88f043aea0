"""Ranking depends only on what the archive holds: after issues are ingested again, the
documents they replaced no longer count in BM25's statistics (they are merged away once the
write is done), so the top ten of a query is a clean build's."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import Archive
from index import SearchIndex
from tests.conftest import copy_home

QUERIES = ("규제", "반도체", "오픈AI", "딥페이크", "저작권", "AI 안전", "데이터센터", "일자리")

pytestmark = pytest.mark.corpus


def top_tens(home: Path) -> dict[str, list[str]]:
    archive = Archive(home)
    try:
        return {q: [hit.id for hit in archive.search(q, per_page=10).hits] for q in QUERIES}
    finally:
        archive.close()


def ingest_again(home: Path, pdfs: list[Path]) -> None:
    archive = Archive(home)
    try:
        assert archive.ingest(pdfs, force=True).ok
    finally:
        archive.close()


# One issue ingested again is enough: twice over without the merge, its replaced articles
# move half the queries' top tens (2023-12: 4 of 8), and each forced ingest of all six issues
# cost 7 CPU s.
AGAIN = "2023-12"


def test_forced_reingests_rank_as_a_clean_build(corpus_home, corpus_pdfs, tmp_path, monkeypatch):
    clean = top_tens(corpus_home)
    home = tmp_path / "home"
    copy_home(corpus_home, home)
    pdfs = [corpus_pdfs[AGAIN]]

    with monkeypatch.context() as unmerged:  # as before deleted documents were merged away
        unmerged.setattr(SearchIndex, "merge_deleted", lambda index: False)
        for _ in range(2):
            ingest_again(home, pdfs)
        assert top_tens(home) != clean  # the drift this guards against

    assert SearchIndex.open(home / "index").merge_deleted() is True
    assert top_tens(home) == clean
    ingest_again(home, pdfs)  # merged as the ingest ends
    assert SearchIndex.open(home / "index").merge_deleted() is False
    assert top_tens(home) == clean
