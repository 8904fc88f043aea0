"""Nouns the analyser keeps whole that a query word heads: 국방 -> 국방부, 교육 -> 교육청.

Kiwi reads the name of a ministry or an agency as one noun (국방부, 교육부, 법무부), so the
index holds no 국방 for it and "국방" does not find the Ministry of Defence. A query word that
Kiwi reads as one common noun also finds the terms of the index that are that word and one
Hangul syllable more, when Kiwi reads each of them as one common noun too: never a proper
noun's, so names are not split (the derived-word rule in analysis.py checks the same tags).
The terms are read off the index's lexicon, once per word and searcher."""

from __future__ import annotations

from collections.abc import Callable

from common.lru_cache import LRUCache
from index.query_analysis import analysis_of
from index.searcher_state import kept_with

# How many syllables a longer noun may add to the word typed.
TAIL = 1
# Words whose longer nouns are kept per searcher.
CACHED_WORDS = 4096


def _hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def longer_nouns(searcher) -> Callable[[str], tuple[str, ...]]:
    """A lookup of the longer nouns each word heads in this searcher's index (cached with the
    searcher, whose lexicon does not change)."""
    found = kept_with(searcher, "longer_nouns", lambda: LRUCache(CACHED_WORDS))
    reader = searcher.reader()
    if "content" not in searcher.schema:
        return lambda word: ()
    return lambda word: found.get_or_compute(word, lambda: _longer(reader, word))


def heads_of(term: str) -> tuple[str, ...]:
    """The words whose longer nouns `term` may be (it less one to TAIL syllables, each
    Hangul), whose search reads its analysis (what a build reads too: build_readings)."""
    if not all(_hangul(c) for c in term):
        return ()
    return tuple(term[:-k] for k in range(1, TAIL + 1) if len(term) - k >= 2)


def _longer(reader, word: str) -> tuple[str, ...]:
    if len(word) < 2 or not all(_hangul(c) for c in word) or not analysis_of(word).noun:
        return ()
    nouns = []
    for raw in reader.expand_prefix("content", word):
        term = raw.decode("utf-8")
        tail = term[len(word) :]
        if 0 < len(tail) <= TAIL and all(_hangul(c) for c in tail) and analysis_of(term).noun:
            nouns.append(term)
    return tuple(nouns)
