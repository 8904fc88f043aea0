"""Facets by actor and by country: the names and codes of each matching article, counted.

An article has several actors and countries, so Whoosh's one-value columns cannot hold them;
they are read once per searcher (per commit) from the postings of the actor_name and country
fields and turned around into docnum -> values, then a query's matches are counted over them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain

from index.actor_table import actor_table

ACTOR_FACET_SIZE = 10  # the top actors of a query's matches


class ActorColumns:
    """docnum -> actor names and docnum -> country codes, for one searcher."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self.actors = _inverted(searcher, "actor_name")
        self.countries = _inverted(searcher, "country")
        self._about: dict[str, frozenset[int]] = {}

    @classmethod
    def of(cls, searcher) -> ActorColumns:
        """The columns kept with a searcher (read on first use)."""
        columns = getattr(searcher, "aibrief_actor_columns", None)
        if columns is None:
            columns = cls(searcher)
            searcher.aibrief_actor_columns = columns
        return columns

    def facets(self, docnums: Iterable[int]) -> dict[str, dict[str, int]]:
        """{"actor": the top actors of these articles, "country": every country}, each most
        articles first (then by name)."""
        docnums = list(docnums)
        return {
            "actor": _counted(self.actors, docnums, ACTOR_FACET_SIZE),
            "country": _counted(self.countries, docnums, None),
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


def _inverted(searcher, field: str) -> list[tuple[str, ...]]:
    """docnum -> the field's values in that document (a list, so that counting over the
    matches runs in C: see _counted)."""
    reader = searcher.reader()
    found: dict[int, list[str]] = {}
    if field not in searcher.schema or reader.doc_count_all() == 0:
        return []
    for text in reader.lexicon(field):
        value = text.decode("utf-8")
        for docnum in reader.postings(field, value).all_ids():
            found.setdefault(docnum, []).append(value)
    column: list[tuple[str, ...]] = [()] * reader.doc_count_all()
    for docnum, values in found.items():
        column[docnum] = tuple(values)
    return column


def _counted(column: list[tuple[str, ...]], docnums: list[int], limit: int | None):
    counts = Counter(chain.from_iterable(map(column.__getitem__, docnums)))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return dict(ordered[:limit] if limit else ordered)
