"""A rare word finds the longer nouns it heads that Kiwi keeps whole (국방 -> 국방부), and a
common one does not (교육 is not every 교육부 notice)."""

from __future__ import annotations

import pytest

from index import SearchIndex
from tests.index.conftest import make_article


@pytest.fixture(scope="module")
def ministry_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("longer"))
    education = [make_article(f"2024-05-{i:02d}", f"대학 교육 과정 개편 {i}") for i in range(1, 7)]
    index.replace_issue(
        "2024-05",
        [
            *education,
            make_article("2024-05-07", "국방부, AI 전략 발표", bullets=("국방부가 계획 공개",)),
            make_article("2024-05-08", "교육부, 예산 편성 발표", bullets=("교육부 발표",)),
        ],
        "sha",
    )
    return index


def ids(result) -> list[str]:
    return [hit.id for hit in result.hits]


def test_a_rare_word_finds_the_ministry_the_analyser_keeps_whole(ministry_index):
    result = ministry_index.search("국방")
    assert ids(result) == ["2024-05-07"]
    assert "국방부" in result.expansions["국방"]


def test_the_longer_nouns_can_be_switched_off(ministry_index):
    assert ministry_index.search("국방", longer=False).total == 0


def test_a_word_many_articles_hold_does_not_find_them(ministry_index):
    result = ministry_index.search("교육")
    assert "2024-05-08" not in ids(result)
    assert result.total == 6


def test_an_exact_word_finds_only_itself(ministry_index):
    assert ministry_index.search("=국방").total == 0
