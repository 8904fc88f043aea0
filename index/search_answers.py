"""Answering queries over a SearchIndex: a page of ranked hits with facets, related terms and
a "did you mean".

`SearchAnswers` is the reading half of `SearchIndex` (search_index.py), which keeps the index
on disk and gives these methods what they read (search_parts.py names it). Its other answers,
every id a query matches and the articles like one, are ArticleAnswers' (article_answers.py);
the parts a search is made of (its query builder, the "did you mean") are SearchParts'.

The scorer's modules (ranking and what it evaluates queries with, numpy among them: a fifth
of a CPU second to import) are imported by the first search, not with this module, so that a
command that does not search (`aibrief list`, `--help`) does not load them.
"""

from __future__ import annotations

from common.echo import echoed
from index.article_answers import ArticleAnswers
from index.errors import QueryError
from index.filter_queries import filters_query
from index.hits import page_hits
from index.query_syntax import parse_query
from index.query_terms import has_plain_words
from index.related_chips import RELATED_DOCS, related_chips
from index.request_limits import (
    BUDGET_SECONDS,
    RELATED_TERMS,
    Budget,
    SharedBudget,
    capped,
)
from index.search_parts import analysing, checked_filters
from index.search_results import SORTS, SearchFilters, SearchResult

# What the first search imports (see the module docstring; index.serving imports them sooner).
SEARCH_MODULES = ("index.ranking", "index.score_arrays", "index.similar")


class SearchAnswers(ArticleAnswers):
    """The queries a SearchIndex answers (see the module docstring for what it provides)."""

    @analysing
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
        restrict = filters_query(checked_filters(filters, query))
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
