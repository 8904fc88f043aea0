"""What the postings scorer reads of the columns every article has (issue, page, section,
year): how many of a query's matches hold each value, and the order of equal scores."""

from __future__ import annotations

import numpy as np

from index.score_arrays import DOCNUMS


class ColumnFacets:
    """Facet counts over the columns of one searcher, each column's values numbered once."""

    def __init__(self, columns: dict[str, tuple]) -> None:
        self.columns = columns
        self._codes: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}

    def counts(self, ids: np.ndarray, names: tuple[str, ...]) -> dict[str, dict[str, int]]:
        """name -> value -> how many of the articles (docnums, ascending) have it, in the
        order of the values as text."""
        counted = {}
        for name in names:
            codes, places, labels = self._coded(name)
            tally = np.bincount(places[codes[ids]], minlength=len(labels))
            found = np.flatnonzero(tally)
            pairs = zip(found.tolist(), tally[found].tolist(), strict=True)
            counted[name] = {labels[place]: n for place, n in pairs if labels[place] != ""}
        return counted  # "": no section

    def _coded(self, name: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """docnum -> the number of its value in the column; each number's place among the
        values ordered as text (ties by number, as a stable sort of the numbers by text left
        them); the values as text in that order. Made once per searcher, so that a count
        orders what it found by the places' order, not by sorting their texts anew (at 10,000
        articles, 324 issues for each broad query)."""
        if name not in self._codes:
            numbers: dict = {}
            codes = [numbers.setdefault(value, len(numbers)) for value in self.columns[name]]
            texts = [str(value) for value in numbers]
            order = sorted(range(len(texts)), key=texts.__getitem__)
            places = np.empty(len(texts), DOCNUMS)
            places[order] = np.arange(len(texts), dtype=DOCNUMS)
            self._codes[name] = (np.array(codes, DOCNUMS), places, [texts[c] for c in order])
        return self._codes[name]


def tie_order(issues: tuple[str, ...], pages: tuple[int, ...]) -> tuple[int, ...]:
    """docnum -> its place among equal scores: newest issue first, then by page. It depends
    on the articles only, not on how the index happens to be split into segments."""
    by_date = sorted(range(len(issues)), key=lambda d: (issues[d], -pages[d]), reverse=True)
    order = [0] * len(issues)
    for place, docnum in enumerate(by_date):
        order[docnum] = place
    return tuple(order)
