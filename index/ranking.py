"""Ranking a compiled query by how much of it an article covers.

Articles that match every concept of the query (each word with its alternatives and
expansions) come first, by BM25F. Below them, filling the page, come articles that match some
of the concepts, by the BM25F of the concepts they match. That sum already weighs each concept
by how telling it is (idf) and how much the article says of it; ordering them by how many
concepts they match first, or by the idf-weighted share of the query they cover, ranked worse
on the quality bench (nDCG@10 0.872 and 0.860 against 0.875 on the main set, 0.656 and 0.599
against 0.680 on the held-out queries): a long query's commonest word ("AI", "기업") made
articles with it and one stray word outrank the article about the rest. A partial match never
comes before a full one. An article matches a concept typed in several words in full only where
its words stand near one another (query_builder.NEAR_WINDOW); with them anywhere apart, in part.
A full match is about the query: of a query of two concepts or more that it must match, it says
each specific one (about_query; salience.SAID: in its headline or KEY Contents, or more than
once), and one that names such a concept only in passing (once in its body, among its sources,
or by a narrower form) matches it in part. Filters and exclusions hold for both. `total` and the
facets count the full matches; when there are none, the partial ones (and `fallback` says so)."""

from __future__ import annotations

from dataclasses import dataclass, field

from whoosh import query as wq

from index.about_query import said_in_full, specific_places
from index.actor_facets import ActorColumns
from index.chance_words import Relaxed, everything, relaxed
from index.compiled_query import CompiledQuery
from index.concepts_together import together_raised
from index.country_ranking import in_passing, raised_about
from index.feedback import (
    FEEDBACK_BELOW,
    FEEDBACK_DOCS,
    FEEDBACK_RERANK,
    feedback_scores,
    with_feedback,
)
from index.match_order import best, by_date
from index.partial_order import ordered
from index.period_ranking import raised_in
from index.postings_scorer import PostingsScorer, Scores
from index.score_arrays import NOTHING, Found

FACETS = ("section", "issue", "year")
# Measured within the groups and not kept (nDCG@10 all / held-out / held-out 2 / held-out 7 on
# the quality bench, against 0.944 / 0.889 / 0.823 / 0.769): the partial matches' scores times
# the share of the required concepts they match (Lucene's coord), 0.939 / 0.848 / 0.789 / 0.771;
# the full matches whose headline holds every concept they must say raised to twice their
# score, 0.941 / 0.889 / 0.821 / 0.774 (AI 규제 모라토리엄 1.000 -> 0.631), and with every
# required concept of a one-concept query too, 0.941 / 0.889 / 0.816 / 0.777 (jailbreak, 사이버
# 보안 1.000 -> 0.797, 0.709): the open groups fell.
# A concept of the query one of whose terms more than this share of the archive holds ("AI",
# "기술") is not required of a full match: it adds to the score of the articles that hold it.
# On the quality bench (nDCG@10 all / new / held-out / held-out 2, with the other mechanisms) it
# took 0.915 / 0.868 / 0.765 / 0.612 to 0.915 / 0.868 / 0.765 / 0.632. Counting the articles the
# whole concept matches (all its forms) instead gave 0.916 / 0.871 / 0.765 / 0.627, but counting
# them took warm p95 at 10,000 articles from 0.7 to 0.9 of Whoosh's; a term's count is read off
# its cached postings. Without broader concepts, counted shares of 0.2, 0.3, 0.4 and 0.5 gave
# 0.902, 0.908, 0.906 and 0.906 on all (0.907 without).
BROAD_SHARE = 0.3
# A word whose forms match fewer articles than this also looks for its broader concept's
# (query_builder). Fewer than 3, 5 and 10 gave 0.916, 0.915 and 0.911 on all (0.908 without),
# 0.765, 0.765 and 0.775 held out; always looking for them gave 0.909 and 0.775, but pulled
# topic queries down (데이터센터 투자 0.935 -> 0.767, reasoning model 0.954 -> 0.781).
FEW = 5
# A strict order, every full match above every partial one, is the order the issue asks for. A
# margin that let a strong partial match outrank a weak full one (a full match counting 1.3
# times its score against the partial ones, when fewer than ten matched in full) gave nDCG@10
# all / new / held-out / held-out 2 / held-out 3 of 0.935 / 0.900 / 0.869 / 0.777 / 0.914
# against 0.931 / 0.892 / 0.862 / 0.766 / 0.915 without it; most of what it won back came from
# full matches that were full only through a concept's typed words scattered through them, which
# now match it only in part (query_builder.NEAR_WINDOW): 0.933 / 0.895 / 0.863 / 0.777 / 0.915.


