"""Ranking a compiled query: all words first, any words when all words find little."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from whoosh import scoring

from index.actor_facets import ActorColumns
from index.postings_scorer import K1, B, PostingsScorer, Scores
from index.query_builder import CompiledQuery

SORTS = ("relevance", "newest", "oldest")
FACETS = ("section", "issue", "year")
# With fewer articles than this holding every word of a multi-word query, the articles holding
# some of the words follow them: a question typed in full rarely shares every word with the
# article that answers it.
FEW_RESULTS = 3
# Above this many matches per wanted hit, the best are found by their score alone first.
BROAD = 8


def weighting() -> scoring.WeightingModel:
    """BM25F, as the evaluator computes it."""
    return scoring.BM25F(B=B, K1=K1)


@dataclass
class Ranked:
    """The matches of a query in order as (docnum, score), their count and facet counts."""

    hits: list[tuple[int, float]]
    total: int
    facets: dict[str, dict[str, int]]
    fallback: bool


def _best(evaluator: PostingsScorer, scores: Scores, limit: int | None) -> list[tuple[int, float]]:
    """Highest score first; ties newest first (see PostingsScorer.tie_order)."""
    tie_order = evaluator.tie_order

    def key(item):
        return (-item[1], tie_order[item[0]])

    if limit is None:
        return sorted(scores.items(), key=key)
    if len(scores) > BROAD * limit:
        # A broad query: find the cut-off score among bare floats first (fast), then order
        # only the matches that reach it.
        cut = heapq.nlargest(limit, scores.values())[-1]
        return sorted(((d, s) for d, s in scores.items() if s >= cut), key=key)[:limit]
    return heapq.nsmallest(limit, scores.items(), key=key)


def best_of(searcher, q, limit: int) -> list[tuple[int, float]]:
    """The `limit` best matches of a query without filters or fallback, as (docnum, score)."""
    evaluator = PostingsScorer.of(searcher)
    return _best(evaluator, evaluator.evaluate(q), limit)


def _by_date(evaluator: PostingsScorer, scores: Scores, newest: bool, limit: int | None):
    """By issue (newest or oldest first), then by page within an issue."""
    issues, pages = evaluator.columns["issue"], evaluator.columns["page"]
    if newest:
        ordered = sorted(scores.items(), key=lambda item: (issues[item[0]], -pages[item[0]]))
        ordered.reverse()
    else:
        ordered = sorted(scores.items(), key=lambda item: (issues[item[0]], pages[item[0]]))
    return ordered if limit is None else ordered[:limit]


def rank(searcher, compiled: CompiledQuery, restrict, sort: str, limit: int | None) -> Ranked:
    """The first `limit` matches (None: all), with the total and facets over every match."""
    evaluator = PostingsScorer.of(searcher)
    allowed = None if restrict is None else evaluator.evaluate(restrict)

    def matches(q) -> Scores:
        scores = evaluator.evaluate(q)
        return scores if allowed is None else {d: s for d, s in scores.items() if d in allowed}

    scores, extra, fallback = matches(compiled.all_words), {}, False
    if compiled.any_words is not None and len(scores) < FEW_RESULTS:
        wider = matches(compiled.any_words)
        extra = {d: s for d, s in wider.items() if d not in scores}
        fallback = bool(extra)
    everything = {**scores, **extra}
    if sort == "relevance":
        hits = _best(evaluator, scores, limit)
        if extra and (limit is None or len(hits) < limit):
            hits += _best(evaluator, extra, None if limit is None else limit - len(hits))
    else:
        hits = _by_date(evaluator, everything, sort == "newest", limit)
    facets = {
        **evaluator.facets(everything, FACETS),
        **ActorColumns.of(searcher).facets(everything),
    }
    return Ranked(hits, len(everything), facets, fallback)
