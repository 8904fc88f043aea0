"""The domain dictionary keeps names whole where Kiwi would read them apart: alike alone and
before a particle, and without a part of another sense (과학혁신기술부 is no article on 혁신)."""

from __future__ import annotations

import pytest

from bench.dictionary_check import before_particle, particles, parts, read_apart, split_names
from index import SearchIndex, derive_actors
from tests.index.conftest import make_article


@pytest.mark.parametrize(
    "name",
    ["인터넷정보판공실", "과학혁신기술부", "디지털발전부", "유럽의회", "국립보건원", "나델라"],
)
def test_a_name_is_read_alike_alone_and_before_a_particle(name):
    assert all(before_particle(name, p) == parts(name) for p in particles(name))
    assert read_apart([name]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("판공실", ("이", "은", "을", "의")),
        ("디지털청", ("이", "은", "을", "의")),
        ("나토", ("가", "는", "를", "의")),
        ("FTC", ("가", "는", "를", "의")),
    ],
)
def test_the_particles_follow_the_last_syllable(text, expected):
    assert particles(text) == expected


@pytest.mark.parametrize("name", ["과학혁신기술부", "디지털발전부", "과학기술정보통신부", "상무부"])
def test_a_body_is_not_split_into_words_of_another_sense(name):
    assert parts(name) == (name,)
    assert name not in {found for found, _words, _inner in split_names()}


@pytest.fixture(scope="module")
def names_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("domain-names"))
    articles = [
        make_article(
            "2024-08-01",
            "중국, 생성 AI 서비스 관리 강화",
            bullets=("중국 인터넷정보판공실이 생성 AI 서비스 관리 방안을 공개",),
        ),
        make_article(
            "2024-08-02",
            "영국, AI 규제 백서 발표",
            bullets=("영국 과학혁신기술부가 AI 규제 백서를 발표",),
        ),
        make_article(
            "2024-08-03",
            "유럽의회, AI 법 통과",
            bullets=("유럽의회가 AI 법을 통과",),
        ),
        make_article(
            "2024-08-04",
            "기업의 기술 혁신 경쟁",
            bullets=("기업들이 기술 혁신에 투자",),
        ),
    ]
    index.replace_issue("2024-08", derive_actors(articles), "sha")
    return index


def full(index: SearchIndex, query: str) -> set[str]:
    return {hit.id for hit in index.search(query).hits if hit.match == "all"}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        pytest.param("인터넷정보판공실", {"2024-08-01"}, id="before-a-particle"),
        pytest.param("과학혁신기술부", {"2024-08-02"}, id="kept-whole"),
        pytest.param("혁신", {"2024-08-04"}, id="no-part-of-another-sense"),
        pytest.param("유럽 의회", {"2024-08-03"}, id="spaced-meets-its-parts"),
        pytest.param("유럽의회", {"2024-08-03"}, id="glued"),
    ],
)
def test_a_search_meets_the_name_as_written(names_index, query, found):
    assert full(names_index, query) == found
