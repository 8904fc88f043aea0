"""What a query compiles to: the terms it counts its own."""

from __future__ import annotations

from whoosh import query as wq

from index.compiled_query import CompiledQuery


def test_a_query_s_own_terms_are_every_term_it_highlights():
    compiled = CompiledQuery(
        all_words=wq.Every(),
        any_words=None,
        highlight=(("양자", "컴퓨터"), ("큐비트",), ("양자",)),
        words=("양자컴퓨터",),
    )
    assert compiled.own_terms() == {"양자", "컴퓨터", "큐비트"}


def test_a_country_a_word_names_is_titled_with_its_headline_query_and_place():
    from index.aliases import AliasTable
    from index.concepts import ConceptTable
    from index.query_builder import QueryBuilder
    from index.query_syntax import parse_query

    query = "노동자 중국의 규제"
    compiled = QueryBuilder(AliasTable([]), ConceptTable((), 1)).build(parse_query(query), query)
    assert compiled.titled == (("CN", wq.Term("title", "중국"), 1),)
    assert compiled.labels[1] == "중국의"
