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
