"""The actor table's bodies and companies are names a query for any of their spellings finds
(과기정통부 finds the article writing 과학기술정보통신부), as the curated aliases are."""

from __future__ import annotations

import pytest

from index import SearchIndex, derive_actors
from index.actor_table import actor_table, parse_actor_table
from index.aliases import alias_key
from index.query_builder import country_of
from index.query_syntax import Clause
from tests.index.conftest import make_article

TABLE = """# version: 1
미국	place	US	美
한국	place	KR
과기정통부	government	KR	과학기술정보통신부	MSIT
미국 연방거래위원회	government	US	연방거래위원회	FTC
국방부	government	*	DoD
오픈AI	company	US	OpenAI
샘 알트먼	person	US	알트먼
마이크로소프트	company	US	MS
모건스탠리	company	US	MS
"""


def groups() -> dict[str, set[str]]:
    return {g[0]: set(g) for g in parse_actor_table(TABLE).name_groups()}


def test_a_body_and_a_company_are_names_with_all_their_spellings():
    found = groups()
    assert found["과기정통부"] == {"과기정통부", "과학기술정보통신부", "MSIT"}
    assert found["오픈AI"] == {"오픈AI", "OpenAI"}


@pytest.mark.parametrize(
    ("name", "left_out"),
    [
        pytest.param("연방거래위원회", "미국 연방거래위원회", id="country-first"),
        pytest.param("마이크로소프트", "MS", id="shared-spelling"),
    ],
)
def test_a_spelling_that_would_mislead_is_left_out(name, left_out):
    assert left_out not in groups().get(name, ())


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("국방부", id="every-country-body"),
        pytest.param("샘 알트먼", id="person"),
        pytest.param("미국", id="place"),
        pytest.param("모건스탠리", id="no-other-spelling"),
    ],
)
def test_people_places_and_bodies_every_country_has_are_no_names(name):
    assert name not in groups()


def test_every_shipped_spelling_names_one_group():
    keys = [k for group in actor_table().name_groups() for k in {alias_key(s) for s in group}]
    assert len(keys) == len(set(keys))


@pytest.fixture(scope="module")
def body_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("names"))
    articles = [
        make_article(
            "2024-06-01",
            "과학기술정보통신부, AI 기본계획 발표",
            bullets=("과학기술정보통신부가 인공지능 기본계획을 발표",),
        ),
        make_article(
            "2024-06-02",
            "공정거래위원회, 플랫폼 독과점 규율 방안 발표",
            bullets=("공정거래위원회가 플랫폼 규율 방안을 발표",),
        ),
        make_article(
            "2024-06-03",
            "일본 정부, 생성 AI 지침 공개",
            bullets=("일본 정부가 생성 AI 이용 지침을 공개",),
        ),
        make_article("2024-06-04", "기업 실적 발표", bullets=("매출 증가",)),
        make_article("2024-06-05", "사이버 보안 위협 증가", bullets=("사이버 공격 증가",)),
    ]
    index.replace_issue("2024-06", derive_actors(articles), "sha")
    return index


@pytest.mark.parametrize(
    ("query", "article"),
    [
        pytest.param("과학기술정보통신부", "2024-06-01", id="full-name"),
        pytest.param("과기정통부", "2024-06-01", id="short-form"),
        pytest.param("과기정통부의", "2024-06-01", id="short-form-particle"),
        pytest.param("MSIT", "2024-06-01", id="acronym"),
        pytest.param("공정위", "2024-06-02", id="committee"),
        pytest.param("KFTC", "2024-06-02", id="committee-acronym"),
        pytest.param("日", "2024-06-03", id="hanja-country"),
        pytest.param("Japan", "2024-06-03", id="english-country"),
    ],
)
def test_each_spelling_finds_what_the_full_name_finds(body_index, query, article):
    found = body_index.search(query)
    assert [(hit.id, hit.match) for hit in found.hits if hit.match == "all"] == [(article, "all")]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("공정위", "공정거래위원회"),
        ("산업부", "산업통상자원부"),
        ("기재부", "기획재정부"),
        ("경산성", "일본 경제산업성"),
        ("공신부", "중국 공업정보화부"),
        ("발개위", "중국 국가발전개혁위원회"),
        ("연준", "미국 연방준비제도"),
        ("다보스포럼", "세계경제포럼"),
        ("하이닉스", "SK하이닉스"),
        ("안트로픽", "앤스로픽"),
    ],
)
def test_a_short_form_spells_its_actor(short, full):
    spelled = actor_table().by_spelling()
    assert spelled[alias_key(short)].name == full


@pytest.mark.parametrize(
    ("word", "code"),
    [("英", "GB"), ("中", "CN"), ("타이완", "TW"), ("우리나라", "KR"), ("국내", "KR")],
)
def test_a_country_is_named_by_its_everyday_forms(word, code):
    assert actor_table().country_named(word) == code


def test_a_name_no_article_holds_is_not_respelled(body_index):
    # 네이버 is a company the table names: the archive's nearest spelling, 사이버, is not it
    result = body_index.search("네이버", budget=float("inf"))
    assert (result.total, result.expansions) == (0, {})
    assert body_index.search("사이보", budget=float("inf")).total == 1  # a typo still is


def test_every_spelling_of_a_country_is_read_as_that_country_in_a_query():
    """A query word is analysed before its country is looked up: 우리나라, which Kiwi alone reads
    as 나라, is a word of the domain dictionary."""
    table = actor_table()
    spellings = [s for place in table.places for s in place.spellings if " " not in s]
    misread = [s for s in spellings if country_of((Clause(s),)) != (table.country_named(s) or None)]
    assert misread == []
