"""Query words analysed the way the index analysed the articles.

A word that Kiwi analyses into several parts ("오픈AI" -> 오픈 + ai) is looked up by its pairs
of parts ("오픈ai", held for "오픈AI" and "오픈 AI" alike). Words typed apart may spell one known
compound ("딥 페이크"), and a one-part word with a derivational suffix has a stem (의료용 -> 의료).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from index.analysis import BOUND_NOUN_STOPS, normalize
from index.dictionary import domain_dictionary
from index.query_analysis import analysis_of, forget, terms_of


@dataclass(frozen=True)
class QueryWord:
    """The terms one word or phrase of a query stands for."""

    parts: tuple[str, ...]  # one term per position, in order
    pairs: tuple[str, ...] = ()  # each two parts in a row, joined, as the index holds them

    @property
    def adjacent(self) -> bool:
        """True when every part follows the one before directly (no particle between)."""
        return len(self.pairs) == len(self.parts) - 1


@lru_cache(maxsize=65536)  # thesaurus forms recur in every query that expands to them
def query_word(text: str) -> QueryWord:
    """Analyse a query word or phrase the way the index analysed the articles."""
    by_position: dict[int, str] = {}
    pairs = []
    for term in terms_of(text):
        if term.kind == "pair":
            pairs.append(term.text)
        elif term.kind in ("part", "lemma"):
            by_position.setdefault(term.pos, term.text)
    return QueryWord(tuple(by_position[p] for p in sorted(by_position)), tuple(pairs))


def _parts(word: QueryWord) -> tuple[str, ...]:
    return word.parts


def _joined(word: QueryWord) -> tuple[str, ...]:
    """A word of adjacent parts as the one term an article writing it glued holds."""
    return ("".join(word.parts),) if len(word.parts) > 1 and word.adjacent else word.parts


# The term sequences a word is highlighted by: its parts in a row, and its parts glued.
SEQUENCES = (_parts, _joined)


@lru_cache(maxsize=65536)
def stem_words(text: str) -> tuple[QueryWord, ...]:
    """The stems of a one-part word with a derivational affix ("의료용" -> 의료)."""
    terms = terms_of(text)
    parts = [t for t in terms if t.kind == "part"]
    if len(parts) != 1:
        return ()
    return tuple(QueryWord((t.text,)) for t in terms if t.kind == "stem")


@lru_cache(maxsize=65536)
def destemmed(text: str) -> str | None:
    """The word with each derived part replaced by its stem, parts spaced ("공공기관용" ->
    "공공 기관", "의료용" -> "의료"), for looking its concept up; None when no part is
    derived."""
    terms = terms_of(text)
    stems = {t.pos: t.text for t in terms if t.kind == "stem"}
    if not stems:
        return None
    parts = {t.pos: t.text for t in terms if t.kind in ("part", "lemma")}
    return " ".join(stems.get(p, parts[p]) for p in sorted(parts))


# Words the analyser drops that say nothing of a topic: bound nouns ("수" in "신뢰할 수 있는"),
# conjunctions and punctuation. Any other word it drops whole carries meaning: a determiner
# ("여러", "모든", "다른") or an adverb ("잘", "더").
FUNCTION_WORDS = BOUND_NOUN_STOPS | frozenset({"및", "또는", "혹은", "그리고"})
PUNCTUATION = "?!.,~·'\"()[]<>「」『』‘’“”"


@lru_cache(maxsize=65536)
def reading(text: str) -> tuple[str, ...]:
    """The text as a thesaurus form is compared with what is typed: its parts in order, each
    verb in its dictionary form, and in place of a word the analyser drops whole, that word
    as written ("적은 비용으로" and "적은 비용" both read 적다 비용; "여러 언어를" reads 여러
    언어, not 언어)."""
    text = normalize(text)
    terms = [t for t in terms_of(text) if t.kind in ("part", "lemma")]
    read: list[str] = []
    start = 0
    for word in text.split():
        start = text.index(word, start)
        end = start + len(word)
        inside = [t.text for t in terms if start <= t.start < end]
        bare = word.strip(PUNCTUATION).lower()
        read.extend(inside or ([bare] if bare else []))
        start = end
    return tuple(read)


@lru_cache(maxsize=65536)
def dropped_meaning(text: str) -> tuple[str, ...]:
    """The words of the text that carry meaning but the analyser drops whole (a determiner,
    an adverb: "여러" in "여러 언어"): the text's parts alone say less than it does."""
    parts = set(query_word(text).parts)
    return tuple(
        w for w in reading(text) if w not in parts and w not in FUNCTION_WORDS and w.strip()
    )


@cache
def _domain_words() -> frozenset[str]:
    return frozenset(w.word.lower() for w in domain_dictionary().words)


@lru_cache(maxsize=4096)
def is_compound(text: str) -> bool:
    """Whether words typed apart spell one known word: a word of the domain dictionary
    ("딥페이크", "오픈AI") or a common noun in Kiwi's own dictionary ("인공지능"), not a run
    of Hangul it does not know ("소라벤지오", which it also reads as one noun)."""
    joined = normalize(text.replace(" ", ""))
    if joined.lower() in _domain_words():
        return True
    return analysis_of(joined).noun


def forget_analyses() -> None:
    """Drop every analysis held in memory, so that the next ones come from the index's store
    or Kiwi (for tests and benchmarks comparing the two)."""
    for cached in (query_word, stem_words, destemmed, is_compound, reading, dropped_meaning):
        cached.cache_clear()
    forget()
