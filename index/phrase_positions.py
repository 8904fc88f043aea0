"""Phrases matched over cached positions, as Whoosh matches and scores them.

Whoosh matches a phrase (slop 1) by walking the postings of its words together and comparing
their positions article by article, in Python: 30 to 60 ms for a phrase of a common word
("설명 가능 ai") at 10,000 articles, on every search. Here each word's positions are read once
per searcher into one sorted array of keys (docnum << 32 | position); the articles holding the
words at consecutive positions are those whose keys, the i-th word's shifted back by i, all
words share, found by binary search from the rarest word. The score is Whoosh's: the sum of
the words' BM25F scores, added as its tree of intersections adds them (a + (b + c) for three),
times the phrase's boost.
"""

from __future__ import annotations

import numpy as np
from whoosh import query as wq

from common.lru_cache import LRUCache
from index.near_query import Near
from index.score_arrays import DOCNUMS, NOTHING, Found

SHIFT = 32  # a position takes the low 32 bits of a key
# Positions kept per searcher (8 bytes each), the least recently used words dropped first.
CACHED_POSITIONS = 8_000_000


class PhrasePositions:
    """The positions of the words of one searcher's phrases, read once each."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self._keys: LRUCache[tuple[str, str], np.ndarray] = LRUCache(CACHED_POSITIONS, len)

    def keys(self, field: str, text: str) -> np.ndarray:
        """The word's (docnum << SHIFT | position) in ascending order."""
        return self._keys.get_or_compute((field, text), lambda: self._read(field, text))

    def _read(self, field: str, text: str) -> np.ndarray:
        reader = self.searcher.reader()
        if (field, text) not in reader:
            return np.empty(0, DOCNUMS)
        keys = [
            docnum << SHIFT | position
            for docnum, positions in reader.postings(field, text).items_as("positions")
            for position in positions
        ]
        return np.array(keys, DOCNUMS)

    def docnums(self, field: str, words: list[str]) -> np.ndarray:
        """The articles holding the words at consecutive positions, ascending."""
        shifted = [self.keys(field, word) - i for i, word in enumerate(words)]
        shifted.sort(key=len)
        found = shifted[0]
        for keys in shifted[1:]:
            if not len(found):
                break
            at = np.searchsorted(keys, found)
            at[at == len(keys)] = 0
            found = found[keys[at] == found] if len(keys) else found[:0]
        return np.unique(found >> SHIFT)


def near_found(phrases: PhrasePositions, terms: list[Found], q: Near) -> Found:
    """The articles holding every word of `q` within its window of one occurrence of its
    rarest word, scored as a phrase of the same words."""
    if not all(len(t) for t in terms):
        return NOTHING
    keys = sorted((phrases.keys(q.fieldname, word) for word in dict.fromkeys(q.words)), key=len)
    found = keys[0]
    for other in keys[1:]:
        if not len(found):
            break
        at = np.searchsorted(other, found - q.window)
        near = at < len(other)
        at[~near] = 0
        found = found[near & (other[at] <= found + q.window)]
    ids = np.unique(found >> SHIFT)
    for t in terms[1:]:
        ids = ids[np.isin(ids, t.ids, assume_unique=True)]
    return _scored(ids, terms, q.boost)


def phrase_found(phrases: PhrasePositions, terms: list[Found], q: wq.Phrase) -> Found:
    """The phrase's matches and Whoosh's scores of them, given its words' term matches."""
    if not all(len(t) for t in terms):
        return NOTHING
    return _scored(phrases.docnums(q.fieldname, list(q.words)), terms, q.boost)


def _scored(ids: np.ndarray, terms: list[Found], boost: float) -> Found:
    """The articles of `ids` that are live (in the first word's matches), scored as Whoosh
    scores a phrase of the words: the sum of their scores, times the boost."""
    ids = ids[np.isin(ids, terms[0].ids, assume_unique=True)]
    scores = _tree_sum([t.scores[np.searchsorted(t.ids, ids)] for t in terms])
    return Found(ids, scores * boost if boost != 1.0 else scores)


def _tree_sum(parts: list[np.ndarray]) -> np.ndarray:
    """The parts added as whoosh.util.make_binary_tree pairs them: halves, recursively."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return _tree_sum(parts[:half]) + _tree_sum(parts[half:])
