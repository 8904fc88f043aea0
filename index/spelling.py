"""The index's terms within one or two edits of a word, without scanning the term list.

A symmetric-deletion neighbourhood: every term is filed under each string it becomes with up to
MAX_EDITS characters deleted. Two words within k edits of each other (Damerau-Levenshtein, as
Whoosh's `terms_within` counts them: a substitution, insertion, deletion or swap of neighbours
is one edit) both reach some string by at most k deletions, so looking a word's own deletions
up finds every term within k edits; Whoosh's distance function then confirms each candidate.
`terms_within` instead computes that distance against every term of the field (0.2-0.5 s a
word on the six real issues, whose 11,872 content terms give about 200,000 entries here).

The neighbourhood is built once per index generation (see SpellingCache), in a thread of its
own, so a search never waits longer for it than its budget allows.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Hashable, Iterable

from whoosh.support.levenshtein import damerau_levenshtein

MAX_EDITS = 2
SPELLING_FIELDS = ("content",)


def deletions(word: str, edits: int) -> set[str]:
    """The word and every string made from it by deleting up to `edits` characters."""
    found = {word}
    frontier = {word}
    for _ in range(edits):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def edits_allowed(term: str) -> int:
    """How far a correction may be: two edits for a longer word, else one."""
    return 2 if len(term) >= (5 if term.isascii() else 3) else 1


class SpellingIndex:
    """The terms of an index with their document frequencies, filed by their deletions."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self._frequency = frequencies
        self._terms = sorted(frequencies)
        self._longest = max(map(len, self._terms), default=0)
        filed: dict[str, list[int]] = {}
        for number, term in enumerate(self._terms):
            for variant in deletions(term, MAX_EDITS):
                filed.setdefault(variant, []).append(number)
        # Kept as tuples: a tuple of numbers is one the garbage collector stops tracking, where
        # some 200,000 lists (at 10,000 articles) made each full collection of a serving
        # process cost about 80 ms, paid by whichever search triggered it.
        self._filed: dict[str, tuple[int, ...]] = {v: tuple(ns) for v, ns in filed.items()}

    @classmethod
    def from_reader(cls, reader, fields: Iterable[str] = SPELLING_FIELDS) -> SpellingIndex:
        """The terms of `fields` in an open Whoosh reader, read one segment at a time (the
        merged reader's term iterator is ten times slower)."""
        frequencies: dict[str, int] = {}
        for leaf, _ in reader.leaf_readers():
            for field in fields:
                if field not in leaf.indexed_field_names():
                    continue
                for text, info in leaf.iter_field(field):
                    term = text.decode("utf-8")
                    frequencies[term] = frequencies.get(term, 0) + info.doc_frequency()
        return cls(frequencies)

    def __len__(self) -> int:
        return len(self._terms)

    def frequency(self, term: str) -> int:
        """In how many documents the term occurs (0: the index does not know it)."""
        return self._frequency.get(term, 0)

    def within(self, word: str, distance: int) -> set[str]:
        """Every term at most `distance` (≤ MAX_EDITS) edits from `word`, the word included."""
        if distance > MAX_EDITS:
            raise ValueError(f"the neighbourhood holds {MAX_EDITS} edits, not {distance}")
        if len(word) > self._longest + distance:  # no term is that long: skip its deletions
            return set()
        numbers = {n for v in deletions(word, distance) for n in self._filed.get(v, ())}
        candidates = (self._terms[n] for n in numbers)
        return {t for t in candidates if damerau_levenshtein(t, word, distance) <= distance}

    def starting_with(self, prefix: str, most: int, shortest: int = 0) -> list[str]:
        """The terms that begin with `prefix` and are longer, and at least `shortest`
        characters long, in sorted order, at most `most`."""
        found = []
        at = bisect.bisect_right(self._terms, prefix)
        while at < len(self._terms) and len(found) < most:
            term = self._terms[at]
            if not term.startswith(prefix):
                break
            if len(term) >= shortest:
                found.append(term)
            at += 1
        return found

    def closest(self, word: str) -> str | None:
        """The most frequent term one edit away, else two for a longer word, or None; among
        terms as frequent, the first in sorted order."""
        for distance in range(1, edits_allowed(word) + 1):
            candidates = self.within(word, distance) - {word}
            if candidates:
                return max(sorted(candidates), key=self.frequency)
        return None


class SpellingCache:
    """The spelling index of the latest generation asked for, built in a background thread.

    `get` waits at most its timeout; until a build completes it answers with the index of an
    earlier generation, if any. The thread reads the generation asked for:
    `open_reader(generation)` gives its reader, or None while it is not whole (being written,
    or gone), and the next caller tries again. A thread that read the generation current when
    it ran, started by a search just before the index went stale, ran while another process
    rebuilt it and failed with "must be rebuilt", which the first search of the new index was
    told. A failed build is raised to the next caller asking for the same generation, which
    retries; a caller asking for another builds that one."""

    def __init__(self, open_reader: Callable[[Hashable], object | None]) -> None:
        self._open_reader = open_reader
        self._lock = threading.Lock()
        self._built: tuple[Hashable, SpellingIndex] | None = None
        self._building: tuple[Hashable, threading.Thread] | None = None
        self._failure: tuple[Hashable, BaseException] | None = None

    def get(self, generation: Hashable, timeout: float) -> SpellingIndex | None:
        """The index for `generation`, else the last one built, else None (not ready in time)."""
        with self._lock:
            if self._failure is not None:
                (failed, failure), self._failure = self._failure, None
                if failed == generation:
                    raise failure
            if self._built is not None and self._built[0] == generation:
                return self._built[1]
            if self._building is None or self._building[0] != generation:
                thread = threading.Thread(
                    target=self._build, args=(generation,), name="spelling-index", daemon=True
                )
                self._building = (generation, thread)
                thread.start()
            thread = self._building[1]
        thread.join(None if timeout == float("inf") else max(timeout, 0.0))
        with self._lock:
            return self._built[1] if self._built is not None else None

    def _build(self, generation: Hashable) -> None:
        try:
            reader = self._open_reader(generation)
            if reader is None:  # not whole: the next caller tries again
                with self._lock:
                    if self._building is not None and self._building[0] == generation:
                        self._building = None
                return
            try:
                built = SpellingIndex.from_reader(reader)
            finally:
                reader.close()
        except Exception as error:  # handed to the next search, not lost in this thread
            with self._lock:
                self._failure = (generation, error)
                self._building = None
            return
        with self._lock:
            self._built = (generation, built)
            if self._building is not None and self._building[0] == generation:
                self._building = None
