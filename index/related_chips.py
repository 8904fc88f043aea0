"""The related terms a search shows: those a researcher can click.

A related term is an indexed term (related_terms), but a click searches it as a query, read
as a query's words are: an adverb the index keeps ("결국", "현재") is no searchable word there,
and a piece of a longer name the analyser cut off in an article ("데어" of a name written
joined) is read otherwise when typed alone and finds nothing. Each term is therefore built as a
query of its own, and shown only if it finds an article; the terms feedback takes
(feedback.py) are not filtered, as no one clicks them. Only a term whose reading as a query is
had without Kiwi (remembered, or in the store of query analyses, which holds the terms of
headlines and of several articles) is checked: asking Kiwi for the others would load it in a
search that needs it for nothing else, and a term of few articles is shown unchecked. What a
searcher found of a term is kept with it (CHECKED).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from common.lru_cache import LRUCache
from index.errors import QueryError
from index.query_analysis import known
from index.query_syntax import parse_query
from index.related_terms import RELATED_COUNT, RELATED_DOCS, related_terms
from index.searcher_state import kept_with

__all__ = ["RELATED_DOCS", "related_chips"]

# candidates asked of related_terms, so that ten are left when some cannot be searched
CANDIDATES = 2 * RELATED_COUNT
# Terms checked, kept per searcher (one commit of the index): a term's check does not depend
# on the query, and the chips of one query are mostly those of others. Checked anew at every
# search, the chips took warm p95 at 10,000 articles from 7.6 to 9.3 CPU-ms
# (bench.api_latency --clock cpu, in turn with the search before them, load 3 to 4).
CHECKED = 20_000


def related_chips(searcher, builder, docnums: Iterable[int], own: set[str]) -> tuple[str, ...]:
    """Up to RELATED_COUNT related terms of these best matches, each found by a search for it
    alone (with `builder`, the search's own: its concepts and switches) where its reading as
    a query is had without Kiwi; the others are shown unchecked (see the module docstring)."""
    from index.ranking import finds_any  # imported by the first search (see search_answers)

    def finds(term: str) -> bool:
        try:
            compiled = builder.build(parse_query(term), term)
        except QueryError:
            return False
        return finds_any(searcher, compiled.all_words, None)

    checked = kept_with(searcher, "related_chips", lambda: LRUCache(CHECKED))

    def searchable(term: str) -> bool:
        return checked.get_or_compute(term, lambda: not known(term) or finds(term))

    shown = (t for t in related_terms(searcher, docnums, own, CANDIDATES) if searchable(t))
    return tuple(islice(shown, RELATED_COUNT))
