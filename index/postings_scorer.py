"""Evaluating a query over cached posting lists: every match, with its BM25F score.

Whoosh walks its matcher tree one posting at a time in Python, which costs tens of
microseconds per matching article; counting and faceting every match of a broad query over
10,000 articles took over 100 ms. Here each term's postings are read once per searcher (per
commit) into arrays, and a query is evaluated with array operations (score_arrays): the same
BM25F formula and the same combination rules as Whoosh (And and Or add their parts' scores,
DisjunctionMax keeps the best); phrases over cached positions (phrase_positions).
Set and dict operations, a few microseconds per match and part, did the same until the
queries grew their concepts' forms (a hundred terms, several common): warm p95 at 10,000
articles was then about 20 ms, over half of it in these loops."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from whoosh import query as wq

from common.lru_cache import LRUCache
from index.article_columns import ColumnFacets, tie_order
from index.bm25 import K1, B
from index.live_parts import alike_in_any_pool, live
from index.near_query import Near
from index.phrase_positions import PhrasePositions, by_positions, near_found, phrase_found
from index.postings_reader import UNHELD, TermPostings, term_postings
from index.score_arrays import (
    NOTHING,
    Found,
    Pool,
    added,
    combined,
    found_of,
    within_of,
    without,
)
from index.searcher_state import kept_for_request, kept_with

Scores = dict[int, float]
# Fields matched as filters, which add nothing to a score.
FILTER_FIELDS = frozenset({"id", "issue", "section", "outlet", "fingerprint"})
# Postings kept per searcher, counted in entries (24 bytes each: docnum, score, weight): the
# most recently used terms stay until the total passes this. An archive of a few thousand
# articles never reaches it; at 100,000 articles the common words of a query set fill it, and
# a smaller cap (2 million) sent warm p95 from 37 to 230 ms for re-reading them.
CACHED_POSTINGS = 8_000_000


class PostingsScorer:
    """Evaluates queries against one searcher (one commit of the index)."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        self.doc_count = reader.doc_count_all()
        self.live = set(reader.all_doc_ids())
        names = ("section", "issue", "year", "page")
        # An empty index has no columns to read (Whoosh's EmptyReader refuses). The columns
        # and lengths are tuples of strings and numbers, which the garbage collector stops
        # tracking: lists of one entry per article it walks through at each full collection.
        self.columns = {n: tuple(reader.column_reader(n)) if self.doc_count else () for n in names}
        self.tie_order = tie_order(self.columns["issue"], self.columns["page"])
        self._lengths: dict[str, np.ndarray] = {}
        self._facets = ColumnFacets(self.columns)
        self._postings: LRUCache[tuple[str, str], TermPostings] = LRUCache(CACHED_POSTINGS, len)
        self._deleted = len(self.live) < self.doc_count
        self._live_mask = np.zeros(self.doc_count, bool)
        self._live_mask[list(self.live)] = True
        self._live_ids = found_of(dict.fromkeys(self.live, 0.0))
        self._phrases = PhrasePositions(searcher)

    @classmethod
    def of(cls, searcher) -> PostingsScorer:
        """The evaluator kept with a searcher (made on first use)."""
        return kept_with(searcher, "evaluator", lambda: cls(searcher))

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

    def evaluate(self, q: wq.Query, within: set[int] | None = None) -> Scores:
        """docnum -> score for every article the query matches (among `within`, if given)."""
        pool = None if within is None else Pool.of(within, self.doc_count)
        return self.found(q, pool).as_dict()

    def found(self, q: wq.Query, within: Pool | None = None) -> Found:
        """The query's matches (among `within`, if given) as arrays."""
        kept = self.matching_parts(q)
        return NOTHING if kept is None else self._evaluated(kept, within)

    def matching_parts(self, q: wq.Query) -> wq.Query | None:
        """The query without its parts that match no article (live_parts), made once per
        request (searcher_state.one_request); None when it matches none."""
        known = kept_for_request(self.searcher, "live", dict)
        return live(q, lambda t: len(self._term(t.fieldname, t.text)), known)

    def _evaluated(self, q: wq.Query, within: Pool | None) -> Found:
        """found() of a part left by live(). A part evaluated over every article is kept for
        the request, and its matches among fewer are those (live_parts.alike_in_any_pool): a
        search evaluates its concepts among its full matches, and again among a page's."""
        if isinstance(q, wq.Term):
            return self._found(q, within)
        over_all = kept_for_request(self.searcher, "over all", dict)
        if within is not None:
            known = over_all.get(id(q))
            if known is not None:
                return within.restrict(known[1])
        found = self._found(q, within)
        if not isinstance(q, wq.Phrase):  # scored with its boost already, as Whoosh does
            found = found.boosted(getattr(q, "boost", 1.0))
        if within is None and alike_in_any_pool(q, kept_for_request(self.searcher, "alike", dict)):
            over_all[id(q)] = (q, found)
        return found

    def pool(self, docnums) -> Pool | None:
        """The docnums (a set, a dict's keys, a Found's; None: every article) as a Pool."""
        if isinstance(docnums, Found):
            return Pool(docnums.ids, self.doc_count)
        return None if docnums is None else Pool.of(docnums, self.doc_count)

    def summed(self, queries, within: set[int] | None, excluded: Scores) -> Found:
        """The sum of the scores of the queries that match it (added in their order), for
        every article one of them matches among `within` and not in `excluded`: as arrays,
        which a broad query's partial matches (most of the archive) stay as until the few a
        page shows are picked (a dict of them cost up to 60 ms at 100,000 articles)."""
        pool, outside = self.pool(within), self.pool(excluded)
        parts = [outside.exclude(self.found(q, pool)) for q in queries]
        return combined(parts, self.doc_count, False)

    def raised(self, q: wq.Query, extra, within: set[int] | None) -> Scores:
        """docnum -> score of the query's matches among `within`, each raised by the score of
        every query of `extra` that matches it too (added in their order)."""
        found = self.found(q, self.pool(within))
        for part in extra:
            found = added(found, self.found(part, Pool(found.ids, self.doc_count)))
        return found.as_dict()

    def _found(self, q: wq.Query, within: Pool | None) -> Found:
        if isinstance(q, wq.Term):
            found = self._term(q.fieldname, q.text)
            return (found if within is None else within.restrict(found)).boosted(q.boost)
        if isinstance(q, wq.Every):
            pool = self._live_ids if within is None else within.restrict(self._live_ids)
            return Found(pool.ids, np.zeros(len(pool)))
        if isinstance(q, wq.TermRange) and q.fieldname == "issue":
            low, high = q.start or "", q.end or "9999-99"
            issues = self.columns["issue"]
            pool = self.live if within is None else set(within.ids.tolist()) & self.live
            return found_of({d: 0.0 for d in pool if low <= issues[d] <= high})
        if isinstance(q, wq.AndNot):
            kept = self.found(q.a, within)
            return without(kept, self.found(q.b, Pool(kept.ids, self.doc_count)))
        if isinstance(q, wq.DisjunctionMax):
            parts = [self._evaluated(sub, within) for sub in q.subqueries]
            return combined(parts, self.doc_count, True)
        if isinstance(q, wq.And):
            return self._intersect(q.subqueries, within)
        if isinstance(q, wq.Or):
            found = (self._evaluated(sub, within) for sub in q.subqueries)
            parts = sorted(found, key=len, reverse=True)
            return combined(parts, self.doc_count, False)
        if isinstance(q, Near):
            terms = [self._term(q.fieldname, word) for word in q.words]
            found = near_found(self._phrases, terms, q)
        elif isinstance(q, wq.Phrase) and by_positions(self.searcher.schema, q):
            terms = [self._term(q.fieldname, word) for word in q.words]
            found = phrase_found(self._phrases, terms, q)
        else:
            found = found_of(self._by_whoosh(q))
        return found if within is None else within.restrict(found)

    def _intersect(self, subqueries, within: Pool | None) -> Found:
        """Rarest part first; each further part is only evaluated on what is left."""
        sizes = self._sizes()
        ordered = sorted(subqueries, key=lambda sub: self._size(sub, sizes))
        total = NOTHING
        for i, sub in enumerate(ordered):
            part = self._evaluated(sub, within)
            total = part if i == 0 else within_of(part, total)
            if not len(total):
                return NOTHING
            within = Pool(total.ids, self.doc_count)
        return total

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

    def count_above(self, q: wq.Query, cut: float) -> bool:
        """Whether the query matches more than `cut` articles, evaluating it only when its
        bounds do not tell."""
        if self.size(q) <= cut:
            return False
        return self.least(q) > cut or len(self.found(q)) > cut

    def _by_whoosh(self, q: wq.Query) -> Scores:
        """Anything else: Whoosh's own matcher, over every match."""
        results = self.searcher.search(q, limit=None)
        return {hit.docnum: hit.score for hit in results}

    def facets(self, docnums: Pool | Iterable[int], names: tuple[str, ...]):
        """name -> value -> how many of the articles (a Pool, or any docnums) have it."""
        ids = (docnums if isinstance(docnums, Pool) else Pool.of(docnums, self.doc_count)).ids
        return self._facets.counts(ids, names)
