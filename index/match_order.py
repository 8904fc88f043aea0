"""The order of a query's matches: the best by score (ties newest first), or by date."""

from __future__ import annotations

import heapq

from index.postings_scorer import PostingsScorer, Scores
from index.score_arrays import Found, reaching

# Above this many matches per wanted hit, the best are found by their score alone first.
BROAD = 8


def best(evaluator: PostingsScorer, scores: Scores | Found, limit: int | None):
    """Highest score first, as (docnum, score); ties newest first (PostingsScorer.tie_order)."""
    tie_order = evaluator.tie_order
    if isinstance(scores, Found) and (limit is None or len(scores) <= BROAD * limit):
        scores = scores.as_dict()

    def key(item):
        return (-item[1], tie_order[item[0]])

    if limit is None:
        return sorted(scores.items(), key=key)
    if len(scores) > BROAD * limit:
        # A broad query: order only the matches that reach the cut-off score.
        ids, values = reaching(scores, limit)
        return sorted(zip(ids.tolist(), values.tolist(), strict=True), key=key)[:limit]
    return heapq.nsmallest(limit, scores.items(), key=key)


def best_of(searcher, q, limit: int) -> list[tuple[int, float]]:
    """The `limit` best matches of a query without filters or fallback, as (docnum, score)."""
    evaluator = PostingsScorer.of(searcher)
    return best(evaluator, evaluator.evaluate(q), limit)


def by_date(evaluator: PostingsScorer, scores: Scores | Found, newest: bool, limit: int | None):
    """By issue (newest or oldest first), then by page within an issue."""
    scores = scores.as_dict() if isinstance(scores, Found) else scores
    issues, pages = evaluator.columns["issue"], evaluator.columns["page"]
    if newest:
        ordered = sorted(scores.items(), key=lambda item: (issues[item[0]], -pages[item[0]]))
        ordered.reverse()
    else:
        ordered = sorted(scores.items(), key=lambda item: (issues[item[0]], pages[item[0]]))
    return ordered if limit is None else ordered[:limit]
