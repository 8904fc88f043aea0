"""What a search takes and returns: frozen dataclasses with a JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions combined (AND) with the query's own: sections, and an issue range."""

    sections: tuple[str, ...] = ()
    issue_from: str | None = None  # "YYYY-MM", inclusive
    issue_to: str | None = None  # "YYYY-MM", inclusive

    def __post_init__(self) -> None:
        object.__setattr__(self, "sections", tuple(self.sections))


@dataclass(frozen=True)
class Hit:
    """One matching article: where it is, its score, and why it matched."""

    id: str
    issue: str
    section: str
    title: str
    page: int
    score: float
    snippet: str  # HTML-escaped text; matched words wrapped in <mark>…</mark>
    terms: tuple[str, ...] = ()  # the surface strings matched, for highlighting on the page image

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "issue": self.issue,
            "section": self.section,
            "title": self.title,
            "page": self.page,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "terms": list(self.terms),
        }


@dataclass(frozen=True)
class SearchResult:
    """One page of results, with facet counts over all matches."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # section/issue/year -> counts
    suggestion: str | None = None  # a query that finds more, when this one finds little
    # True when articles holding only some of the words are listed (after any holding them
    # all): no article, or fewer than three, had every word of a multi-word query.
    fallback: bool = False
    page: int = 1
    per_page: int = 10

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "hits": [h.to_json() for h in self.hits],
            "facets": {name: dict(counts) for name, counts in self.facets.items()},
            "suggestion": self.suggestion,
            "fallback": self.fallback,
            "page": self.page,
            "per_page": self.per_page,
        }
