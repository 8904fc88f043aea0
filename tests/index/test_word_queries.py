"""A query word's Whoosh queries: made once and shared by the searches that ask for them."""

from __future__ import annotations

from whoosh import query as wq

from index.query_words import QueryWord
from index.word_queries import in_field, words_apart

OPENAI = QueryWord(("오픈", "ai"), ("오픈ai",))


def test_a_word_s_queries_are_made_once_and_shared():
    assert in_field("content", OPENAI, 0.8) is in_field("content", OPENAI, 0.8)
    assert words_apart("title", OPENAI, 0.5) is words_apart("title", OPENAI, 0.5)


def test_a_shared_query_is_the_one_made_anew():
    assert in_field("content", OPENAI, 0.8) == wq.Term("content", "오픈ai", boost=0.8)
    assert in_field("title", OPENAI, 0.8) == wq.Term("title", "오픈ai", boost=0.8)
    apart = wq.And([wq.Term("content", "오픈"), wq.Term("content", "ai")], boost=0.5)
    assert words_apart("content", OPENAI, 0.5) == apart
    assert in_field("content", QueryWord(())) is None
