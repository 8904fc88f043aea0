"""Phrases and near queries matched over their words' positions, as Whoosh matches and scores
phrases.

Whoosh matches a phrase (slop 1) by walking the postings of its words together and comparing
their positions article by article, in Python: 30 to 60 ms for a phrase of a common word
("설명 가능 ai") at 10,000 articles, on every search. Here the articles that hold every word
are found first from the words' cached postings (their docnums), and positions are read only
for those: each word's as one sorted array of keys (docnum << 32 | position). The articles
holding the words at consecutive positions are those whose keys, the i-th word's shifted back
by i, all words share, found by binary search from the rarest word. The score is Whoosh's: the
sum of the words' BM25F scores, added as its tree of intersections adds them (a + (b + c) for
three), times the phrase's boost.

Each word's positions across the whole index were read once and kept (up to 8 million per
searcher), and every search with a concept typed in several words searched all of them again:
at 100,000 articles AI alone holds 1.7 million. (They were not read again: over the graded
queries at 100,000 articles the first pass read 5.1 million positions and the warm passes
none.) What is kept now is each phrase's answer, the articles it matches, which is all a
later search asks of it, and, for a near query, each word's count of positions, which says
which of its words is the rarest. Reading positions article by article costs more at first
(7.3 million read in that first pass, for several phrases share a common word).
"""

from __future__ import annotations

import threading

import numpy as np
from whoosh import query as wq

from common.lru_cache import LRUCache
from index.near_query import Near
from index.score_arrays import DOCNUMS, NOTHING, Found

SHIFT = 32  # a position takes the low 32 bits of a key
# Articles kept per searcher over the phrases' answers (8 bytes each), the least recently
# used phrase dropped first.
CACHED_MATCHES = 4_000_000


class PhrasePositions:
    """The articles each phrase of one searcher matches, found once each."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self._matched: LRUCache[tuple, np.ndarray] = LRUCache(CACHED_MATCHES, len)
        self._counts: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def keys(self, field: str, text: str, among: np.ndarray) -> np.ndarray:
        """The word's (docnum << SHIFT | position) in ascending order, in the articles of
        `among` (ascending docnums) only."""
        reader = self.searcher.reader()
        if not len(among) or (field, text) not in reader:
            return np.empty(0, DOCNUMS)
        matcher = reader.postings(field, text)
        keys: list[int] = []
        for docnum in among.tolist():
            if not matcher.is_active():
                break
            matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                keys.extend(docnum << SHIFT | p for p in matcher.value_as("positions"))
        return np.array(keys, DOCNUMS)

    def count(self, field: str, text: str) -> int:
        """How many positions the word holds across the index (its live articles)."""
        key = (field, text)
        found = self._counts.get(key)
        if found is None:
            reader = self.searcher.reader()
            found = 0
            if key in reader:
                matcher = reader.postings(field, text)
                while matcher.is_active():
                    found += matcher.value_as("frequency")
                    matcher.next()
            with self._lock:
                self._counts[key] = found
        return found

    def matched(self, key: tuple, find) -> np.ndarray:
        """The articles a phrase matches (ascending), `find()` the first time it is asked."""
        return self._matched.get_or_compute(key, find)

    def docnums(self, field: str, words: list[str], among: np.ndarray) -> np.ndarray:
        """The articles of `among` holding the words at consecutive positions, ascending."""
        shifted = [self.keys(field, word, among) - i for i, word in enumerate(words)]
        shifted.sort(key=len)
        found = shifted[0]
        for keys in shifted[1:]:
            if not len(found):
                break
            at = np.searchsorted(keys, found)
            at[at == len(keys)] = 0
            found = found[keys[at] == found] if len(keys) else found[:0]
        return np.unique(found >> SHIFT)

    def near(self, field: str, words: list[str], window: int, among: np.ndarray) -> np.ndarray:
        """The articles of `among` holding every word within `window` positions of one
        occurrence of the rarest (the word of fewest positions in the index, the first typed
        of those as rare), ascending."""
        if len(set(words)) == 1:  # a word is near itself: every article holding it
            return among
        distinct = sorted(dict.fromkeys(words), key=lambda word: self.count(field, word))
        keys = [self.keys(field, word, among) for word in distinct]
        found = keys[0]
        for other in keys[1:]:
            if not len(found):
                break
            at = np.searchsorted(other, found - window)
            close = at < len(other)
            at[~close] = 0
            found = found[close & (other[at] <= found + window)]
        return np.unique(found >> SHIFT)


def near_found(phrases: PhrasePositions, terms: list[Found], q: Near) -> Found:
    """The articles holding every word of `q` within its window of one occurrence of its
    rarest word, scored as a phrase of the same words."""
    if not all(len(t) for t in terms):
        return NOTHING
    words = list(q.words)
    ids = phrases.matched(
        ("near", q.fieldname, tuple(words), q.window),
        lambda: phrases.near(q.fieldname, words, q.window, _in_all(terms)),
    )
    return _scored(ids, terms, q.boost)


def by_positions(schema, q: wq.Phrase) -> bool:
    """Whether phrase_found matches the phrase as Whoosh would: words next to each other
    (slop 1) in a field that keeps positions."""
    if q.fieldname not in schema:
        return False
    field = schema[q.fieldname]
    positions = bool(field.format) and field.format.supports("positions")
    return q.slop == 1 and len(q.words) > 1 and field.scorable and positions


def phrase_found(phrases: PhrasePositions, terms: list[Found], q: wq.Phrase) -> Found:
    """The phrase's matches and Whoosh's scores of them, given its words' term matches."""
    if not all(len(t) for t in terms):
        return NOTHING
    words = list(q.words)
    ids = phrases.matched(
        ("phrase", q.fieldname, tuple(words)),
        lambda: phrases.docnums(q.fieldname, words, _in_all(terms)),
    )
    return _scored(ids, terms, q.boost)


def _in_all(terms: list[Found]) -> np.ndarray:
    """The docnums every term matches (the only articles a phrase of them can match)."""
    ids = min((t.ids for t in terms), key=len)
    for t in terms:
        if t.ids is not ids:
            ids = ids[np.isin(ids, t.ids, assume_unique=True)]
    return ids


def _scored(ids: np.ndarray, terms: list[Found], boost: float) -> Found:
    """The articles of `ids` (each in every term's matches), scored as Whoosh scores a phrase
    of the words: the sum of their scores, times the boost."""
    scores = _tree_sum([t.scores[np.searchsorted(t.ids, ids)] for t in terms])
    return Found(ids, scores * boost if boost != 1.0 else scores)


def _tree_sum(parts: list[np.ndarray]) -> np.ndarray:
    """The parts added as whoosh.util.make_binary_tree pairs them: halves, recursively."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    return _tree_sum(parts[:half]) + _tree_sum(parts[half:])
