"""Why a hit matches the query only in part: the words of the query it does not hold, and those
it names only in passing, found for the hits of one page by the tests the ranking made of every
match (ranking: the concepts required of a full match, each matched in full, the specific ones
said; country_ranking: a country named in the headline, or the article about it)."""

from __future__ import annotations

from index.compiled_query import CompiledQuery
from index.country_ranking import named_or_about
from index.postings_scorer import PostingsScorer
from index.ranking import Ranked
from index.salience import Salience

Reasons = tuple[tuple[str, ...], tuple[str, ...]]  # (missing, in passing)


def partial_reasons(
    searcher, compiled: CompiledQuery, ranked: Ranked, docnums: list[int], passing: bool = True
) -> dict[int, Reasons]:
    """docnum -> the words (as typed) of the concepts required of a full match that the
    article does not match at all, and those it matches only in part (in passing, or with a
    concept's words scattered); `passing` as `ranking.rank` takes it."""
    if not docnums or not compiled.labels:
        return {}
    evaluator = PostingsScorer.of(searcher)
    pool = evaluator.pool(docnums)
    strict = compiled.in_full or compiled.concepts
    countries = {place: (code, title) for code, title, place in compiled.titled} if passing else {}
    missing: dict[int, list[str]] = {d: [] for d in docnums}
    partly: dict[int, list[str]] = {d: [] for d in docnums}
    for place in ranked.required:
        holding = set(evaluator.found(compiled.concepts[place], pool).ids.tolist())
        whole = holding
        if strict[place] is not compiled.concepts[place]:
            whole = set(evaluator.found(strict[place], pool).ids.tolist())
        if place in ranked.specific:
            whole = whole & Salience.of(searcher).said(evaluator, strict[place], pool)
        if place in countries:
            whole = named_or_about(searcher, evaluator, *countries[place], whole)
        for d in docnums:
            if d not in holding:
                missing[d].append(compiled.labels[place])
            elif d not in whole:
                partly[d].append(compiled.labels[place])
    return {d: (tuple(missing[d]), tuple(partly[d])) for d in docnums}
