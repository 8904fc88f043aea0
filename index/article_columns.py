"""What the postings scorer reads of the columns every article has (issue, page, section,
year): how many of a query's matches hold each value, and the order of equal scores."""

from __future__ import annotations

import numpy as np

from index.score_arrays import DOCNUMS


class ColumnFacets:
    """Facet counts over the columns of one searcher, each column's values numbered once."""

    def __init__(self, columns: dict[str, tuple]) -> None:
        self.columns = columns
        self._codes: dict[str, tuple[np.ndarray, list]] = {}

    def counts(self, ids: np.ndarray, names: tuple[str, ...]) -> dict[str, dict[str, int]]:
        """name -> value -> how many of the articles (docnums, ascending) have it."""
        counted = {}
        for name in names:
            codes, values = self._coded(name)
            tally = np.bincount(codes[ids], minlength=len(values))
            found = np.flatnonzero(tally).tolist()
            ordered = sorted(zip(found, tally[found].tolist(), strict=True), key=_by_value(values))
            counted[name] = {str(values[c]): n for c, n in ordered if values[c] != ""}
        return counted  # "": no section

    def _coded(self, name: str) -> tuple[np.ndarray, list]:
        """docnum -> the number of its value in the column, and the values in number order;
        made once per searcher."""
        if name not in self._codes:
            numbers: dict = {}
            codes = [numbers.setdefault(value, len(numbers)) for value in self.columns[name]]
            self._codes[name] = (np.array(codes, DOCNUMS), list(numbers))
        return self._codes[name]


def _by_value(values: list):
    return lambda item: str(values[item[0]])


def tie_order(issues: tuple[str, ...], pages: tuple[int, ...]) -> tuple[int, ...]:
    """docnum -> its place among equal scores: newest issue first, then by page. It depends
    on the articles only, not on how the index happens to be split into segments."""
    by_date = sorted(range(len(issues)), key=lambda d: (issues[d], -pages[d]), reverse=True)
    order = [0] * len(issues)
    for place, docnum in enumerate(by_date):
        order[docnum] = place
    return tuple(order)
