"""A group of actors stands for its members, as a region for its countries: an article whose
headline is about Google matches 빅테크 (Big Tech) even where it does not write it."""

from __future__ import annotations

import pytest

from index import SearchIndex, derive_actors
from index.concepts import shipped_concepts
from index.query_builder import member_keys
from index.query_syntax import parse_query
from tests.index.conftest import make_article


def keys(query: str) -> tuple[str, ...]:
    (group,) = parse_query(query).groups
    return member_keys(group, shipped_concepts())


@pytest.mark.parametrize("query", ["빅테크", "빅테크의"], ids=["plain", "particle"])
def test_a_group_names_its_members(query):
    members = {"구글", "google", "메타", "마이크로소프트", "아마존", "애플", "알리바바"}
    assert members <= set(keys(query))


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("구글", id="a-member"),
        pytest.param("스타트업", id="no-group"),
        pytest.param("=빅테크", id="exact"),
        pytest.param("title:빅테크", id="field"),
    ],
)
def test_other_words_name_no_group(query):
    assert keys(query) == ()


def test_a_word_that_names_no_group_reads_no_spelling_of_the_table(monkeypatch):
    # every plain word of every query is asked; the table's spellings serve a group's alone
    from index.actor_table import ActorTable

    monkeypatch.setattr(ActorTable, "by_spelling", lambda table: pytest.fail("read them all"))
    assert keys("스타트업") == ()
    assert keys("인공지능의") == ()


@pytest.fixture(scope="module")
def group_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("groups"))
    articles = [
        make_article(
            "2024-05-01",
            "구글, 자체 AI 칩 공개",
            key=("구글이 자체 설계한 AI 칩을 공개",),
            bullets=("구글 클라우드에 AI 칩 적용",),
        ),
        make_article(
            "2024-05-02",
            "빅테크의 AI 칩 개발 경쟁 심화",
            bullets=("주요 빅테크가 AI 칩 개발에 투자",),
        ),
        # names Google in passing, about a start-up: not about a member
        make_article(
            "2024-05-03",
            "스타트업 그록, AI 칩 공개",
            bullets=("그록이 AI 칩을 공개하며 구글 출신 연구진 영입",),
        ),
        make_article("2024-05-04", "기업 실적 발표", bullets=("매출 증가",)),
    ]
    index.replace_issue("2024-05", derive_actors(articles), "sha")
    return index


def test_an_article_about_a_member_matches_the_group_in_full(group_index):
    found = group_index.search("빅테크 AI 칩")
    matches = {hit.id: hit.match for hit in found.hits}
    assert matches["2024-05-01"] == "all"
    assert matches["2024-05-02"] == "all"
    assert matches.get("2024-05-03") != "all"
    # the article writing the group's word ranks first: a member's headline scores nothing
    assert found.hits[0].id == "2024-05-02"
    assert group_index.search("Big Tech AI 칩").total == 2


def test_exact_words_match_no_member(group_index):
    found = group_index.search("빅테크 AI 칩", expand=False)
    assert {hit.id for hit in found.hits if hit.match == "all"} == {"2024-05-02"}


def test_an_article_about_a_member_says_the_group_and_scores_nothing_for_it(group_index):
    import numpy as np
    from whoosh import query as wq

    from index.postings_scorer import PostingsScorer
    from index.salience import SAID, Salience
    from index.score_arrays import Pool

    with group_index._reading() as searcher:
        salience, evaluator = Salience(searcher), PostingsScorer(searcher)
        size = searcher.reader().doc_count_all()
        member = wq.Term("subject", "구글", boost=0.0)
        said = salience.weight(evaluator, member, Pool(np.arange(size, dtype=np.int64), size))
        assert len(said) == 1 and said.scores[0] >= SAID
        assert list(evaluator.evaluate(member).values()) == [0.0]
