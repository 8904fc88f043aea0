"""Matches as arrays: the set and score operations the postings scorer combines queries with.

A query's matches are `Found`: the matching docnums in ascending order and their scores, two
numpy arrays. Combining them is elementwise IEEE arithmetic in the same order as the dict
operations they replace (an Or adds its parts' scores largest part first, an And its parts'
in the order given), so every score is the same float: a change of representation, not of
result. A merge of a broad query's parts, which took Python a loop step per match and part,
is one vector operation per part.

Measured and not kept on the postings scorer's side (the graded queries at 10,000 articles, old
and new alternately in one process, each query's fastest of three warm runs summed, CPU-ms): a
DisjunctionMax's terms gathered, boosted and kept to the pool all at once and merged with its
other parts by one sort (the best of some floats is one of them in any order), 1,107.2 ->
1,142.1 (load 4.7): once the parts no article holds are dropped (live_parts), a
DisjunctionMax has one to three parts most often (4.2 evaluated a search), and the sort costs
more than the merges it saves. An And of terms ordered and intersected by a loop of its own,
without asking the request's sizes, 918.6 -> 913.0 (load 5.2): within what the runs move.
"""

from __future__ import annotations

import heapq

import numpy as np

DOCNUMS = np.int64
# Pool.restrict picks the matches of this many or more by their places rather than by two
# boolean indexes: over 5,000 matches in a pool of 5,000, 10.7 against 25.8 µs; over 500, 2.4
# against 2.1 (10,000 articles).
TAKE_FROM = 1024


class Found:
    """Docnums in ascending order, and the score of each; never changed once made (NOTHING and
    each term's matches are shared). A plain class, not a frozen dataclass: a search makes
    hundreds (every part evaluated, kept to a pool, boosted), and a frozen dataclass took
    0.76 µs to make against 0.27."""

    __slots__ = ("ids", "scores")

    def __init__(self, ids: np.ndarray, scores: np.ndarray) -> None:
        self.ids = ids
        self.scores = scores

    def __repr__(self) -> str:
        return f"Found(ids={self.ids!r}, scores={self.scores!r})"

    def __len__(self) -> int:
        return len(self.ids)

    def as_dict(self) -> dict[int, float]:
        """docnum -> score, in docnum order."""
        return dict(zip(self.ids.tolist(), self.scores.tolist(), strict=True))

    def boosted(self, boost: float) -> Found:
        """Every score times `boost`."""
        return Found(self.ids, self.scores * boost) if boost != 1.0 else self


NOTHING = Found(np.empty(0, DOCNUMS), np.empty(0, np.float64))


def found_of(scores: dict[int, float]) -> Found:
    """A dict of docnum -> score as Found."""
    if not scores:
        return NOTHING
    ids = np.fromiter(scores, DOCNUMS, len(scores))
    values = np.fromiter(scores.values(), np.float64, len(scores))
    order = np.argsort(ids, kind="stable")
    return Found(ids[order], values[order])


class Pool:
    """The docnums a query is evaluated among (`within`), as a sorted array and, once asked
    for, a mask over every docnum."""

    def __init__(self, ids: np.ndarray, size: int) -> None:
        self.ids = ids
        self.size = size
        self._mask: np.ndarray | None = None

    @classmethod
    def of(cls, docnums, size: int) -> Pool:
        """The pool of a collection of docnums (a set, a dict's keys)."""
        ids = np.fromiter(docnums, DOCNUMS, len(docnums))
        ids.sort()
        return cls(ids, size)

    @property
    def mask(self) -> np.ndarray:
        if self._mask is None:
            self._mask = np.zeros(self.size, bool)
            self._mask[self.ids] = True
        return self._mask

    def __len__(self) -> int:
        return len(self.ids)

    def exclude(self, found: Found) -> Found:
        """The matches of `found` outside the pool."""
        if not len(found) or not len(self):
            return found
        keep = ~self.mask[found.ids]
        return Found(found.ids[keep], found.scores[keep])

    def restrict(self, found: Found) -> Found:
        """The matches of `found` in the pool."""
        if not len(found) or not len(self):
            return NOTHING
        if 16 * len(self) < len(found):  # a few docnums looked up among many
            at = found.ids.searchsorted(self.ids)
            # a docnum past the last match is looked up at the last, which it is not
            hit = found.ids.take(at, mode="clip") == self.ids
            return Found(self.ids[hit], found.scores.take(at[hit]))
        keep = self.mask[found.ids]
        if len(found) < TAKE_FROM:
            return Found(found.ids[keep], found.scores[keep])
        at = np.flatnonzero(keep)  # once, where each boolean index would count it again
        return Found(found.ids.take(at), found.scores.take(at))


def largest(scores: dict[int, float] | Found, count: int) -> list[int]:
    """The `count` docnums of highest score, highest first, equal scores in the dict's order
    (a Found's: docnum order): heapq.nlargest's answer, but a vector pass over a broad query's
    matches."""
    if len(scores) <= count:
        scores = scores.as_dict() if isinstance(scores, Found) else scores
        return heapq.nlargest(count, scores, key=scores.__getitem__)
    ids, values = reaching(scores, count)
    return ids[np.argsort(-values, kind="stable")[:count]].tolist()


def reaching(scores: dict[int, float] | Found, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The docnums and scores, in the dict's order (a Found's: docnum order), of the matches
    that score at least the `count`-th highest score (more than `count` where scores tie at the
    cut; `count` must be fewer than the matches): the only ones a top `count` can hold, found
    among bare floats."""
    if isinstance(scores, Found):
        ids, values = scores.ids, scores.scores
    else:
        ids = np.fromiter(scores, DOCNUMS, len(scores))
        values = np.fromiter(scores.values(), np.float64, len(scores))
    cut = np.partition(values, len(values) - count)[len(values) - count]
    reach = np.flatnonzero(values >= cut)
    return ids[reach], values[reach]


def combined(parts: list[Found], size: int, best: bool) -> Found:
    """The union of the parts, in the order given: each docnum's scores added in that order
    (best=False, as an Or scores), or the best of them kept (best=True, a DisjunctionMax)."""
    parts = [p for p in parts if len(p)]
    if not parts:
        return NOTHING
    if len(parts) == 1:
        return parts[0]
    total = np.zeros(size, np.float64)
    present = np.zeros(size, bool)
    first = parts[0]
    total[first.ids] = first.scores
    present[first.ids] = True
    for part in parts[1:]:
        if best:
            total[part.ids] = np.maximum(total[part.ids], part.scores)
        else:
            total[part.ids] += part.scores  # 0.0 + s is s: a first score is itself
        present[part.ids] = True
    ids = np.flatnonzero(present).astype(DOCNUMS, copy=False)
    return Found(ids, total[ids])


def added(base: Found, part: Found) -> Found:
    """`base` with the scores of `part` (whose docnums are all in `base`) added to its own."""
    if not len(part):
        return base
    scores = base.scores.copy()
    scores[np.searchsorted(base.ids, part.ids)] += part.scores
    return Found(base.ids, scores)


def within_of(part: Found, base: Found) -> Found:
    """The matches of `part` among `base`'s docnums, with base's score plus part's (part is
    evaluated within base: each of its docnums is one of base's)."""
    at = np.searchsorted(base.ids, part.ids)
    return Found(part.ids, base.scores[at] + part.scores)


def without(found: Found, excluded: Found) -> Found:
    """The matches of `found` that `excluded` lacks."""
    if not len(excluded):
        return found
    keep = ~np.isin(found.ids, excluded.ids, assume_unique=True)
    return Found(found.ids[keep], found.scores[keep])
