"""One query word as Whoosh queries: its term, the pairs of its parts or a phrase of them,
its parts anywhere apart, or near one another.

A word's queries are made once and shared by every search that asks for them (no one changes
a query once made; live_parts copies the parts it prunes): a question's concepts hold hundreds
of forms, each asked for in two fields, and a search made each form's Terms and Ands anew.
Each is made with its key (query_key), by which the builder drops a form that repeats another:
Whoosh hashes a query by walking its tree in Python at every ask, which deduping the graded
queries' forms by the queries themselves cost 0.057 CPU-ms a search at 10,000 articles, and
by the keys made with them 0.016."""

from __future__ import annotations

from collections.abc import Hashable
from functools import lru_cache

from whoosh import query as wq

from index.near_query import Near
from index.query_words import QueryWord

# A query with its key (query_key).
Keyed = tuple[Hashable, wq.Query]


def query_key(q: wq.Query) -> Hashable:
    """A key two queries share exactly when they are equal, cheap to hash: a term's class,
    field, text and boost, an And of terms' class and boost with its terms'; any other query
    (an empty And too, which Whoosh finds equal to none but itself) is its own key."""
    if type(q) is wq.Term:
        return (wq.Term, q.fieldname, q.text, q.boost)
    if type(q) is wq.And and q.subqueries and all(type(t) is wq.Term for t in q.subqueries):
        return (wq.And, q.boost, tuple((t.fieldname, t.text, t.boost) for t in q.subqueries))
    return q


def keyed(q: wq.Query) -> Keyed:
    """The query with its key."""
    return query_key(q), q


def distinct(found: list[Keyed]) -> list[wq.Query]:
    """The queries in order, less each that repeats one before it."""
    kept: dict[Hashable, wq.Query] = {}
    for key, q in found:
        kept.setdefault(key, q)
    return list(kept.values())


def in_field(field: str, word: QueryWord, boost: float = 1.0) -> wq.Query | None:
    """One term; for several parts, their pairs (glued or spaced, "오픈AI" = "오픈 AI"), or
    a phrase when a particle sits between them."""
    made = keyed_in_field(field, word, boost)
    return made[1] if made is not None else None


@lru_cache(maxsize=65536)
def keyed_in_field(field: str, word: QueryWord, boost: float = 1.0) -> Keyed | None:
    """in_field's query with its key."""
    if not word.parts:
        return None
    if len(word.parts) == 1:
        return keyed(wq.Term(field, word.parts[0], boost=boost))
    if word.adjacent:
        pairs = [wq.Term(field, pair, boost=boost) for pair in word.pairs]
        return keyed(pairs[0] if len(pairs) == 1 else wq.And(pairs))
    return keyed(wq.Phrase(field, list(word.parts), boost=boost))


@lru_cache(maxsize=65536)
def keyed_words_apart(field: str, word: QueryWord, boost: float) -> Keyed:
    """Every part of a word of several, anywhere in the article; with its key."""
    return keyed(wq.And([wq.Term(field, part) for part in word.parts], boost=boost))


def near(field: str, words: list[QueryWord], window: int, boost: float = 1.0) -> Near:
    """Every part of the words within `window` words of one another, in any order."""
    return Near(field, [part for word in words for part in word.parts], window, boost=boost)
