"""Related terms (연관어): the terms most telling of the articles a query matches.

The best-scoring matches are compared with the whole archive, term by term, by Dunning's
log-likelihood ratio (G²) on document counts: a term found in many of the matches and few
other articles scores high; one found everywhere ("AI", "발표") scores near zero. Terms are
the analysed nouns and lemmas stored for highlighting; the query's own terms, one-character
terms, numbers and verb lemmas are left out.
"""

from __future__ import annotations

import math
import re
import sys
import threading
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from common.lru_cache import LRUCache
from index.schema import MARKED_FIELDS
from index.searcher_state import kept_with
from index.stored_marks import field_marks

if TYPE_CHECKING:
    import numpy as np  # imported by the first search (see index.search_answers)

RELATED_COUNT = 10
# The best matches the terms are taken from: enough to see what they share, few enough to
# keep a search fast.
RELATED_DOCS = 30
MIN_DOCS = 2  # a term must occur in this many of those matches (when there are 4 or more)
# Articles whose terms are kept in memory per searcher (an array of their terms' numbers
# each, see DocTerms.names); past this the cache starts again.
CACHED_DOCS = 20_000
CACHED_COUNTS = 1_000  # articles whose term counts are kept (see DocTerms.occurrences)
_NUMBER = re.compile(r"^[\d.,%~]+")


def _is_candidate(term: str) -> bool:
    if len(term) < 2 or _NUMBER.match(term):
        return False
    return not term.endswith("다")  # a verb or adjective lemma ("강화하다")


class DocTerms:
    """Each article's distinct candidate terms and each term's document frequency, read once
    per searcher (one commit of the index). An article's terms are kept as numbers, each
    term's place in `names`, so that the terms of a query's best matches are counted in one
    vector pass: counted as strings, then each tested against the least count (3,411 terms
    of thirty matches on average over the graded queries at 10,000 articles), the queries'
    warm searches took 1,117.8 CPU-ms against 1,080.9 (each one's fastest of three, summed)."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self.doc_count = searcher.doc_count()
        self.names: list[str] = []  # each term read, by its number (only ever appended to)
        self._number: dict[str, int] = {}
        self._terms: dict[int, np.ndarray] = {}
        self._frequency: dict[str, int] = {}
        self._lock = threading.Lock()
        self._written: LRUCache[int, Counter] = LRUCache(CACHED_COUNTS)

    @classmethod
    def of(cls, searcher) -> DocTerms:
        """The DocTerms kept with a searcher (made on first use)."""
        return kept_with(searcher, "doc_terms", lambda: cls(searcher))

    def numbers(self, docnum: int) -> np.ndarray:
        """The numbers of the article's candidate terms (see `names`), in their order."""
        found = self._terms.get(docnum)
        if found is None:
            import numpy as np  # see the module's imports

            stored = self.searcher.stored_fields(docnum)
            distinct = {t for name in MARKED_FIELDS for t in field_marks(stored, name)}
            terms = [t for t in sorted(distinct) if _is_candidate(t)]
            with self._lock:
                for term in terms:
                    if term not in self._number:
                        self._number[term] = len(self.names)
                        self.names.append(sys.intern(term))
                found = np.array([self._number[t] for t in terms], np.int32)
                if len(self._terms) >= CACHED_DOCS:
                    self._terms.clear()
                self._terms[docnum] = found
        return found

    def occurrences(self, docnum: int) -> Counter:
        """How often the article writes each of its terms (asked of few articles: kept for
        the CACHED_COUNTS most recently asked)."""
        return self._written.get_or_compute(docnum, lambda: self._count(docnum))

    def _count(self, docnum: int) -> Counter:
        written: Counter = Counter()
        stored = self.searcher.stored_fields(docnum)
        for name in MARKED_FIELDS:
            marks = field_marks(stored, name)
            written.update({t: marks.occurrences(t) for t in marks})
        return written

    def frequency(self, term: str) -> int:
        """How many articles hold the term."""
        found = self._frequency.get(term)
        if found is None:
            found = self.searcher.doc_frequency("content", term)
            self._frequency[term] = found
        return found


def log_likelihood(inside: int, size: int, everywhere: int, total: int) -> float:
    """G² of a term held by `inside` of `size` matches and `everywhere` of `total` articles;
    0 when the matches hold it no more often than the rest of the archive. Not kept by its
    four counts: that took the graded queries' warm searches at 10,000 articles from 1,067.9 to
    1,027.0 CPU-ms (each one's fastest of three, summed, old and new alternately), but a search
    asks it 125 times of 79 distinct counts on average, so most of that was the bench asking
    the same queries again."""
    outside, rest = everywhere - inside, total - size
    if rest <= 0 or inside * rest <= outside * size:
        return 0.0

    def ll(k: int, n: int, p: float) -> float:
        return (k * math.log(p) if k else 0.0) + ((n - k) * math.log(1 - p) if n - k else 0.0)

    p_in, p_out, p_all = inside / size, outside / rest, everywhere / total
    return 2 * (
        ll(inside, size, p_in) + ll(outside, rest, p_out)
        - ll(inside, size, p_all) - ll(outside, rest, p_all)
    )  # fmt: skip


def related_terms(
    searcher, docnums: Iterable[int], own: set[str], count: int = RELATED_COUNT
) -> tuple[str, ...]:
    """The `count` terms most associated with these articles (the best matches, best first)
    against the whole archive, without the query's own terms."""
    doc_terms = DocTerms.of(searcher)
    best = list(docnums)[:RELATED_DOCS]
    total = doc_terms.doc_count
    least = MIN_DOCS if len(best) >= 2 * MIN_DOCS else 1
    held = _held(doc_terms, best, least)
    # Among so few matches every term they hold is held by as many of them, and terms as rare
    # in the archive tie: the one they write most often goes first, not the first in
    # alphabetical order.
    written: Counter = Counter()
    if len(best) < 2 * MIN_DOCS:
        for docnum in best:
            written.update(doc_terms.occurrences(docnum))
    scored = []
    for term, inside in held:
        if term in own:
            continue
        score = log_likelihood(inside, len(best), doc_terms.frequency(term), total)
        if score > 0:
            scored.append((-score, -written[term], term))
    scored.sort()
    return tuple(term for *_, term in scored[:count])


def _held(doc_terms: DocTerms, docnums: list[int], least: int) -> list[tuple[str, int]]:
    """(term, how many of the articles hold it) of each term `least` of them hold or more."""
    import numpy as np  # see the module's imports

    numbers = [doc_terms.numbers(d) for d in docnums]
    if not numbers:
        return []
    counts = np.bincount(np.concatenate(numbers))
    kept = np.flatnonzero(counts >= least)
    names = doc_terms.names
    return list(zip([names[n] for n in kept.tolist()], counts[kept].tolist(), strict=True))
