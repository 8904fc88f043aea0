"""Evaluating a query over cached posting lists: every match, with its BM25F score.

Whoosh walks its matcher tree one posting at a time in Python, which costs tens of
microseconds per matching article; counting and faceting every match of a broad query over
10,000 articles took over 100 ms. Here each term's postings are read once per searcher (per
commit) into a dict, and a query is evaluated with set and dict operations: the same BM25F
formula and the same combination rules as Whoosh (And and Or add their parts' scores,
DisjunctionMax keeps the best), at a few microseconds per match. Phrase queries, which need
positions, are handed to Whoosh.
"""

from __future__ import annotations

from collections import Counter

from whoosh import query as wq
from whoosh.scoring import bm25

from common.lru_cache import LRUCache

Scores = dict[int, float]
# BM25 parameters (Whoosh's defaults).
B, K1 = 0.75, 1.2
# Fields matched as filters, which add nothing to a score.
FILTER_FIELDS = frozenset({"id", "issue", "section", "outlet", "fingerprint"})
# Postings kept per searcher, counted in entries (about 100 bytes each in Python): the most
# recently used terms stay until the total passes this. An archive of a few thousand articles
# never reaches it; at 100,000 articles the common words of a query set fill it, and a
# smaller cap (2 million) sent warm p95 from 37 to 230 ms for re-reading them.
CACHED_POSTINGS = 8_000_000


