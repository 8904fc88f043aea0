"""Facets by actor and by country: the names and codes of each matching article, counted.

An article has several actors and countries, so Whoosh's one-value columns cannot hold them;
they are read once per searcher (per commit) from the postings of the actor_name and country
fields into arrays of value numbers by docnum (ValuePairs), over which a query's matches are
counted with vector operations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from index.actor_table import actor_table
from index.score_arrays import DOCNUMS, Pool
from index.searcher_state import kept_with

ACTOR_FACET_SIZE = 10  # the top actors of a query's matches


class ActorColumns:
    """docnum -> actor names and docnum -> country codes, for one searcher."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self._about: dict[str, frozenset[int]] = {}
        self._pairs: tuple[ValuePairs, ValuePairs] | None = None

    @classmethod
    def of(cls, searcher) -> ActorColumns:
        """The columns kept with a searcher (read on first use)."""
        return kept_with(searcher, "actor_columns", lambda: cls(searcher))

    def facets(self, docnums: Pool | Iterable[int]) -> dict[str, dict[str, int]]:
        """{"actor": the top actors of these articles (a Pool, or any docnums), "country":
        every country}, each most articles first (then by name)."""
        if self._pairs is None:
            fields = ("actor_name", "country")
            self._pairs = tuple(ValuePairs.of_postings(self.searcher, f) for f in fields)
        actors, countries = self._pairs
        if not isinstance(docnums, Pool):
            docnums = Pool.of(list(docnums), actors.size)
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


class ValuePairs:
    """A column of several values per article as numbers: the values sorted as text, and
    each article's numbers, docnum by docnum, in one array (article d's are
    `codes[starts[d]:starts[d + 1]]`), so that the values of many articles are counted, and
    the counts ordered, by vector operations. The number of a value is its place among the
    values sorted, so that ordering equal counts by number orders them by name.

    Counted through Python objects (a tuple of names per article, a Counter of a few
    articles' names, a dict of counts sorted by count and name), both facets of a graded
    query's matches at 10,000 articles took 0.128 and 0.142 CPU-ms; as numbers, 0.064 and
    0.066 (old and new alternately in one process over the same matches, load 10). Most of
    the articles are counted as every article less the others (`totals`). Measured and not
    kept (timeit over random matches at 10,000 articles, load 10 to 13): the values picked
    by a mask of the matches over every (article, value) pair, faster below a tenth of the
    archive (0.02 against 0.05 ms a search) but 0.40 against 0.16 at nine tenths; a padded
    table of each article's values, 0.76 ms at nine tenths; 32-bit arrays, no faster."""

    def __init__(self, values: Sequence[str], starts: np.ndarray, codes: np.ndarray) -> None:
        self.values = list(values)
        self.starts = starts
        self.codes = codes
        self.size = len(starts) - 1  # articles
        self.totals = np.bincount(codes, minlength=len(self.values))

    @classmethod
    def of_column(cls, column: Sequence[Sequence[str]]) -> ValuePairs:
        """The pairs of docnum -> values."""
        values = sorted({v for held in column for v in held})
        number = {v: n for n, v in enumerate(values)}
        codes = np.array([number[v] for held in column for v in held], DOCNUMS)
        starts = np.zeros(len(column) + 1, DOCNUMS)
        np.cumsum([len(held) for held in column], out=starts[1:])
        return cls(values, starts, codes)

    @classmethod
    def of_postings(cls, searcher, field: str) -> ValuePairs:
        """The pairs of a field's terms in each document of the searcher, from its postings."""
        reader = searcher.reader()
        size = reader.doc_count_all()
        if field not in searcher.schema or size == 0:
            return cls([], np.zeros(size + 1, DOCNUMS), np.empty(0, DOCNUMS))
        values = sorted(text.decode("utf-8") for text in reader.lexicon(field))
        held = [np.fromiter(reader.postings(field, v).all_ids(), DOCNUMS) for v in values]
        docnums = np.concatenate(held) if held else np.empty(0, DOCNUMS)
        numbers = np.repeat(np.arange(len(values), dtype=DOCNUMS), [len(h) for h in held])
        order = np.argsort(docnums, kind="stable")
        starts = np.zeros(size + 1, DOCNUMS)
        np.cumsum(np.bincount(docnums, minlength=size), out=starts[1:])
        return cls(values, starts, numbers[order])

    def counted(self, docnums: Pool, limit: int | None) -> dict[str, int]:
        """Value -> how many of the articles hold it, most first (then by name); the first
        `limit` of them (None: all)."""
        if not self.values or not len(docnums):
            return {}
        tally = self._tally(docnums)
        found = np.flatnonzero(tally)
        order = found[np.argsort(-tally[found], kind="stable")]  # ties: by number, so by name
        if limit is not None:
            order = order[:limit]
        values = self.values
        return {values[c]: n for c, n in zip(order.tolist(), tally[order].tolist(), strict=True)}

    def _tally(self, docnums: Pool) -> np.ndarray:
        """How many of the articles hold each value, by number."""
        if 2 * len(docnums) <= self.size:
            return self._gathered(docnums.ids)
        # most articles: every value's count less those of the articles left out
        return self.totals - self._gathered(np.flatnonzero(~docnums.mask))

    def _gathered(self, ids: np.ndarray) -> np.ndarray:
        """The values of these articles (ascending docnums), counted by number."""
        first = self.starts[ids]
        counts = self.starts[ids + 1] - first
        # each article's run of places: its first place, then one more for each value
        skip = np.repeat(first - (np.cumsum(counts) - counts), counts)
        held = self.codes[skip + np.arange(len(skip), dtype=DOCNUMS)]
        return np.bincount(held, minlength=len(self.values))