@dataclass
class Ranked:
    """The matches of a query in order as (docnum, score), their count and facet counts."""

    hits: list[tuple[int, float]]
    total: int
    facets: dict[str, dict[str, int]]
    fallback: bool
    full: frozenset[int] = frozenset()  # the hits that match in full (and maybe others)
    # docnum -> score of what `total` counts (partial matches as arrays: PostingsScorer.summed)
    counted: Scores | Found = field(default_factory=dict)
    # the places among the query's concepts of those required of a full match, and of those it
    # must say (about_query.specific_places); what match_reasons tests a partial match against
    required: tuple[int, ...] = ()
    specific: tuple[int, ...] = ()

    def is_full(self, place: int) -> bool:
        """Whether the hit at this 0-based place in the whole order matches every concept."""
        return self.hits[place][0] in self.full


def finds_any(searcher, q, restrict) -> bool:
    """Whether any article matches the query within the filters, over the cached postings
    (Whoosh's own search, even for one hit, walks its matchers over every match: seconds for
    a broad query at 10,000 articles)."""
    evaluator = PostingsScorer.of(searcher)
    if restrict is None:  # most often told by the bounds, without building a match
        return evaluator.count_above(q, 0)
    return bool(evaluator.evaluate(q, set(evaluator.evaluate(restrict))))


def finds_fewer(searcher, count: int):
    """A test of whether a query matches fewer than `count` articles (1: none at all), over
    the cached postings."""
    evaluator = PostingsScorer.of(searcher)
    return lambda q: not evaluator.count_above(q, count - 1)


def rank(
    searcher,
    compiled: CompiledQuery,
    restrict,
    sort: str,
    limit: int | None,
    partial: bool = True,
    feedback: bool = False,
    broad: bool = True,
    countries: bool = True,
    passing: bool = True,
    about: bool = True,
    rarest: bool = True,
    coverage: bool = False,
    together: bool = False,
    chance: bool = True,
) -> Ranked:
    """The first `limit` matches (None: all), with the total and facets (see the module
    docstring). partial=False lists full matches only, or partial ones when none is full;
    feedback=True adds pseudo-relevance feedback; broad=False requires even the concepts most
    articles match (see BROAD_SHARE); countries=False leaves the articles about a country the
    query names unraised (see country_ranking.COUNTRY_BOOST); passing=False lets an article
    that names such a country only in passing match it in full (see in_passing); about=False
    lets an article that names a concept only in passing match it in full (see about_query);
    rarest=False orders the partial matches by their score alone and coverage=True by the share
    of the query they cover too (see partial_order); together=True, see concepts_together;
    chance=False requires the words the articles on the rest hold by chance (chance_words)."""
    evaluator = PostingsScorer.of(searcher)
    allowed = None if restrict is None else set(evaluator.evaluate(restrict))
    groups = compiled.concepts
    narrow, counted_only = required_concepts(evaluator, compiled) if broad else (list(groups), [])
    kept = Relaxed(narrow, counted_only)
    if chance and broad:  # the words held by chance counted only (chance_words)
        kept = relaxed(evaluator, compiled, narrow, counted_only)
        narrow, counted_only = kept.narrow, kept.broad
    full = _full_matches(evaluator, compiled, allowed, narrow, counted_only) if broad else None
    if full is None:
        full = _among(evaluator.evaluate(compiled.all_words), allowed)
    if passing and compiled.titled:
        full = in_passing(searcher, evaluator, compiled.titled, full)
    required = tuple(i for i, g in enumerate(groups) if any(g is n for n in narrow))
    specific = specific_places(evaluator, compiled, required) if about else ()
    full = said_in_full(searcher, evaluator, compiled, full, specific)
    full = together_raised(searcher, evaluator, narrow, full, limit) if together else full
    # partial matches fill a page, below the full ones
    wanted = not full or kept.unheld or (partial and limit is not None and len(full) < limit)
    some = _partial(evaluator, compiled, allowed, full) if wanted else NOTHING
    some = ordered(evaluator, compiled, required, some, rarest, coverage)
    named = compiled.countries if countries else ()
    if (named or compiled.periods) and sort == "relevance":
        some = some.as_dict()  # the raises take dicts
        if named:
            full, some = (raised_about(searcher, named, s) for s in (full, some))
        if compiled.periods:
            full, some = (raised_in(searcher, compiled.periods, s) for s in (full, some))
    if feedback and sort == "relevance":
        full, some = _fed_back(searcher, evaluator, compiled, full, some, kept.typed)
    counted = everything(evaluator, full, some) if kept.unheld else full or some
    rest = None if limit is None else limit - min(len(full), limit)
    if sort == "relevance":
        hits = best(evaluator, full, limit)
        if some and rest != 0:
            hits += best(evaluator, some, rest)
    else:
        newest = sort == "newest"
        hits = by_date(evaluator, full, newest, limit)
        if some and rest != 0:
            hits += by_date(evaluator, some, newest, rest)
    matched = evaluator.pool(counted)  # once for both counts
    facets = {
        **evaluator.facets(matched, FACETS),
        **ActorColumns.of(searcher).facets(matched),
    }
    whole = frozenset(d for d, _ in hits if d in full)
    fallback = not full and bool(some)
    if kept.unheld:  # no article holds a word typed: every match is partial (chance_words)
        whole, fallback, required = frozenset(), bool(len(counted)), (*required, *kept.unheld)
    return Ranked(hits, len(counted), facets, fallback, whole, counted, required, specific)


