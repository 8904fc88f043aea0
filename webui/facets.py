"""Facet counts from a search result, as links that add (or remove) a filter."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from webui.search_request import SearchRequest

Link = Callable[..., str]  # link(**changes to the SearchRequest) -> URL


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet: its count, and the link that toggles it."""

    value: str
    count: int
    active: bool
    href: str


@dataclass(frozen=True)
class Facet:
    """One facet (section, year or issue) and its values."""

    name: str  # "section", "year" or "issue"
    label: str
    values: tuple[FacetValue, ...]


FACET_LABELS = {"section": "분야 (section)", "year": "연도 (year)", "issue": "호 (issue)"}


def facet_counts(facets: Any, name: str) -> dict[str, int]:
    """One facet's counts as {value: count}, whether the index gives a mapping or pairs."""
    raw = facets.get(name) if isinstance(facets, Mapping) else getattr(facets, name, None)
    if not raw:
        return {}
    pairs: Iterable[Any] = raw.items() if isinstance(raw, Mapping) else raw
    return {str(value): int(count) for value, count in pairs}


def build_facets(facets: Any, request: SearchRequest, link: Link) -> tuple[Facet, ...]:
    """Section, year and issue facets; a link toggles its filter and goes back to page 1."""
    return (
        _facet("section", facets, request, link, _section_link, sort_by_count=True),
        _facet("year", facets, request, link, _year_link, sort_by_count=False),
        _facet("issue", facets, request, link, _issue_link, sort_by_count=False),
    )


def _facet(name, facets, request, link, make_link, *, sort_by_count: bool) -> Facet:
    counts = facet_counts(facets, name)
    if sort_by_count:
        items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    else:
        items = sorted(counts.items(), reverse=True)  # newest first
    values = []
    for value, count in items:
        active, href = make_link(value, request, link)
        values.append(FacetValue(value, count, active, href))
    return Facet(name, FACET_LABELS[name], tuple(values))


def _section_link(value: str, request: SearchRequest, link: Link) -> tuple[bool, str]:
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


def _year_link(value: str, request: SearchRequest, link: Link) -> tuple[bool, str]:
    active = request.year == value
    return active, link(year=None if active else value, page=1)


def _issue_link(value: str, request: SearchRequest, link: Link) -> tuple[bool, str]:
    active = request.issue == value
    return active, link(issue=None if active else value, page=1)
