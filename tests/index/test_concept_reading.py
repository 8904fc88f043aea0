"""A thesaurus form of several words meets what is typed whichever form the analyser reduces
each word to ("적은 비용으로" is the form 적은 비용), and a word the analyser drops whole ("여러")
is never silently left out of what a form means. The table here is written for these tests."""

from __future__ import annotations

import pytest

from index.aliases import AliasTable
from index.clause_forms import STAND_IN_WEIGHT
from index.concepts import Concept, ConceptTable
from index.joined_words import joined_words
from index.query_builder import QueryBuilder
from index.query_syntax import Clause, parse_query
from index.query_words import dropped_meaning, query_word, reading

TABLE = ConceptTable(
    (
        Concept("저비용", ("저비용", "적은 비용", "low-cost")),
        Concept("다국어", ("다국어", "여러 언어", "multilingual")),
        Concept("언어", ("언어", "language")),
    ),
    1,
)


@pytest.mark.parametrize(
    ("typed", "form"),
    [
        pytest.param("적은 비용으로", "적은 비용", id="conjugated-and-particle"),
        pytest.param("여러 언어를", "여러 언어", id="determiner"),
    ],
)
def test_typed_words_read_as_the_form_they_are(typed, form):
    assert reading(typed) == reading(form)


def test_a_dropped_determiner_is_read_as_written():
    assert reading("여러 언어를") == ("여러", "언어")
    assert query_word("여러 언어를").parts == ("언어",)  # what the analyser alone keeps


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        pytest.param("여러 언어", ("여러",), id="determiner"),
        pytest.param("수학 문제를 잘 푸는", ("잘",), id="adverb"),
        pytest.param("신뢰할 수 있는 AI", (), id="bound-noun"),
        pytest.param("텍스트 및 데이터 마이닝", (), id="conjunction"),
        pytest.param("적은 비용", (), id="adjective-as-lemma"),
    ],
)
def test_words_dropped_whole_that_carry_meaning(text, dropped):
    assert dropped_meaning(text) == dropped


def _joined(query: str) -> list[str]:
    groups = joined_words(parse_query(query).groups, AliasTable(()), TABLE)
    return [" ".join(c.text for c in group) for group in groups]


def test_a_conjugated_form_typed_is_the_concept():
    assert _joined("적은 비용으로 모델 개발") == ["적은 비용", "모델", "개발"]


def test_a_form_with_a_determiner_is_the_concept_not_the_noun_left():
    assert _joined("여러 언어를 지원") == ["여러 언어", "지원"]
    without = ConceptTable((Concept("언어", ("언어", "language")),), 1)
    groups = joined_words(parse_query("여러 언어를").groups, AliasTable(()), without)
    assert [c.text for g in groups for c in g] == ["여러", "언어를"]  # not the concept 언어


def test_a_concept_typed_with_a_dropped_word_is_looked_for_by_its_other_forms():
    builder = QueryBuilder(AliasTable(()), TABLE)
    weights = {w.parts: x for w, x in builder.looked_up(Clause("여러 언어", loose=True)).words}
    assert ("언어",) not in weights  # 언어 alone is not 여러 언어
    assert weights[("다국어",)] == weights[("multilingual",)] == STAND_IN_WEIGHT


def test_a_form_with_a_dropped_word_is_not_looked_for_as_a_sibling():
    builder = QueryBuilder(AliasTable(()), TABLE)
    looked = builder.looked_up(Clause("다국어"))
    assert ("언어",) not in {w.parts for w, _ in looked.words}
    assert "여러 언어" not in looked.added


def test_the_query_says_the_concept_it_read():
    query = "적은 비용으로 만든 모델"
    compiled = QueryBuilder(AliasTable(()), TABLE).build(parse_query(query), query)
    assert compiled.expansions["적은 비용"] == ["저비용", "low-cost"]
