"""Words that only say how a query asks are left out of it, unless nothing else is left."""

from __future__ import annotations

import pytest

from index.query_syntax import parse_query
from index.query_terms import carries_topic, has_plain_words, topical
from index.query_words import destemmed, query_word


def kept(query: str) -> list[str]:
    return [c.text for group in topical(list(parse_query(query).groups)) for c in group]


@pytest.mark.parametrize(
    ("word", "topical_word"),
    [
        pytest.param("되나?", False, id="light-verb-any-ending"),
        pytest.param("얼마나", False, id="question-word"),
        pytest.param("관련", False, id="appended-noun"),
        pytest.param("대한", False, id="adnominal-verb"),
        pytest.param("돕는", False, id="verb-of-purpose"),
        pytest.param("딥페이크", True, id="topic"),
        pytest.param("AI를", True, id="topic-with-particle"),
        pytest.param("?", False, id="punctuation"),
    ],
)
def test_carries_topic(word, topical_word):
    assert carries_topic(query_word(word).parts) is topical_word


def test_asking_words_are_left_out():
    assert kept("딥페이크 관련 사례는 무엇인가?") == ["딥페이크"]
    assert kept("AI 규제에 대한 동향") == ["AI", "규제에"]


def test_asking_words_alone_are_kept():
    assert kept("동향") == ["동향"]
    assert kept("관련 사례") == ["관련", "사례"]


def test_an_exact_or_field_word_is_never_left_out():
    assert kept("=사례 딥페이크") == ["사례", "딥페이크"]
    assert kept("title:동향 딥페이크") == ["동향", "딥페이크"]


@pytest.mark.parametrize(
    ("query", "plain"),
    [("딥페이크 =사례", True), ('"범용 AI" title:딥페이크', False), ("actor:메타", False)],
)
def test_has_plain_words(query, plain):
    assert has_plain_words(parse_query(query)) is plain


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("공공기관용", "공공 기관"), ("의료용", "의료"), ("딥페이크", None)],
)
def test_a_derived_word_is_looked_up_in_the_thesaurus_by_its_stem(word, stemmed):
    assert destemmed(word) == stemmed
