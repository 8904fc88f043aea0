"""A query word's Whoosh queries: made once with their keys and shared by the searches that
ask for them."""

from __future__ import annotations

from whoosh import query as wq

from index.aliases import AliasTable
from index.concepts import Concept, ConceptTable
from index.near_query import Near
from index.query_builder import QueryBuilder
from index.query_syntax import parse_query
from index.query_words import QueryWord
from index.word_queries import (
    distinct,
    in_field,
    keyed,
    keyed_in_field,
    keyed_words_apart,
    query_key,
)

OPENAI = QueryWord(("오픈", "ai"), ("오픈ai",))


def test_a_word_s_queries_are_made_once_and_shared():
    assert in_field("content", OPENAI, 0.8) is in_field("content", OPENAI, 0.8)
    assert keyed_words_apart("title", OPENAI, 0.5) is keyed_words_apart("title", OPENAI, 0.5)


def test_a_shared_query_is_the_one_made_anew():
    assert in_field("content", OPENAI, 0.8) == wq.Term("content", "오픈ai", boost=0.8)
    assert in_field("title", OPENAI, 0.8) == wq.Term("title", "오픈ai", boost=0.8)
    apart = wq.And([wq.Term("content", "오픈"), wq.Term("content", "ai")], boost=0.5)
    assert keyed_words_apart("content", OPENAI, 0.5)[1] == apart
    assert in_field("content", QueryWord(())) is None


def made_anew() -> list[wq.Query]:
    """Queries equal in pairs but not the same objects, and queries that differ in one way."""
    return [
        wq.Term("content", "오픈ai", boost=0.8),
        wq.Term("content", "오픈ai", boost=0.5),
        wq.Term("title", "오픈ai", boost=0.8),
        wq.Term("content", "openai", boost=0.8),
        wq.And([wq.Term("content", "오픈"), wq.Term("content", "ai")], boost=0.5),
        wq.And([wq.Term("content", "오픈", boost=0.5), wq.Term("content", "ai", boost=0.5)]),
        wq.And([wq.Term("content", "ai"), wq.Term("content", "오픈")], boost=0.5),
        wq.And([]),
        wq.Or([wq.Term("content", "오픈"), wq.Term("content", "ai")], boost=0.5),
        wq.And([wq.And([wq.Term("content", "오픈"), wq.Term("content", "ai")])]),
        wq.Phrase("content", ["오픈", "ai"], boost=0.5),
        Near("content", ["오픈", "ai"], 3, boost=0.5),
    ]


def test_forms_are_deduped_by_their_keys_as_by_the_queries_themselves():
    queries = [*made_anew(), *made_anew(), *reversed(made_anew())]
    kept = distinct([keyed(q) for q in queries])
    expected = list(dict.fromkeys(queries))
    # each copy's empty And is kept: Whoosh finds it equal to no query but itself
    assert len(kept) == len(expected) == len(made_anew()) + 2
    assert all(k is e for k, e in zip(kept, expected, strict=True))


def test_a_shared_query_carries_the_key_made_with_it():
    key, q = keyed_in_field("content", OPENAI, 0.8)
    assert q is in_field("content", OPENAI, 0.8) and key == query_key(q)
    key, q = keyed_words_apart("content", OPENAI, 0.5)
    assert q is keyed_words_apart("content", OPENAI, 0.5)[1] and key == query_key(q)


def test_a_clause_s_forms_are_deduped_without_hashing_a_query_tree(monkeypatch):
    table = ConceptTable((Concept("일자리", ("일자리", "고용", "jobs")),), 1)
    builder = QueryBuilder(AliasTable(()), table)

    def refused(self):
        raise AssertionError(f"hashed {self!r}")

    monkeypatch.setattr(wq.Term, "__hash__", refused)
    monkeypatch.setattr(wq.compound.CompoundQuery, "__hash__", refused)
    compiled = builder.build(parse_query("일자리"), "일자리")
    terms = {(t.fieldname, t.text) for t in compiled.all_words.leaves()}
    assert terms == {(f, w) for f in ("content", "title") for w in ("일자리", "고용", "jobs")}
