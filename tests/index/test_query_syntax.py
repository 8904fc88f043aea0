"""The query language: what parses into what, and what is refused with which message."""

from __future__ import annotations

import pytest

from common.echo import echoed
from extract.model import SECTIONS
from index.errors import QueryError
from index.query_syntax import Clause, parse_query


def test_words_are_each_required():
    parsed = parse_query("AI 규제")
    assert parsed.groups == ((Clause("AI"),), (Clause("규제"),))


def test_or_joins_the_words_on_each_side():
    parsed = parse_query("딥페이크 OR 허위정보 선거")
    assert parsed.groups == ((Clause("딥페이크"), Clause("허위정보")), (Clause("선거"),))


def test_and_between_words_is_what_words_do_anyway():
    assert parse_query("AI AND 규제") == parse_query("AI 규제")
    assert parse_query('AI "AND"').groups[1] == (Clause("AND", phrase=True, exact=True),)


@pytest.mark.parametrize(
    "query", [pytest.param("AI -중국", id="minus"), pytest.param("AI NOT 중국", id="not")]
)
def test_negation(query):
    parsed = parse_query(query)
    assert parsed.groups == ((Clause("AI"),),)
    assert parsed.excluded == (Clause("중국", negated=True),)


def test_quotes_make_a_phrase():
    assert parse_query('"AI 기본법"').groups == ((Clause("AI 기본법", phrase=True, exact=True),),)


def test_title_and_source_fields():
    parsed = parse_query('title:오픈AI source:"European Commission"')
    assert parsed.groups == (
        (Clause("오픈AI", field="title"),),
        (Clause("European Commission", field="source", phrase=True, exact=True),),
    )


@pytest.mark.parametrize(
    ("value", "section"),
    [
        pytest.param("정책/법제", "정책/법제", id="full"),
        pytest.param("정책･법제", "정책/법제", id="2025-spelling"),
        pytest.param("정책", "정책/법제", id="first-half"),
        pytest.param("교육", "인력/교육", id="second-half"),
    ],
)
def test_section_names(value, section):
    assert parse_query(f"section:{value}").sections == (section,)


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        pytest.param("2024-04", ("2024-04", "2024-04"), id="one"),
        pytest.param("2024-01..2024-06", ("2024-01", "2024-06"), id="range"),
        pytest.param("2024-07..", ("2024-07", None), id="open-end"),
        pytest.param("..2024-03", (None, "2024-03"), id="open-start"),
    ],
)
def test_issue_filters(value, bounds):
    parsed = parse_query(f"AI issue:{value}")
    assert (parsed.issue_from, parsed.issue_to) == bounds


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        pytest.param("", "the query is empty", id="empty"),
        pytest.param("   ", "the query is empty", id="blank"),
        pytest.param('"AI 법', "unbalanced quote", id="unbalanced-quote"),
        pytest.param("issue:2024-4", "bad issue '2024-4'", id="bad-issue"),
        pytest.param("issue:2024-13", "bad issue '2024-13'", id="bad-month"),
        pytest.param("issue:2024-06..2024-01", "ends before it starts", id="backward-range"),
        pytest.param("author:김", "unknown field 'author:'", id="unknown-field"),
        pytest.param("section:경제", "unknown section '경제'", id="unknown-section"),
        pytest.param("OR AI", "OR needs a word on each side", id="leading-or"),
        pytest.param("AI OR", "ends with AND, OR or NOT", id="trailing-or"),
        pytest.param("AND", "AND needs a word on each side", id="lone-and"),
        pytest.param("AND AI", "AND needs a word on each side", id="leading-and"),
        pytest.param("AI AND", "ends with AND, OR or NOT", id="trailing-and"),
        pytest.param("AI AND OR 규제", "OR needs a word on each side", id="and-or"),
        pytest.param("-AI", "only words to exclude", id="only-negated"),
        pytest.param('AI ""', "empty quotes", id="empty-quotes"),
    ],
)
def test_malformed_queries_name_the_query_and_the_problem(query, problem):
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"cannot search for {query!r}: ")


def test_a_long_query_is_echoed_cut():
    query = "section:" + "가" * 5000
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert str(caught.value) == (
        f"cannot search for {echoed(query)}: unknown section {echoed('가' * 5000)}"
        f" (sections: {', '.join(SECTIONS)})"
    )
    assert len(echoed(query)) == 82
