"""One query word as Whoosh queries: its term, the pairs of its parts or a phrase of them,
its parts anywhere apart, or near one another.

A word's queries are made once and shared by every search that asks for them (no one changes
a query once made; live_parts copies the parts it prunes): a question's concepts hold hundreds
of forms, each asked for in two fields, and a search made each form's Terms and Ands anew."""

from __future__ import annotations

from functools import lru_cache

from whoosh import query as wq

from index.near_query import Near
from index.query_words import QueryWord


@lru_cache(maxsize=65536)
def in_field(field: str, word: QueryWord, boost: float = 1.0) -> wq.Query | None:
    """One term; for several parts, their pairs (glued or spaced, "오픈AI" = "오픈 AI"), or
    a phrase when a particle sits between them."""
    if not word.parts:
        return None
    if len(word.parts) == 1:
        return wq.Term(field, word.parts[0], boost=boost)
    if word.adjacent:
        pairs = [wq.Term(field, pair, boost=boost) for pair in word.pairs]
        return pairs[0] if len(pairs) == 1 else wq.And(pairs)
    return wq.Phrase(field, list(word.parts), boost=boost)


@lru_cache(maxsize=65536)
def words_apart(field: str, word: QueryWord, boost: float) -> wq.Query:
    """Every part of a word of several, anywhere in the article."""
    return wq.And([wq.Term(field, part) for part in word.parts], boost=boost)


def near(field: str, words: list[QueryWord], window: int, boost: float = 1.0) -> Near:
    """Every part of the words within `window` words of one another, in any order."""
    return Near(field, [part for word in words for part in word.parts], window, boost=boost)
