"""Whoosh queries for what narrows a search: sections, an issue range, actors, countries."""

from __future__ import annotations

from whoosh import query as wq

from index.aliases import alias_key
from index.analysis import normalize
from index.search_results import SearchFilters


class UnionOr(wq.Or):
    """An Or that merges its parts' matches as it goes. (Whoosh's plain Or reads and scores
    every match of every part up front on indexes under 5,000 documents.)"""

    matcher_type = wq.Or.DEFAULT_MATCHER


def filter_query(
    sections: tuple[str, ...], issue_from: str | None, issue_to: str | None
) -> wq.Query | None:
    """Sections (any of) and an inclusive issue range, as one Whoosh query (None: no filter)."""
    parts: list[wq.Query] = []
    if sections:
        parts.append(UnionOr([wq.Term("section", s) for s in dict.fromkeys(sections)]))
    if issue_from or issue_to:
        parts.append(wq.TermRange("issue", issue_from, issue_to))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)


def filters_query(filters: SearchFilters | None) -> wq.Query | None:
    """SearchFilters as a Whoosh query (sections and countries are canonicalised by the
    caller)."""
    if filters is None:
        return None
    parts = [
        *(wq.Term("actor", alias_key(normalize(a))) for a in filters.actors),
        *(wq.Term("country", c) for c in filters.countries),
    ]
    if filters.issues:
        parts.append(UnionOr([wq.Term("issue", i) for i in dict.fromkeys(filters.issues)]))
    dates = filter_query(filters.sections, filters.issue_from, filters.issue_to)
    if dates is not None:
        parts.append(dates)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
