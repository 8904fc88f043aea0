"""The spelling index against the scan it replaced, the caps on "did you mean" and the budget."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from whoosh.reading import IndexReader
from whoosh.support.levenshtein import damerau_levenshtein

from index.query_syntax import parse_query
from index.request_limits import (
    MAX_PHRASE_WORDS,
    MAX_QUERY_WORDS,
    MAX_SUGGESTED_WORDS,
    capped,
)
from index.spelling import SpellingCache, SpellingIndex, deletions, edits_allowed


def scanned(reader, field: str, word: str, distance: int) -> set[str]:
    """What Whoosh's terms_within answered for an archive of several segments (one per
    ingested issue): every term of the field within `distance` by Whoosh's Damerau-Levenshtein
    distance. (A reader of one segment answers through a Levenshtein automaton instead, which
    counts a swap of neighbours as two edits.)

    terms_within computes that distance, in Python, for every term; here a term is passed over
    first where it cannot be within `distance`: an edit adds or removes at most one letter of
    either word, so a term holding more than `distance` letters the word lacks, or lacking
    more than `distance` of the word's, is further away. The same set (checked against
    terms_within itself below) in a fraction of the time."""
    fieldobj = reader.schema[field]
    letters = Counter(word)
    found = set()
    for btext in reader.expand_prefix(field, ""):
        term = fieldobj.from_bytes(btext)
        if abs(len(term) - len(word)) > distance:
            continue
        theirs = Counter(term)
        if (theirs - letters).total() > distance or (letters - theirs).total() > distance:
            continue
        if damerau_levenshtein(term, word, limit=distance) <= distance:
            found.add(term)
    return found


def scanned_closest(reader, term: str, fields=("content",)) -> str | None:
    """The suggestion as it was made before the spelling index, by a scan of the term list
    (the oracle)."""

    def frequency(candidate: str) -> int:
        return sum(reader.doc_frequency(field, candidate) for field in fields)

    for distance in range(1, edits_allowed(term) + 1):
        candidates = set()
        for field in fields:
            candidates.update(scanned(reader, field, term, distance))
        candidates.discard(term)
        if candidates:
            return max(sorted(candidates), key=frequency)
    return None


def misspellings(terms: list[str], every: int) -> list[str]:
    """Words one or two edits from a sample of the terms: a deletion, a swap, a substitution,
    an insertion, and two of them at once."""
    words = []
    for term in terms[::every]:
        words.append(term[1:])
        if len(term) > 1:
            words.append(term[1] + term[0] + term[2:])
        words.append(term[:-1] + ("x" if term.isascii() else "갉"))
        words.append(term + ("q" if term.isascii() else "흫"))
        words.append("z" + term[:-1] + "z")
    return [w for w in dict.fromkeys(words) if w]


def test_deletions_are_every_string_a_few_deletions_away():
    assert deletions("abc", 1) == {"abc", "bc", "ac", "ab"}
    assert deletions("abc", 2) == {"abc", "bc", "ac", "ab", "a", "b", "c"}


@pytest.mark.slow  # every term scanned at two distances for some hundred words: 1.4 CPU-s
def test_the_neighbourhood_finds_what_the_scan_finds(built_index):
    with built_index._reading() as searcher:
        reader = searcher.reader()
        speller = SpellingIndex.from_reader(reader)
        terms = sorted(t.decode() for t in reader.lexicon("content"))
        assert len(speller) == len(terms)
        words = misspellings(terms, every=3) + ["규젱", "딥페잌", "xyzzy", "가", "q", "x" * 40]
        for word in words:
            for distance in (1, 2):
                found = scanned(reader, "content", word, distance)
                assert found == set(IndexReader.terms_within(reader, "content", word, distance))
                assert speller.within(word, distance) == found, (word, distance)
            assert speller.closest(word) == scanned_closest(reader, word), word


def test_frequencies_are_the_index_document_frequencies(built_index):
    with built_index._reading() as searcher:
        reader = searcher.reader()
        speller = SpellingIndex.from_reader(reader)
        for text in list(reader.lexicon("content"))[::5]:
            assert speller.frequency(text.decode()) == reader.doc_frequency("content", text)
        assert speller.frequency("없는말") == 0


def test_a_word_longer_than_any_term_costs_no_deletions():
    speller = SpellingIndex({"규제": 1, "딥페이크": 2})
    assert speller.within("딥페이크크", 1) == {"딥페이크"}
    assert speller.within("x" * 500, 2) == set()


def test_the_terms_a_prefix_begins_are_found_in_order_up_to_a_count():
    speller = SpellingIndex({"인스타그램": 2, "인스타": 1, "엔터프라이즈": 1, "엔터테인먼트": 3})
    assert speller.starting_with("엔터", 3) == ["엔터테인먼트", "엔터프라이즈"]
    assert speller.starting_with("엔터", 1) == ["엔터테인먼트"]
    assert speller.starting_with("인스타", 3) == ["인스타그램"]
    assert speller.starting_with("스타", 3) == []
    assert speller.starting_with("인", 3, shortest=5) == ["인스타그램"]


def test_more_than_two_edits_is_refused():
    with pytest.raises(ValueError, match="2 edits"):
        SpellingIndex({"규제": 1}).within("규제", 3)


def test_the_suggestion_is_unchanged(built_index):
    assert built_index.search("딥페잌").suggestion == "딥페이크"


def unknown_words(n: int) -> str:
    return " ".join(f"x{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(n))


def test_a_query_of_many_unknown_words_gets_no_suggestion_and_says_so(built_index):
    result = built_index.search(f"딥페잌 {unknown_words(MAX_SUGGESTED_WORDS)}")
    assert result.suggestion is None
    assert result.limits == (
        f"did you mean: not offered for {MAX_SUGGESTED_WORDS + 1} unknown words"
        f" (at most {MAX_SUGGESTED_WORDS})",
    )


def test_up_to_the_cap_unknown_words_are_corrected(built_index):
    result = built_index.search(f"딥페잌 {unknown_words(MAX_SUGGESTED_WORDS - 1)}")
    assert result.limits == ()


def test_a_spent_budget_skips_the_optional_work_and_says_so(built_index):
    # The spelling index ready, as after any earlier search: the nearest spelling of 딥페잌,
    # which the answer needs, is then looked up at once (not an optional part, see below).
    built_index.search("딥페잌", budget=float("inf"))
    result = built_index.search("딥페잌", budget=0)
    assert result.suggestion is None
    assert result.related_terms == ()
    assert result.limits == (
        "related terms: skipped, the search's time budget (0 s) was spent",
        "did you mean: skipped, the search's time budget (0 s) was spent",
    )


def test_a_search_within_budget_has_no_limits(built_index):
    result = built_index.search("딥페잌", budget=float("inf"))
    assert (result.suggestion, result.limits) == ("딥페이크", ())


def test_the_cache_answers_within_its_timeout_and_builds_once_per_generation():
    release = threading.Event()
    opened = []

    class Reader:
        def leaf_readers(self):
            release.wait()
            return []

        def close(self):
            pass

    def open_reader(generation):
        opened.append(generation)
        return Reader()

    cache = SpellingCache(open_reader)
    assert cache.get(1, timeout=0.01) is None  # still building: the search goes on without
    release.set()
    built = cache.get(1, timeout=5)
    assert built is not None and len(built) == 0
    assert cache.get(1, timeout=0) is built
    assert opened == [1]
    assert cache.get(2, timeout=5) is not built
    assert opened == [1, 2]  # each build reads the generation asked for


def test_a_failed_build_is_raised_to_the_next_search():
    def open_reader(generation):
        raise OSError("index gone")

    cache = SpellingCache(open_reader)
    assert cache.get(1, timeout=5) is None
    with pytest.raises(OSError, match="index gone"):
        cache.get(1, timeout=5)


def test_a_failed_build_is_raised_to_no_search_of_another_generation():
    class Reader:
        def leaf_readers(self):
            return []

        def close(self):
            pass

    def open_reader(generation):
        if generation == 1:
            raise OSError("index gone")
        return Reader()

    cache = SpellingCache(open_reader)
    assert cache.get(1, timeout=5) is None
    assert cache.get(2, timeout=5) is not None


def test_a_query_is_searched_for_its_first_words_and_says_so(built_index):
    typed = " ".join(["딥페이크"] + ["AI"] * (MAX_QUERY_WORDS + 3))
    result = built_index.search(typed, about=False)  # counts every article holding the words
    assert result.total == 2
    assert result.limits == (
        f"query: only the first {MAX_QUERY_WORDS} of {MAX_QUERY_WORDS + 4} words were searched",
    )


def test_a_long_phrase_is_cut_to_its_first_words_and_says_so():
    parsed = parse_query('"' + " ".join(["범용", "AI"] * 10) + '" 규제 -소송')
    notes: list[str] = []
    kept = capped(parsed, notes.append)
    assert kept.groups[0][0].text == " ".join(["범용", "AI"] * (MAX_PHRASE_WORDS // 2))
    assert kept.groups[1:] == parsed.groups[1:] and kept.excluded == parsed.excluded
    assert notes == [f"query: a phrase of 20 words was cut to its first {MAX_PHRASE_WORDS}"]


def test_exclusions_count_after_the_words():
    parsed = parse_query(" ".join(f"w{n}" for n in range(MAX_QUERY_WORDS)) + " -소송")
    kept = capped(parsed, lambda limit: None)
    assert (len(kept.groups), kept.excluded) == (MAX_QUERY_WORDS, ())
