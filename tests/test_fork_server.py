"""What the fork server's children share with the test process that started the server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.model import Article
from tests.forked_process import forked

pytestmark = pytest.mark.slow  # processes (forked: tests/forked_process.py)


def build_counting_kiwi(folder: str) -> None:
    """A child of the fork server (tests/forked_process.py): build an index of one article of
    words no other test writes, and print how many texts its store of query analyses asked
    Kiwi about."""
    import index.query_analysis as query_analysis
    from index import SearchIndex

    asked: list[str] = []
    real = query_analysis.tokenize_many
    query_analysis.tokenize_many = lambda texts: asked.extend(texts) or real(texts)
    article = Article("2024-01-01", "2024-01", None, "꿀벌 양봉장 자동화", 1, (3, 3))
    index = SearchIndex.open(Path(folder))
    try:
        index.replace_issue("2024-01", [article], "sha")
    finally:
        index.close()
    sys.stdout.write(f"{len(asked)}\n")


def test_a_child_s_first_build_asks_kiwi_only_about_its_own_words(tmp_path):
    """Every build stores the reading of each thesaurus form and name spelling (thousands of
    texts), which a process asks Kiwi for once: the server built an index before it forked,
    so a child that builds asks only about the words of its own articles."""
    with forked(build_counting_kiwi, str(tmp_path / "index")) as child:
        out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert int(out) < 50
