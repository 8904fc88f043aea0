"""Answering queries over a SearchIndex: a page of ranked hits with facets, related terms and
a "did you mean", every id a query matches, and the articles like one.

`SearchAnswers` is the reading half of `SearchIndex` (search_index.py), which keeps the index
on disk and gives these methods what they read: `_reading()` (a searcher lent to the block,
the index's freshness checked as it is lent), `_read_aliases()` (the alias table, inside that
block: not checked again), `concepts`, `_spelling` and `_live` (the generation read).

The scorer's modules (ranking and what it evaluates queries with, numpy among them: a fifth
of a CPU second to import) are imported by the first search, not with this module, so that a
command that does not search (`aibrief list`, `--help`) does not load them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from common.echo import echoed
from index.errors import QueryError
from index.filter_queries import filters_query
from index.hits import page_hits
from index.longer_nouns import longer_nouns
from index.query_analysis import reading
from index.query_builder import QueryBuilder
from index.query_syntax import country_code, issue_range, parse_query, section_name
from index.query_terms import has_plain_words
from index.related_chips import RELATED_DOCS, related_chips
from index.request_limits import (
    BUDGET_SECONDS,
    DID_YOU_MEAN,
    RELATED_TERMS,
    Budget,
    SharedBudget,
    capped,
)
from index.search_results import SORTS, Hit, SearchFilters, SearchResult
from index.suggest import nearest_spelling, suggest

Method = TypeVar("Method", bound=Callable)

# What the first search imports (see the module docstring; index.serving imports them sooner).
SEARCH_MODULES = ("index.ranking", "index.score_arrays", "index.similar")


def _analysing(method: Method) -> Method:
    """The method with its query words analysed from the index's store of analyses first
    (see query_analysis): Kiwi is loaded only for words the store does not hold."""

    @wraps(method)
    def analysing(self, *args, **kwargs):
        with reading(self._analyses):
            return method(self, *args, **kwargs)

    return analysing  # type: ignore[return-value]


class SearchAnswers:
    """The queries a SearchIndex answers (see the module docstring for what it provides)."""

    _reading: Any
    _read_aliases: Any
    concepts: Any
    _spelling: Any
    _live: Any
    _analyses: Any

    @_analysing
    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
        *,
        expand: bool = True,
        derived: bool = True,
        partial: bool = True,
        related: bool = True,
        suggestions: bool = True,
        feedback: bool = True,
        broad: bool = True,
        broader: bool = True,
        countries: bool = True,
        verbs: bool = True,
        near: bool = True,
        near_forms: bool = True,
        longer: bool = True,
        passing: bool = True,
        beside: bool = True,
        about: bool = True,
        rarest: bool = True,
        coverage: bool = False,
        together: bool = False,
        chance: bool = True,
        respell: bool = True,
        dates: bool = True,
        budget: float | SharedBudget = BUDGET_SECONDS,
    ) -> SearchResult:
        """One page of ranked, highlighted results with facets; raises QueryError.

        Each mechanism beyond the words typed can be switched off (the quality bench's ablation):
        `expand` (the thesaurus's concepts), `derived` (stems of derived words), `partial` (filling
        the page with articles matching only some of the concepts), `feedback` (pseudo-relevance
        feedback: see index/feedback.py), `broad` (not requiring of a full match the words most
        articles hold: see index/ranking.py), `broader` (the broader concepts of a word that finds
        few articles: index/concepts.py), `countries` (raising the articles about a country the
        query names: index/country_ranking.py), `verbs` (a question's verbs finding their topic
        nouns, 써 -> 사용: index/query_terms.py), `near` (a concept typed in several words matching
        in full only with its words near one another, anywhere apart in part; `near_forms` its
        concept's other forms of several words alike:
        index/query_builder.py), `longer` (a rare word finding the longer nouns it heads that the
        analyser keeps whole, 국방 -> 국방부: index/longer_nouns.py), `passing` (an article naming a
        country of the query only in passing matching that word in part: index/country_ranking.py),
        `beside` (a word a concept typed beside it holds in a form, 보호 in "프라이버시 보호",
        counted but not required of a full match: index/joined_words.py), `about` (an article that
        names a concept of the query only in passing matching it in part: index/about_query.py),
        `rarest` (a partial match lacking the query's rarest topic counting less, and on `coverage`
        by the share of the query it covers: index/partial_order.py), `together` (a full match
        holding the required concepts close raised: index/concepts_together.py), `chance` (words
        held by chance counted only: index/chance_words.py), `respell` (a word no article holds,
        that no concept widens, looked up as the archive's nearest spelling of it:
        index/clause_forms.py; the search waits for the spelling index up to the budget), `dates`
        (the articles of a period the query's time words say raised: index/time_words.py); `related`
        and `suggestions` skip finding the related terms (연관어) and the "did you mean". Both are
        skipped once the search has run `budget` seconds, counted from the query's compilation (so
        that loading Kiwi in a new process does not spend it), or once a SharedBudget that other
        searches draw on too is spent; the result's `limits` say what was cut."""
        if sort not in SORTS:
            raise QueryError(
                query,
                "unknown sort %(sort)s (sorts: %(sorts)s)",
                sort=echoed(sort),
                sorts=", ".join(SORTS),
            )
        if page < 1 or per_page < 1:
            raise QueryError(query, "page and per_page must be 1 or more")
        from index.match_reasons import partial_reasons  # see the module docstring
        from index.ranking import rank
        from index.score_arrays import largest

        limits: list[str] = []
        parsed = capped(parse_query(query), limits.append)
        restrict = filters_query(_checked(filters, query))
        # feedback expands the words typed: not for exact words, fields, or expand=False
        fed = feedback and expand and has_plain_words(parsed)
        with self._reading() as searcher:
            nearest = self._respeller(searcher, budget, limits) if respell and expand else None
            switches = (expand, derived, broader, verbs, near, longer, beside, nearest, dates)
            builder = self._builder(searcher, *switches, near_forms)
            compiled = builder.build(parsed, query)
            if isinstance(budget, SharedBudget):
                spending = Budget(budget.seconds, budget.start(), limits)
            else:
                spending = Budget(budget, limits=limits)
            kept = (partial, fed, broad, countries, passing, about, rarest, coverage, together)
            ranked = rank(searcher, compiled, restrict, sort, page * per_page, *kept, chance=chance)
            first = (page - 1) * per_page
            shown = ranked.hits[first : page * per_page]
            partly = [d for d, _ in shown if d not in ranked.full]
            reasons = partial_reasons(searcher, compiled, ranked, partly, passing)
            hits, found = page_hits(searcher, shown, first, compiled, ranked, reasons)
            related_found: tuple[str, ...] = ()
            if related and spending.spent:
                spending.skipped(RELATED_TERMS)
            elif related:
                best = largest(ranked.counted, RELATED_DOCS)
                own = compiled.own_terms()
                related_found = related_chips(searcher, builder, best, own)
            suggestion = None
            if suggestions and (ranked.total == 0 or ranked.fallback):
                suggestion = self._suggestion(searcher, query, compiled, restrict, spending)
            return SearchResult(
                query,
                ranked.total,
                hits,
                ranked.facets,
                suggestion,
                ranked.fallback,
                page,
                per_page,
                expansions={w: tuple(f) for w, f in compiled.expansions.items()},
                expansions_found=found,
                related_terms=related_found,
                limits=tuple(spending.limits),
            )

    def _suggestion(self, searcher, query, compiled, restrict, budget: Budget) -> str | None:
        # Whoosh numbers each index directory's commits from 0: the directory is in the key.
        generation = (self._live, searcher.reader().generation())
        speller = self._spelling.get(generation, budget.remaining())
        if speller is None:
            budget.skipped(DID_YOU_MEAN)
            return None
        from index.ranking import finds_any  # see the module docstring

        builder = QueryBuilder(self._read_aliases(), self.concepts)

        def finds(text: str) -> bool:  # any article at all: the first match, not a count
            try:
                corrected = builder.build(capped(parse_query(text), lambda limit: None), text)
            except QueryError:
                return False
            return finds_any(searcher, corrected.all_words, restrict)

        return suggest(speller, query, compiled.words, finds, budget)

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]:
        """The articles closest to the given one, by its most telling terms (tf x idf); raises
        NotIndexed."""
        from index.similar import similar_articles  # see the module docstring

        with self._reading() as searcher:
            return similar_articles(searcher, article_id, limit)

    @_analysing
    def article_ids(
        self,
        query: str,
        filters: SearchFilters | None = None,
        expand: bool = True,
        *,
        budget: float | SharedBudget = BUDGET_SECONDS,
        limits: list[str] | None = None,
    ) -> list[str]:
        """Every article `search` counts in `total`, in the order it ranks them; the spelling
        index is waited for within `budget`, as search waits, and what was cut for it is
        appended to `limits`."""
        from index.ranking import rank  # see the module docstring

        cut = [] if limits is None else limits
        parsed = capped(parse_query(query), cut.append)
        restrict = filters_query(_checked(filters, query))
        fed = expand and has_plain_words(parsed)  # as search does by default
        with self._reading() as searcher:
            nearest = self._respeller(searcher, budget, cut) if expand else None
            builder = self._builder(searcher, expand, respell=nearest)
            compiled = builder.build(parsed, query)
            ranked = rank(searcher, compiled, restrict, "relevance", None, feedback=fed)
            return [searcher.stored_fields(docnum)["id"] for docnum, _ in ranked.hits]

    def _respeller(self, searcher, budget: float | SharedBudget, limits: list):
        """suggest.nearest_spelling over this generation's spelling index, waited for up to the
        budget's seconds."""
        timeout = budget.seconds if isinstance(budget, SharedBudget) else budget
        generation = (self._live, searcher.reader().generation())
        return nearest_spelling(lambda: self._spelling.get(generation, timeout), limits)

    def _builder(
        self,
        searcher,
        expand: bool,
        derived: bool = True,
        broader: bool = True,
        verbs: bool = True,
        near: bool = True,
        longer: bool = True,
        beside: bool = True,
        respell=None,
        dates: bool = True,
        near_forms: bool = True,
    ) -> QueryBuilder:
        """The query builder of one search (its switches as `search` takes them), testing
        counts over this searcher's cached postings."""
        from index.period_ranking import held_issues  # see the module docstring
        from index.ranking import FEW, finds_fewer

        few = finds_fewer(searcher, FEW) if broader else None
        absent = finds_fewer(searcher, 1)
        heads = longer_nouns(searcher) if longer else None
        held = held_issues(searcher) if dates else None
        switches = (expand, derived, few, verbs, absent, near, heads, beside, respell, held)
        return QueryBuilder(self._read_aliases(), self.concepts, *switches, near_forms)


def _checked(filters: SearchFilters | None, query: str) -> SearchFilters | None:
    """Filters with canonical section names; a bad section or issue is a QueryError."""
    if filters is None:
        return None
    for end in (filters.issue_from, filters.issue_to, *filters.issues):
        if end is not None:
            issue_range(end, query)
    return SearchFilters(
        tuple(section_name(s, query) for s in filters.sections),
        filters.issue_from,
        filters.issue_to,
        filters.actors,
        tuple(country_code(c, query) for c in filters.countries),
        filters.issues,
    )
