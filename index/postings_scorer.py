"""Evaluating a query over cached posting lists: every match, with its BM25F score.

Whoosh walks its matcher tree one posting at a time in Python, which costs tens of
microseconds per matching article; counting and faceting every match of a broad query over
10,000 articles took over 100 ms. Here each term's postings are read once per searcher (per
commit) into arrays (cached_postings.py, which sizes a query's parts from them too), and a
query is evaluated with array operations (score_arrays): the same BM25F formula and the same
combination rules as Whoosh (And and Or add their parts' scores, DisjunctionMax keeps the
best); phrases over cached positions (phrase_positions). Set and dict operations, a few
microseconds per match and part, did the same until the queries grew their concepts' forms
(a hundred terms, several common): warm p95 at 10,000 articles was then about 20 ms, over half
of it in these loops."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from whoosh import query as wq

from index.article_columns import ColumnFacets, tie_order
from index.cached_postings import CachedPostings, Scores
from index.live_parts import alike_in_any_pool
from index.near_query import Near
from index.phrase_positions import PhrasePositions, by_positions, near_found, phrase_found
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

__all__ = ["CACHED_POSTINGS", "PostingsScorer", "Scores"]

# Postings kept per searcher, counted in entries (24 bytes each: docnum, score, weight): the
# most recently used terms stay until the total passes this. An archive of a few thousand
# articles never reaches it; at 100,000 articles the common words of a query set fill it, and
# a smaller cap (2 million) sent warm p95 from 37 to 230 ms for re-reading them.
CACHED_POSTINGS = 8_000_000


class PostingsScorer(CachedPostings):
    """Evaluates queries against one searcher (one commit of the index), over the postings
    CachedPostings reads and keeps."""

    def __init__(self, searcher) -> None:
        super().__init__(searcher, CACHED_POSTINGS)
        reader = searcher.reader()
        names = ("section", "issue", "year", "page")
        # An empty index has no columns to read (Whoosh's EmptyReader refuses). The columns
        # and lengths are tuples of strings and numbers, which the garbage collector stops
        # tracking: lists of one entry per article it walks through at each full collection.
        self.columns = {n: tuple(reader.column_reader(n)) if self.doc_count else () for n in names}
        self.tie_order = tie_order(self.columns["issue"], self.columns["page"])
        self._facets = ColumnFacets(self.columns)
        self._live_ids = found_of(dict.fromkeys(self.live, 0.0))
        self._phrases = PhrasePositions(searcher)

    @classmethod
    def of(cls, searcher) -> PostingsScorer:
        """The evaluator kept with a searcher (made on first use)."""
        return kept_with(searcher, "evaluator", lambda: cls(searcher))

    def evaluate(self, q: wq.Query, within: set[int] | None = None) -> Scores:
        """docnum -> score for every article the query matches (among `within`, if given)."""
        pool = None if within is None else Pool.of(within, self.doc_count)
        return self.found(q, pool).as_dict()

    def found(self, q: wq.Query, within: Pool | None = None) -> Found:
        """The query's matches (among `within`, if given) as arrays."""
        kept = self.matching_parts(q)
        return NOTHING if kept is None else self._evaluated(kept, within)

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