class PostingsScorer:
    """Evaluates queries against one searcher (one commit of the index)."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        self.doc_count = reader.doc_count_all()
        self.live = set(reader.all_doc_ids())
        names = ("section", "issue", "year", "page")
        # An empty index has no columns to read (Whoosh's EmptyReader refuses).
        self.columns = {n: list(reader.column_reader(n)) if self.doc_count else [] for n in names}
        self.tie_order = _tie_order(self.columns["issue"], self.columns["page"])
        self._lengths: dict[str, list[int]] = {}
        self._combinations: dict[tuple[str, ...], tuple[list[int], list[tuple]]] = {}
        self._postings: LRUCache[tuple[str, str], Scores] = LRUCache(CACHED_POSTINGS, len)

    @classmethod
    def of(cls, searcher) -> PostingsScorer:
        """The evaluator kept with a searcher (made on first use)."""
        evaluator = getattr(searcher, "aibrief_evaluator", None)
        if evaluator is None:
            evaluator = cls(searcher)
            searcher.aibrief_evaluator = evaluator
        return evaluator

    def _field_lengths(self, field: str) -> list[int]:
        if field not in self._lengths:
            length = self.searcher.doc_field_length
            self._lengths[field] = [length(d, field, 1) for d in range(self.doc_count)]
        return self._lengths[field]

    def term(self, field: str, text: str) -> Scores:
        """docnum -> BM25F score of one term (0 for filter fields), read once then cached."""
        return self._postings.get_or_compute((field, text), lambda: self._read_term(field, text))

    def _read_term(self, field: str, text: str) -> Scores:
        searcher = self.searcher
        if (field, text) not in searcher.reader():
            return {}
        matcher = searcher.reader().postings(field, text)
        found: dict[int, float] = {}
        while matcher.is_active():
            found[matcher.id()] = matcher.weight()
            matcher.next()
        if field in FILTER_FIELDS or not searcher.schema[field].scorable:
            return {d: 0.0 for d in found if d in self.live}
        idf = searcher.idf(field, text)
        avg = searcher.avg_field_length(field) or 1
        lengths = self._field_lengths(field)
        return {d: bm25(idf, w, lengths[d], avg, B, K1) for d, w in found.items() if d in self.live}

    def evaluate(self, q: wq.Query, within: set[int] | None = None) -> Scores:
        """docnum -> score for every article the query matches (among `within`, if given)."""
        scores = self._evaluate(q, within)
        boost = getattr(q, "boost", 1.0)
        if boost != 1.0 and not isinstance(q, wq.Term):
            scores = {d: s * boost for d, s in scores.items()}
        return scores

    def _evaluate(self, q: wq.Query, within: set[int] | None) -> Scores:
        if isinstance(q, wq.Term):
            scores = _restricted(self.term(q.fieldname, q.text), within)
            return {d: s * q.boost for d, s in scores.items()} if q.boost != 1.0 else scores
        if isinstance(q, wq.Every):
            return dict.fromkeys(self.live if within is None else within & self.live, 0.0)
        if isinstance(q, wq.TermRange) and q.fieldname == "issue":
            low, high = q.start or "", q.end or "9999-99"
            issues = self.columns["issue"]
            pool = self.live if within is None else within & self.live
            return {d: 0.0 for d in pool if low <= issues[d] <= high}
        if isinstance(q, wq.AndNot):
            kept = self.evaluate(q.a, within)
            excluded = self.evaluate(q.b, set(kept))
            return {d: s for d, s in kept.items() if d not in excluded}
        if isinstance(q, wq.DisjunctionMax):
            return _combine([self.evaluate(sub, within) for sub in q.subqueries], max)
        if isinstance(q, wq.And):
            return self._intersect(q.subqueries, within)
        if isinstance(q, wq.Or):
            return _combine([self.evaluate(sub, within) for sub in q.subqueries], None)
        return _restricted(self._by_whoosh(q), within)

    def _intersect(self, subqueries, within: set[int] | None) -> Scores:
        """Rarest part first; each further part is only evaluated on what is left."""
        ordered = sorted(subqueries, key=self.size)
        total: Scores = {}
        for i, sub in enumerate(ordered):
            part = self.evaluate(sub, within)
            total = part if i == 0 else {d: total[d] + s for d, s in part.items() if d in total}
            within = set(total)
            if not within:
                return {}
        return total

    def size(self, q: wq.Query) -> int:
        """At most how many articles the query matches, as Whoosh estimates it (an And its
        smallest part, an Or its parts' sum), but from the cached postings, which evaluating
        it reads anyway: Whoosh looks each term up in every segment, on every search."""
        if isinstance(q, wq.Term):
            return len(self.term(q.fieldname, q.text))
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            return sum(self.size(sub) for sub in q.subqueries)
        if isinstance(q, wq.And):
            return min((self.size(sub) for sub in q.subqueries), default=0)
        if isinstance(q, wq.AndNot):
            return self.size(q.a)
        return q.estimate_size(self.searcher.reader())

    def least(self, q: wq.Query) -> int:
        """At least how many articles the query matches, from the cached postings: a term's
        count, the largest part's of an Or; 0 when that takes evaluating (an And)."""
        if isinstance(q, wq.Term):
            return len(self.term(q.fieldname, q.text))
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            return max((self.least(sub) for sub in q.subqueries), default=0)
        return 0

    def count_above(self, q: wq.Query, cut: float) -> bool:
        """Whether the query matches more than `cut` articles, evaluating it only when its
        bounds do not tell."""
        if self.size(q) <= cut:
            return False
        return self.least(q) > cut or len(self.evaluate(q)) > cut

    def _by_whoosh(self, q: wq.Query) -> Scores:
        """Phrases and anything else: Whoosh's own matcher, over every match."""
        results = self.searcher.search(q, limit=None)
        return {hit.docnum: hit.score for hit in results}

    def facets(self, docnums, names: tuple[str, ...]) -> dict[str, dict[str, int]]:
        """name -> value -> how many of the articles have it."""
        codes, combinations = self._combined(names)
        # One pass over the matches, counting each article's combination of values (a few
        # hundred distinct ones), instead of one pass per facet.
        counts = Counter(map(codes.__getitem__, docnums))
        counted = {}
        for place, name in enumerate(names):
            tally: Counter = Counter()
            for code, n in counts.items():
                tally[combinations[code][place]] += n
            ordered = sorted(tally.items(), key=lambda kv: str(kv[0]))
            counted[name] = {str(k): n for k, n in ordered if k != ""}  # "": no section
        return counted

    def _combined(self, names: tuple[str, ...]) -> tuple[list[int], list[tuple]]:
        """docnum -> the number of its combination of the columns' values, and the
        combinations in number order; made once per searcher."""
        if names not in self._combinations:
            numbers: dict[tuple, int] = {}
            columns = zip(*(self.columns[name] for name in names), strict=True)
            codes = [numbers.setdefault(values, len(numbers)) for values in columns]
            self._combinations[names] = (codes, list(numbers))
        return self._combinations[names]


def _restricted(scores: Scores, within: set[int] | None) -> Scores:
    if within is None:
        return scores
    if len(within) < len(scores):
        return {d: scores[d] for d in within if d in scores}
    return {d: s for d, s in scores.items() if d in within}


def _combine(parts: list[Scores], best) -> Scores:
    """Union of the parts: scores added (best=None, as Or does) or the best kept (max)."""
    parts = sorted(parts, key=len, reverse=True)
    merged = dict(parts[0]) if parts else {}
    for part in parts[1:]:
        for d, s in part.items():
            if d in merged:
                merged[d] = merged[d] + s if best is None else best(merged[d], s)
            else:
                merged[d] = s
    return merged


def _tie_order(issues: list[str], pages: list[int]) -> list[int]:
    """docnum -> its place among equal scores: newest issue first, then by page. It depends
    on the articles only, not on how the index happens to be split into segments."""
    by_date = sorted(range(len(issues)), key=lambda d: (issues[d], -pages[d]), reverse=True)
    order = [0] * len(issues)
    for place, docnum in enumerate(by_date):
        order[docnum] = place
    return order
