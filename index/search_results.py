"""What a search takes and returns: frozen dataclasses (their JSON form is archive.contract's)."""

from __future__ import annotations

from dataclasses import dataclass, field

from index.request_limits import cut_for_time

SORTS = ("relevance", "newest", "oldest")  # the orders a search can take, relevance first


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions combined (AND) with the query's own: sections, an issue range, actors
    (any spelling) and countries (a code or a name)."""

    sections: tuple[str, ...] = ()
    issue_from: str | None = None  # "YYYY-MM", inclusive
    issue_to: str | None = None  # "YYYY-MM", inclusive
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()  # any of these issues ("YYYY-MM"), within the range

    def __post_init__(self) -> None:
        for name in ("sections", "actors", "countries", "issues"):
            object.__setattr__(self, name, tuple(getattr(self, name)))


@dataclass(frozen=True)
class Hit:
    """One matching article: where it is, its score, and why it matched."""

    id: str
    issue: str
    section: str | None  # None: an article of an issue read generically, with no section label
    title: str
    page: int
    score: float
    snippet: str  # plain text around the matches
    marks: tuple[tuple[int, int], ...] = ()  # (start, end) of each matched word in `snippet`
    terms: tuple[str, ...] = ()  # the surface strings matched, for highlighting on the page image
    pdf_pages: tuple[int, int] = (0, 0)  # first and last 1-based page of the PDF file
    match: str = "all"  # "all": every word of the query; "partial": some (a fallback hit)
    # of a partial match, the words of the query it does not hold, and those it names only in
    # passing or with their words scattered (index/match_reasons.py); () for a full match
    missing: tuple[str, ...] = ()
    passing: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchResult:
    """One page of results, with facet counts over all matches."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # section/issue/year -> counts
    suggestion: str | None = None  # a query that finds more, when this one finds little
    # True when no article matches every concept of the query, so that `total`, the facets
    # and the hits are the articles matching some of them.
    fallback: bool = False
    page: int = 1
    per_page: int = 10
    expansions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word -> words added
    # word -> {form added: hits of this page holding it}, most held first (matched_forms.py)
    expansions_found: dict[str, dict[str, int]] = field(default_factory=dict)
    related_terms: tuple[str, ...] = ()  # words that often come with the query's, best first
    limits: tuple[str, ...] = ()  # what was cut short to bound the work (request_limits.py)

    @property
    def cut_for_time(self) -> bool:
        """Whether the time budget cut its optional work short: an answer that depends on
        the machine's load, not worth keeping."""
        return cut_for_time(self.limits)
