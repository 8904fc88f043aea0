"""Facet counts from a search result, as links that add (or remove) a filter.

Two facets are shown: sections by count, and a calendar of issues (each year with its twelve
months, newest year first) in place of a long list of issue ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from archive import SearchQuery

Link = Callable[..., str]  # link(**changes to the SearchQuery) -> URL


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: its count, and the link that toggles it."""

    value: str
    count: int
    active: bool
    href: str


@dataclass(frozen=True)
class Facet:
    """The section facet and its values."""

    name: str  # "section"
    values: tuple[FacetValue, ...]


@dataclass(frozen=True)
class Month:
    """One month of a year in the issue calendar; a link only when it has matches."""

    issue: str  # YYYY-MM
    month: int
    count: int
    active: bool
    href: str | None


@dataclass(frozen=True)
class CalendarYear:
    """A year in the issue calendar: its total, the link to filter by it, and its months."""

    year: str
    count: int
    active: bool
    href: str
    months: tuple[Month, ...]  # January to December


@dataclass(frozen=True)
class Facets:
    """What the results page offers to narrow a search."""

    section: Facet
    calendar: tuple[CalendarYear, ...]  # newest year first


# A search result's facet counts, as the index gives them: {facet: {value: count}}.
FacetCounts = Mapping[str, Mapping[str, int]]


def facet_counts(facets: FacetCounts, name: str) -> dict[str, int]:
    """One facet's counts as {value: count} (empty when the result has no such facet)."""
    return dict(facets.get(name, {}))


def build_facets(facets: FacetCounts, request: SearchQuery, link: Link) -> Facets:
    """The section facet and the issue calendar; a link toggles its filter, back to page 1."""
    counts = facet_counts(facets, "section")
    values = []
    for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        active, href = _section_link(value, request, link)
        values.append(FacetValue(value, count, active, href))
    return Facets(Facet("section", tuple(values)), issue_calendar(facets, request, link))


def actor_facets(facets: FacetCounts, request: SearchQuery, link: Link) -> tuple[Facet, Facet]:
    """The actor facet (the query's top actors) and the country facet; a value's link adds
    it to the actor or country filter, or takes it out again."""
    found = []
    for name, field in (("actor", "actors"), ("country", "countries")):
        chosen = getattr(request, field)
        values = []
        for value, count in facet_counts(facets, name).items():
            active = value in chosen
            toggled = tuple(v for v in chosen if v != value) if active else (*chosen, value)
            values.append(FacetValue(value, count, active, link(**{field: toggled, "page": 1})))
        found.append(Facet(name, tuple(values)))
    return found[0], found[1]


def issue_calendar(
    facets: FacetCounts, request: SearchQuery, link: Link
) -> tuple[CalendarYear, ...]:
    """Each year with matches, newest first, with all twelve months and their counts."""
    issues = facet_counts(facets, "issue")
    by_year: Counter[str] = Counter()
    for issue, count in issues.items():
        by_year[issue[:4]] += count
    years = {**by_year, **facet_counts(facets, "year")}
    calendar = []
    for year in sorted(years, reverse=True):
        active, href = _year_link(year, request, link)
        months = tuple(
            _month(f"{year}-{month:02d}", issues, request, link) for month in range(1, 13)
        )
        calendar.append(CalendarYear(year, years[year], active, href, months))
    return tuple(calendar)


def _month(issue: str, issues: dict[str, int], request: SearchQuery, link: Link) -> Month:
    count = issues.get(issue, 0)
    active, href = _issue_link(issue, request, link)
    return Month(issue, int(issue[5:]), count, active, href if count or active else None)


def _section_link(value: str, request: SearchQuery, link: Link) -> tuple[bool, str]:
    active = value in request.sections
    sections = (
        tuple(s for s in request.sections if s != value)
        if active
        else (
            *request.sections,
            value,
        )
    )
    return active, link(sections=sections, page=1)


def _year_link(value: str, request: SearchQuery, link: Link) -> tuple[bool, str]:
    active = request.year == value and not request.issues
    return active, link(year=None if active else value, issues=(), page=1)


def _issue_link(value: str, request: SearchQuery, link: Link) -> tuple[bool, str]:
    active = value in request.issues
    chosen = request.issues
    issues = tuple(i for i in chosen if i != value) if active else (*chosen, value)
    return active, link(issues=issues, year=None, page=1)
