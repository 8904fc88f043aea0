"""The postings a scorer reads, kept per searcher: each term's scores and weights read once
(per commit) into arrays, and what a query's parts match at most and at least, sized from them.

`CachedPostings` is the half of `PostingsScorer` (postings_scorer.py) that reads and sizes;
the scorer evaluates queries over what it keeps. The cache's capacity is the scorer's to say
(postings_scorer.CACHED_POSTINGS)."""

from __future__ import annotations

import numpy as np
from whoosh import query as wq

from common.lru_cache import LRUCache
from index.bm25 import K1, B
from index.live_parts import live
from index.postings_reader import UNHELD, TermPostings, term_postings
from index.score_arrays import Found
from index.searcher_state import kept_for_request

Scores = dict[int, float]
# Fields matched as filters, which add nothing to a score.
FILTER_FIELDS = frozenset({"id", "issue", "section", "outlet", "fingerprint"})


class CachedPostings:
    """One searcher's postings (one commit of the index), read as arrays and kept."""

    def __init__(self, searcher, capacity: int) -> None:
        """`capacity`: the postings kept, counted in entries (LRUCache: the most recently used
        terms stay until the total passes it)."""
        self.searcher = searcher
        reader = searcher.reader()
        self.doc_count = reader.doc_count_all()
        self.live = set(reader.all_doc_ids())
        self._lengths: dict[str, np.ndarray] = {}
        self._postings: LRUCache[tuple[str, str], TermPostings] = LRUCache(capacity, len)
        self._deleted = len(self.live) < self.doc_count
        self._live_mask = np.zeros(self.doc_count, bool)
        self._live_mask[list(self.live)] = True

    def _field_lengths(self, field: str) -> np.ndarray:
        if field not in self._lengths:
            length = self.searcher.doc_field_length
            # None where a field keeps no length for an article: one that holds none of its terms
            lengths = [length(d, field, 1) or 0 for d in range(self.doc_count)]
            self._lengths[field] = np.array(lengths, np.int64)
        return self._lengths[field]

    def term(self, field: str, text: str) -> Scores:
        """docnum -> BM25F score of one term (0 for filter fields), read once then cached."""
        return self._term(field, text).as_dict()

    def _term(self, field: str, text: str) -> Found:
        return self._postings_of(field, text).scored

    def weights(self, field: str, text: str) -> Found:
        """docnum -> the term's weight as the index keeps it (in `content`, its frequency
        weighted by the part it stands in: analysis.PART_WEIGHTS), for the live articles; its
        scores are computed from it, and index/salience.py reads it. Kept with the scores
        (one entry of the cache): kept apart, in a cache of their own, the weights of a query
        set's terms at 100,000 articles were dropped and read again from disk at each search
        that asked for them, while the scores read with them were still kept."""
        return self._postings_of(field, text).weighed

    def _postings_of(self, field: str, text: str) -> TermPostings:
        # a request asks the shared cache once a term (its lock and order cost ~1 us a look)
        asked = kept_for_request(self.searcher, "postings", dict)
        key = (field, text)
        found = asked.get(key)
        if found is None:
            read = self._postings.get_or_compute(key, lambda: self._read_term(field, text))
            found = asked[key] = read
        return found

    def _read_term(self, field: str, text: str) -> TermPostings:
        searcher = self.searcher
        ids, weights = term_postings(searcher.reader(), field, text)
        if self._deleted and len(ids):
            live = self._live_mask[ids]
            ids, weights = ids[live], weights[live]
        if not len(ids):
            return UNHELD
        if field in FILTER_FIELDS or not searcher.schema[field].scorable:
            return TermPostings(Found(ids, np.zeros(len(ids))), Found(ids, weights))
        idf = searcher.idf(field, text)
        avg = searcher.avg_field_length(field) or 1
        lengths = self._field_lengths(field)[ids]
        # whoosh.scoring.bm25, operation for operation: the same float for every article
        scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * lengths / avg)))
        return TermPostings(Found(ids, scores), Found(ids, weights))

    def matching_parts(self, q: wq.Query) -> wq.Query | None:
        """The query without its parts that match no article (live_parts), made once per
        request (searcher_state.one_request); None when it matches none."""
        known = kept_for_request(self.searcher, "live", dict)
        return live(q, lambda t: len(self._term(t.fieldname, t.text)), known)

    def size(self, q: wq.Query) -> int:
        """At most how many articles the query matches, as Whoosh estimates it (an And its
        smallest part, an Or its parts' sum), but from the cached postings, which evaluating
        it reads anyway: Whoosh looks each term up in every segment, on every search."""
        kept = self.matching_parts(q)
        return 0 if kept is None else self._size(kept, self._sizes())

    def _sizes(self) -> dict[int, tuple[wq.Query, int]]:
        """The sizes computed in this request (searcher_state.one_request) of the parts of its
        queries, by the id of the part (which the entry holds alive, so that no other part
        takes its id): a query's concepts are evaluated several times in a search (its full
        matches, their scores, its partial matches), each of 400 to 800 parts for a question,
        and an And of Ors of Ands was sized anew at each level it was intersected at. They
        are dropped with the request: the next search builds its parts anew, so none of the
        up to 20,000 kept per thread before was ever asked again; kept, they were only more
        objects for each garbage collection to walk through."""
        return kept_for_request(self.searcher, "sizes", dict)

    def _size(self, q: wq.Query, sizes: dict[int, tuple[wq.Query, int]]) -> int:
        """size(q), each part's kept in `sizes` (see _sizes)."""
        known = sizes.get(id(q))
        if known is not None:
            return known[1]
        if isinstance(q, wq.Term | wq.Phrase):  # a phrase (a near query too): its rarest word's
            words = q.words if isinstance(q, wq.Phrase) else [q.text]
            size = min(len(self._term(q.fieldname, word)) for word in words)
        elif isinstance(q, wq.Or | wq.DisjunctionMax):
            size = sum(self._size(sub, sizes) for sub in q.subqueries)
        elif isinstance(q, wq.And):
            size = min((self._size(sub, sizes) for sub in q.subqueries), default=0)
        elif isinstance(q, wq.AndNot):
            size = self._size(q.a, sizes)
        else:
            size = q.estimate_size(self.searcher.reader())
        sizes[id(q)] = (q, size)
        return size

    def least(self, q: wq.Query) -> int:
        """At least how many articles the query matches, from the cached postings: a term's
        count, the largest part's of an Or, its one part's of an And of one; 0 when that takes
        evaluating (an And of several)."""
        kept = self.matching_parts(q)
        return 0 if kept is None else self._least(kept)

    def _least(self, q: wq.Query) -> int:
        if isinstance(q, wq.Term):
            return len(self._term(q.fieldname, q.text))
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            return max((self._least(sub) for sub in q.subqueries), default=0)
        if isinstance(q, wq.And) and len(q.subqueries) == 1:  # every search's all_words
            return self._least(q.subqueries[0])
        return 0
