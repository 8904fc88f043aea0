"""An article that names a country of the query only in passing (not about it, not in its
headline) matches that word in part, below the articles about the country."""

from __future__ import annotations

import pytest

from index import SearchIndex, derive_actors
from tests.index.conftest import make_article


@pytest.fixture(scope="module")
def country_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("passing"))
    articles = [
        # on the EU's rules, China named once in passing
        make_article(
            "2024-05-01",
            "유럽연합, AI 규제 법안 최종 합의",
            key=("유럽연합 AI 규제 법안 합의", "AI 규제 위반 시 과징금"),
            bullets=("AI 규제 적용 대상 확대", "미국과 중국 기업도 적용"),
        ),
        # on China's rules, which it calls standards
        make_article(
            "2024-05-02",
            "중국, 생성 AI 보안 표준 초안 공개",
            bullets=("중국 정부가 생성 AI 서비스 보안 요구사항 마련",),
        ),
        make_article("2024-05-03", "기업 실적 발표", bullets=("매출 증가",)),
    ]
    index.replace_issue("2024-05", derive_actors(articles), "sha")
    return index


def test_an_article_naming_the_country_in_passing_matches_it_in_part(country_index):
    result = country_index.search("중국의 AI 규제", expand=False)
    assert {hit.id: hit.match for hit in result.hits} == {
        "2024-05-01": "partial",
        "2024-05-02": "partial",
    }
    assert (result.total, result.fallback) == (2, True)


def test_in_passing_is_a_full_match_when_switched_off(country_index):
    # China named once in its body is also a concept named in passing (index/salience.py)
    result = country_index.search("중국의 AI 규제", expand=False, passing=False, about=False)
    assert [(hit.id, hit.match) for hit in result.hits][0] == ("2024-05-01", "all")
    assert result.total == 1


def test_an_article_about_the_country_matches_in_full(country_index):
    result = country_index.search("중국 보안", expand=False)
    assert (result.hits[0].id, result.hits[0].match, result.total) == ("2024-05-02", "all", 1)
