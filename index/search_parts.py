"""What a SearchIndex's answers are made with: the query builder of one search, the archive's
nearest spelling of a word no article holds, the "did you mean", the filters checked, and the
query words analysed from the index's store first.

`SearchParts` is the base of SearchAnswers (search_answers.py) and ArticleAnswers
(article_answers.py). The SearchIndex they make up (search_index.py) keeps the index on disk
and gives them what they read: `_reading()` (a searcher lent to the block, the index's
freshness checked as it is lent), `_read_aliases()` (the alias table, inside that block: not
checked again), `concepts`, `_spelling`, `_live` (the generation read) and `_analyses`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from index.errors import QueryError
from index.longer_nouns import longer_nouns
from index.query_analysis import reading
from index.query_builder import QueryBuilder
from index.query_syntax import country_code, issue_range, parse_query, section_name
from index.request_limits import DID_YOU_MEAN, Budget, SharedBudget, capped
from index.search_results import SearchFilters
from index.suggest import nearest_spelling, suggest

Method = TypeVar("Method", bound=Callable)


def analysing(method: Method) -> Method:
    """The method with its query words analysed from the index's store of analyses first
    (see query_analysis): Kiwi is loaded only for words the store does not hold."""

    @wraps(method)
    def analysing(self, *args, **kwargs):
        with reading(self._analyses):
            return method(self, *args, **kwargs)

    return analysing  # type: ignore[return-value]


class SearchParts:
    """The parts the answers of a SearchIndex share (see the module docstring)."""

    _reading: Any
    _read_aliases: Any
    concepts: Any
    _spelling: Any
    _live: Any
    _analyses: Any

    def _suggestion(self, searcher, query, compiled, restrict, budget: Budget) -> str | None:
        # Whoosh numbers each index directory's commits from 0: the directory is in the key.
        generation = (self._live, searcher.reader().generation())
        speller = self._spelling.get(generation, budget.remaining())
        if speller is None:
            budget.skipped(DID_YOU_MEAN)
            return None
        from index.ranking import finds_any  # see search_answers' docstring

        builder = QueryBuilder(self._read_aliases(), self.concepts)

        def finds(text: str) -> bool:  # any article at all: the first match, not a count
            try:
                corrected = builder.build(capped(parse_query(text), lambda limit: None), text)
            except QueryError:
                return False
            return finds_any(searcher, corrected.all_words, restrict)

        return suggest(speller, query, compiled.words, finds, budget)

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
        from index.period_ranking import held_issues  # see search_answers' docstring
        from index.ranking import FEW, finds_fewer

        few = finds_fewer(searcher, FEW) if broader else None
        absent = finds_fewer(searcher, 1)
        heads = longer_nouns(searcher) if longer else None
        held = held_issues(searcher) if dates else None
        switches = (expand, derived, few, verbs, absent, near, heads, beside, respell, held)
        return QueryBuilder(self._read_aliases(), self.concepts, *switches, near_forms)


def checked_filters(filters: SearchFilters | None, query: str) -> SearchFilters | None:
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