def _fed_back(searcher, evaluator, compiled, full: Scores, some: Scores, typed: int | None):
    """The full and partial scores raised by pseudo-relevance feedback (see feedback), when
    the full matches (`typed`: those holding the words held by chance too) do not fill a page."""
    if (len(full) if typed is None else typed) >= FEEDBACK_BELOW:
        return full, some
    best_full = best(evaluator, full, FEEDBACK_RERANK)
    best_some = best(evaluator, some, FEEDBACK_RERANK)
    first = (best_full + best_some)[:FEEDBACK_DOCS]
    if not first:
        return full, some
    own = compiled.own_terms()
    within = {d for d, _ in best_full + best_some}
    found = feedback_scores(searcher, evaluator, [d for d, _ in first], own, within)
    top = first[0][1]
    return with_feedback(full, found, top), with_feedback(some, found, top)


def required_concepts(evaluator: PostingsScorer, compiled: CompiledQuery) -> tuple[list, list]:
    """The concepts a full match must match, and those it need not (the broad ones, one of whose
    terms more than BROAD_SHARE of the archive holds, and the optional ones: head nouns and
    their like, CompiledQuery.optional): every concept but the optional ones when all the others
    are broad, every concept when all are optional."""
    groups = compiled.concepts
    cut = BROAD_SHARE * evaluator.doc_count
    core = [g for g in groups if g not in compiled.optional] or list(groups)
    broad = [g for g in core if evaluator.least(g) > cut]
    if len(broad) == len(core):
        broad = []
    broad += [g for g in groups if g not in core]
    return [g for g in groups if g not in broad], broad


def _full_matches(
    evaluator: PostingsScorer, compiled: CompiledQuery, allowed, narrow: list, broad: list
) -> Scores:
    """docnum -> score of the articles matching every `narrow` concept (required_concepts); the
    `broad` ones, optional and broad, add to the score where they match. A concept matches as
    `in_full` says; the matches are scored by all they match of the query."""
    groups = compiled.concepts
    if not broad:
        found = _among(evaluator.evaluate(compiled.all_words), allowed)
        return _rescored(evaluator, compiled, groups, [], found)
    within = _restricted(evaluator, compiled, allowed)
    # by identity: a concept's hash is its whole tree's, walked anew at every look
    strict = dict(zip(map(id, groups), compiled.in_full or groups, strict=True))
    required = [strict[id(g)] for g in narrow]
    found = evaluator.raised(_and(required), [strict[id(g)] for g in broad], within)
    return _rescored(evaluator, compiled, narrow, broad, found)


def _rescored(evaluator, compiled: CompiledQuery, narrow: list, broad: list, found: Scores):
    """The full matches scored by every form of the concepts they match, their words apart
    too, when a concept matched in full only with its words near one another."""
    if not compiled.in_full or not found:
        return found
    return evaluator.raised(_and(narrow), broad, set(found))


def _and(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.And(queries)


def _partial(evaluator: PostingsScorer, compiled: CompiledQuery, allowed, full: Scores) -> Found:
    """The summed score of the articles matching some concepts but not all, within the
    filters and exclusions (as arrays: see PostingsScorer.summed)."""
    if len(compiled.concepts) < 2 and not compiled.in_full and not compiled.titled:
        return NOTHING
    within = _restricted(evaluator, compiled, allowed)
    return evaluator.summed(compiled.concepts, within, full)


def _among(scores: Scores, allowed: set[int] | None) -> Scores:
    """The scores of the articles among `allowed` (None: every article)."""
    return scores if allowed is None else {d: s for d, s in scores.items() if d in allowed}


def _restricted(evaluator: PostingsScorer, compiled: CompiledQuery, allowed: set[int] | None):
    """The articles among `allowed` that the query's own restrictions keep (CompiledQuery.restrict:
    what it filters by as it is typed, and its exclusions); `allowed` itself when it has none."""
    if compiled.restrict is None:
        return allowed
    return set(evaluator.evaluate(compiled.restrict, allowed))
