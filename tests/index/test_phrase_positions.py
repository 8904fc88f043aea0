"""The near check and phrases over positions read only for the articles holding every word
answer as a scan of every position of the words does, whatever the cache holds."""

from __future__ import annotations

import itertools

import pytest

import index.phrase_positions
from index.near_query import Near
from index.postings_scorer import PostingsScorer
from index.stored_marks import field_marks


def all_positions(searcher, word: str) -> dict[int, list[int]]:
    """docnum -> every position of the word in `content`, read straight from the postings."""
    reader = searcher.reader()
    if ("content", word) not in reader:
        return {}
    return dict(reader.postings("content", word).items_as("positions"))


def scanned(searcher, words: list[str], window: int) -> set[int]:
    """The near check's answer by brute force: the articles with an occurrence of the rarest
    word (fewest positions in the index, the first typed of those as rare) that has every
    other word within `window` positions of it."""
    places = {w: all_positions(searcher, w) for w in dict.fromkeys(words)}
    anchor = min(places, key=lambda w: sum(len(p) for p in places[w].values()))
    found = set()
    for docnum, anchors in places[anchor].items():
        for at in anchors:
            if all(
                any(abs(p - at) <= window for p in places[w].get(docnum, ()))
                for w in places
                if w != anchor
            ):
                found.add(docnum)
    return found


def word_sets(searcher) -> list[list[str]]:
    """Pairs and triples of the words of each article's headline, in both orders."""
    sets = []
    for docnum in sorted(searcher.reader().all_doc_ids()):
        marks = field_marks(searcher.stored_fields(docnum), "title")
        words = sorted(marks, key=lambda w: marks[w][0][0])[:4]
        for size in (2, 3):
            for chosen in itertools.permutations(words, size):
                sets.append(list(chosen))
    return sets


@pytest.mark.parametrize("cached", [index.phrase_positions.CACHED_MATCHES, 1])
@pytest.mark.parametrize("window", [1, 3])
def test_the_near_check_finds_what_a_scan_of_every_position_finds(
    built_index, monkeypatch, cached, window
):
    monkeypatch.setattr(index.phrase_positions, "CACHED_MATCHES", cached)
    with built_index._reading() as searcher:
        scorer = PostingsScorer(searcher)
        sets = word_sets(searcher)
        assert len(sets) > 50
        for words in sets + sets:  # the second time from what the cache kept
            found = scorer._found(Near("content", words, window), None)
            assert set(found.ids.tolist()) == scanned(searcher, words, window), words


def test_the_rarest_word_anchors_the_window(built_index):
    # "고위험 AI 시스템": 고위험 and 시스템 are 2 apart, each 1 from ai; with a window of 1,
    # only the rarest word as anchor decides whether the other two are near it
    with built_index._reading() as searcher:
        scorer = PostingsScorer(searcher)
        words = ["고위험", "ai", "시스템"]
        counts = {w: scorer._phrases.count("content", w) for w in words}
        assert counts["ai"] > counts["고위험"]
        assert scanned(searcher, words, 1) == set()
        assert set(scorer._found(Near("content", words, 1), None).ids.tolist()) == set()
        assert scanned(searcher, ["ai", "ai"], 1) == set(
            scorer._found(Near("content", ["ai", "ai"], 1), None).ids.tolist()
        )


def test_the_cache_keeps_answers_within_its_budget(built_index, monkeypatch):
    monkeypatch.setattr(index.phrase_positions, "CACHED_MATCHES", 1)
    with built_index._reading() as searcher:
        scorer = PostingsScorer(searcher)
        scorer._found(Near("content", ["ai", "법"], 3), None)
        scorer._found(Near("content", ["ai", "모델"], 3), None)
        assert list(scorer._phrases._matched) == [("near", "content", ("ai", "모델"), 3)]
