"""Facets by actor and by country: the names and codes of each matching article, counted.

An article has several actors and countries, so Whoosh's one-value columns cannot hold them;
they are read once per searcher (per commit) from the postings of the actor_name and country
fields and turned around into docnum -> values, then a query's matches are counted over them.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from itertools import chain

import numpy as np

from index.actor_table import actor_table
from index.score_arrays import Pool
from index.searcher_state import kept_with

ACTOR_FACET_SIZE = 10  # the top actors of a query's matches
# Below one article in this many of the archive, a facet is counted article by article;
# above, over every (article, value) pair at once.
SPARSE = 8


class ActorColumns:
    """docnum -> actor names and docnum -> country codes, for one searcher."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self.actors = _inverted(searcher, "actor_name")
        self.countries = _inverted(searcher, "country")
        self._about: dict[str, frozenset[int]] = {}
        self._pairs: tuple[ValuePairs, ValuePairs] | None = None

    @classmethod
    def of(cls, searcher) -> ActorColumns:
        """The columns kept with a searcher (read on first use)."""
        return kept_with(searcher, "actor_columns", lambda: cls(searcher))

    def facets(self, docnums: Pool | Iterable[int]) -> dict[str, dict[str, int]]:
        """{"actor": the top actors of these articles (a Pool, or any docnums), "country":
        every country}, each most articles first (then by name)."""
        if not isinstance(docnums, Pool):
            docnums = Pool.of(list(docnums), len(self.actors))
        if self._pairs is None:
            self._pairs = (ValuePairs(self.actors), ValuePairs(self.countries))
        actors, countries = self._pairs
        return {
            "actor": actors.counted(docnums, ACTOR_FACET_SIZE),
            "country": countries.counted(docnums, None),
        }

    def about(self, code: str) -> frozenset[int]:
        """The articles about a country or region: its code (or a member's, for a region) in
        their country field, or an actor of it as their headline's subject (actor_table)."""
        if code not in self._about:
            table = actor_table()
            codes = set(table.region(code))
            reader = self.searcher.reader()
            found: set[int] = set()
            for value in codes:
                if ("country", value) in reader:
                    found.update(reader.postings("country", value).all_ids())
            if "subject" in self.searcher.schema:
                for text in reader.lexicon("subject"):
                    key = text.decode("utf-8")
                    if table.country_of_key.get(key) in codes:
                        found.update(reader.postings("subject", key).all_ids())
            self._about[code] = frozenset(found)
        return self._about[code]


def _inverted(searcher, field: str) -> tuple[tuple[str, ...], ...]:
    """docnum -> the field's values in that document (a sequence, so that counting over the
    matches runs in C: see _counted; a tuple of tuples of strings, which the garbage
    collector stops tracking, where a list it walks through, all of it, at each full
    collection)."""
    reader = searcher.reader()
    found: dict[int, list[str]] = {}
    if field not in searcher.schema or reader.doc_count_all() == 0:
        return ()
    for text in reader.lexicon(field):
        value = text.decode("utf-8")
        for docnum in reader.postings(field, value).all_ids():
            found.setdefault(docnum, []).append(value)
    column: list[tuple[str, ...]] = [()] * reader.doc_count_all()
    for docnum, values in found.items():
        column[docnum] = tuple(values)
    return tuple(column)


class ValuePairs:
    """A column of several values per article as (docnum, value) pairs in arrays, to count
    the values of many articles in one vector pass."""

    def __init__(self, column: tuple[tuple[str, ...], ...]) -> None:
        self.column = column
        self.values = sorted({v for values in column for v in values})
        number = {v: n for n, v in enumerate(self.values)}
        self.docnums = np.array([d for d, vs in enumerate(column) for _ in vs], np.int64)
        self.codes = np.array([number[v] for vs in column for v in vs], np.int64)

    def counted(self, docnums: Pool, limit: int | None) -> dict[str, int]:
        """Value -> how many of the articles hold it, most first (then by name); the first
        `limit` of them (None: all)."""
        if SPARSE * len(docnums) < len(self.column):
            held = map(self.column.__getitem__, docnums.ids.tolist())
            counts = Counter(chain.from_iterable(held))
        else:  # many articles: one pass over every pair
            mask = docnums.mask
            tally = np.bincount(self.codes[mask[self.docnums]], minlength=len(self.values))
            found = np.flatnonzero(tally).tolist()
            counts = dict(zip([self.values[c] for c in found], tally[found].tolist(), strict=True))
        if limit is None:
            return dict(sorted(counts.items(), key=_most_first))
        return dict(heapq.nsmallest(limit, counts.items(), key=_most_first))


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
