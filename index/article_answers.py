"""The answers of a SearchIndex that are articles rather than a page: every id a query
matches, in the order search ranks them (what an export takes), and the articles like one.

The scorer's modules are imported by the first call, as search imports them (see
search_answers' docstring)."""

from __future__ import annotations

from index.filter_queries import filters_query
from index.query_syntax import parse_query
from index.query_terms import has_plain_words
from index.request_limits import BUDGET_SECONDS, SharedBudget, capped
from index.search_parts import SearchParts, analysing, checked_filters
from index.search_results import Hit, SearchFilters


class ArticleAnswers(SearchParts):
    """The articles a query matches, and those like one (see the module docstring)."""

    def more_like_this(self, article_id: str, limit: int = 5) -> list[Hit]:
        """The articles closest to the given one, by its most telling terms (tf x idf); raises
        NotIndexed."""
        from index.similar import similar_articles  # see the module docstring

        with self._reading() as searcher:
            return similar_articles(searcher, article_id, limit)

    @analysing
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
        restrict = filters_query(checked_filters(filters, query))
        fed = expand and has_plain_words(parsed)  # as search does by default
        with self._reading() as searcher:
            nearest = self._respeller(searcher, budget, cut) if expand else None
            builder = self._builder(searcher, expand, respell=nearest)
            compiled = builder.build(parsed, query)
            ranked = rank(searcher, compiled, restrict, "relevance", None, feedback=fed)
            return [searcher.stored_fields(docnum)["id"] for docnum, _ in ranked.hits]
