"""The search parameters of a request, validated once and turned back into links."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from werkzeug.datastructures import MultiDict

from extract.model import SECTIONS
from index import SearchFilters
from webui.errors import BadParameter

ISSUE_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
YEAR_RE = re.compile(r"^\d{4}$")
SORTS = ("relevance", "newest", "oldest")
MAX_QUERY_CHARS = 500
MAX_PAGE = 1000
MAX_PER_PAGE = 50
DEFAULT_PER_PAGE = 10

# A section may be given by its first half ("정책" for "정책/법제"), as people type it.
SECTION_NAMES = {name: name for name in SECTIONS} | {name.split("/")[0]: name for name in SECTIONS}


@dataclass(frozen=True)
class SearchRequest:
    """What a search page or API call asks for."""

    q: str = ""
    sections: tuple[str, ...] = ()
    issue: str | None = None
    year: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @classmethod
    def from_args(cls, args: MultiDict[str, str]) -> SearchRequest:
        """Parse and validate query-string arguments; raises BadParameter."""
        q = args.get("q", "").strip()
        if len(q) > MAX_QUERY_CHARS:
            raise BadParameter(f"the query is longer than {MAX_QUERY_CHARS} characters")
        return cls(
            q=q,
            sections=tuple(dict.fromkeys(_section(s) for s in args.getlist("section") if s)),
            issue=_matching(args.get("issue"), ISSUE_RE, "issue", "YYYY-MM"),
            year=_matching(args.get("year"), YEAR_RE, "year", "YYYY"),
            sort=_choice(args.get("sort") or "relevance", SORTS, "sort"),
            page=_bounded_int(args.get("page"), "page", 1, MAX_PAGE, 1),
            per_page=_bounded_int(
                args.get("per_page"), "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE
            ),
        )

    def filters(self) -> SearchFilters:
        """The request's filters in the index's terms (an issue wins over a year)."""
        first, last = None, None
        if self.year:
            first, last = f"{self.year}-01", f"{self.year}-12"
        if self.issue:
            first = last = self.issue
        return SearchFilters(sections=self.sections, issue_from=first, issue_to=last)

    def args(self, **changes: Any) -> dict[str, Any]:
        """Query-string arguments for a link to this search with some parameters changed."""
        changed = replace(self, **changes)
        pairs = {
            "q": changed.q,
            "section": list(changed.sections),
            "issue": changed.issue,
            "year": changed.year,
            "sort": None if changed.sort == "relevance" else changed.sort,
            "page": None if changed.page == 1 else changed.page,
            "per_page": None if changed.per_page == DEFAULT_PER_PAGE else changed.per_page,
        }
        return {key: value for key, value in pairs.items() if value not in (None, "", [])}

    @property
    def has_filters(self) -> bool:
        """Whether any filter narrows the search."""
        return bool(self.sections or self.issue or self.year)

    def to_json(self) -> dict[str, Any]:
        return {
            "q": self.q,
            "section": list(self.sections),
            "issue": self.issue,
            "year": self.year,
            "sort": self.sort,
            "page": self.page,
            "per_page": self.per_page,
        }


def _section(value: str) -> str:
    try:
        return SECTION_NAMES[value.strip().replace("･", "/").replace("・", "/")]
    except KeyError:
        raise BadParameter(f"unknown section {value!r}; one of {', '.join(SECTIONS)}") from None


def _matching(value: str | None, pattern: re.Pattern[str], name: str, form: str) -> str | None:
    if not value:
        return None
    if not pattern.match(value):
        raise BadParameter(f"{name} must look like {form}, not {value[:40]!r}")
    return value


def _choice(value: str, choices: tuple[str, ...], name: str) -> str:
    if value not in choices:
        raise BadParameter(f"{name} must be one of {', '.join(choices)}, not {value[:40]!r}")
    return value


def _bounded_int(value: str | None, name: str, low: int, high: int, default: int) -> int:
    if value in (None, ""):
        return default
    if not re.fullmatch(r"[0-9]{1,7}", value) or not low <= int(value) <= high:
        raise BadParameter(f"{name} must be a whole number from {low} to {high}")
    return int(value)
