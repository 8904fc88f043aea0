"""Words Kiwi reads alone as a topic they are not: numbers of no exact size, counters, and
bound nouns after a verb (index/bound_words.py)."""

from __future__ import annotations

import pytest

from index.bound_words import bound_after_verb
from index.query_syntax import parse_query
from index.query_terms import topical
from index.query_words import query_word
from tests.index.conftest import make_article


def kept(query: str) -> list[str]:
    return [c.text for g in topical(list(parse_query(query).groups)) for c in g]


def test_a_number_of_no_exact_size_and_a_counter_are_left_out_of_a_query():
    # alone, 수만 is 수 and a particle, and 개 a dog
    assert query_word("수만").parts == ("수",)
    assert kept("수만 개 GPU 구매") == ["GPU", "구매"]
    assert kept("수십억 달러 투자") == ["달러", "투자"]


def test_a_number_alone_is_still_searched():
    assert kept("수천") == ["수천"]


@pytest.mark.parametrize(
    ("verb", "word", "bound"),
    [
        pytest.param("낮출", "수도", True, id="not-a-capital"),
        pytest.param("될", "줄", True, id="not-a-rope"),
        pytest.param("만든", "그림도", False, id="a-noun-after-a-verb"),
        pytest.param("AI", "수도", False, id="after-a-noun"),
        pytest.param("낮출", "비용", False, id="no-bound-noun"),
    ],
)
def test_a_bound_noun_after_a_verb_adds_nothing(verb, word, bound):
    assert bound_after_verb(verb, word) is bound


def test_a_bound_noun_is_read_with_the_verb_before_it():
    assert query_word("수도").parts == ("수도",)  # a capital, alone
    groups = topical(list(parse_query("AI가 생활 수준을 낮출 수도 있나?").groups))
    assert [query_word(g[0].text).parts for g in groups][-1] == ("낮추다",)


def test_an_article_on_the_topic_is_a_full_match_without_the_counter(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "MS, 2만 개의 GPU 구매 계획"),
            make_article("2024-05-02", "개 사진 생성 AI"),
        ],
        "sha",
    )
    hits = fresh_index.search("수만 개 GPU 구매").hits
    assert [(h.id, h.match) for h in hits] == [("2024-05-01", "all")]
