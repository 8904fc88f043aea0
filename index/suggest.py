""" "Did you mean": replace a word the index does not know by the closest one it does."""

from __future__ import annotations

from collections.abc import Callable

from index.query_words import query_word

SPELLING_FIELDS = ("content",)


def _frequency(searcher, term: str) -> int:
    return sum(searcher.doc_frequency(field, term) for field in SPELLING_FIELDS)


def closest_term(searcher, term: str) -> str | None:
    """The most frequent indexed term one edit away, else two (for longer words), or None."""
    reader = searcher.reader()
    longest = 2 if len(term) >= (5 if term.isascii() else 3) else 1
    for distance in range(1, longest + 1):
        candidates = set()
        for field in SPELLING_FIELDS:
            candidates.update(reader.terms_within(field, term, distance))
        candidates.discard(term)
        if candidates:
            return max(sorted(candidates), key=lambda c: _frequency(searcher, c))
    return None


def corrected_word(searcher, word: str) -> str | None:
    """The word with each unknown part replaced by its closest known term, or None."""
    corrected = word
    for part in query_word(word).parts:
        if _frequency(searcher, part) > 0:
            continue
        replacement = closest_term(searcher, part)
        if replacement is None:
            return None
        lowered = corrected.lower()
        at = lowered.find(part)
        if at == -1:
            return None
        corrected = corrected[:at] + replacement + corrected[at + len(part) :]
    return corrected if corrected != word else None


def suggest(
    searcher, query: str, words: tuple[str, ...], count: Callable[[object, str], int]
) -> str | None:
    """A corrected query that itself finds results, or None."""
    suggestion = query
    for word in words:
        corrected = corrected_word(searcher, word)
        if corrected:
            suggestion = suggestion.replace(word, corrected, 1)
    if suggestion == query or count(searcher, suggestion) == 0:
        return None
    return suggestion
