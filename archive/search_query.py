"""What one search asks for, read from the web's arguments or the CLI's options by the
parameter table (`archive.parameters`), with the links and the JSON echo made from it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from archive.messages import Message, translatable
from archive.parameter_readers import DEFAULT_LIMIT, BadParameter
from archive.parameters import (
    EXPORT_NAMES,
    FEED_NAMES,
    SEARCH_NAMES,
    read_arguments,
    value_lists,
)
from archive.summaries import ArticleFilter
from index import SearchFilters


@dataclass(frozen=True)
class SearchQuery:
    """What one search asks for, from the web's arguments or the CLI's options."""

    q: str = ""
    sections: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()
    year: str | None = None
    issue_from: str | None = None
    issue_to: str | None = None
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    limit: int = DEFAULT_LIMIT
    expand: bool = True

    @classmethod
    def from_args(
        cls,
        args: Mapping[str, Sequence[str]],
        names: Sequence[str] = SEARCH_NAMES,
        strict: bool = True,
    ) -> SearchQuery:
        """Read and check the search parameters of a request (those of `names` it takes;
        with `strict`, any other is a BadParameter)."""
        args = value_lists(args)
        got = read_arguments(args, names, strict)
        sizes = {name for name in ("limit", "per_page") if name in got and any(args.get(name, ()))}
        if len(sizes) == 2 and got["limit"] != got["per_page"]:
            raise BadParameter(translatable("limit and per_page differ; give one of them"))
        limit = got["limit"] if "limit" in sizes else got.get("per_page", DEFAULT_LIMIT)
        return cls(
            q=got["q"],
            sections=got["section"],
            issues=got["issue"],
            year=got["year"],
            issue_from=got["from"],
            issue_to=got["to"],
            actors=got.get("actor", ()),
            countries=got.get("country", ()),
            sort=got["sort"],
            page=got.get("page", 1),
            limit=limit,
            expand=got["expand"],
        )

    def issue_range(self) -> tuple[str | None, str | None]:
        """The issues searched, first and last (None: open): issues win over a year, and a
        year over from/to; an empty range is a BadParameter."""
        if self.issues:
            return min(self.issues), max(self.issues)
        if self.year:
            return f"{self.year}-01", f"{self.year}-12"
        if self.issue_from and self.issue_to and self.issue_from > self.issue_to:
            raise BadParameter(
                translatable(
                    "from %(first)s to %(last)s is an empty range: from comes after to",
                    first=self.issue_from,
                    last=self.issue_to,
                )
            )
        return self.issue_from, self.issue_to

    def unanswerable(self, held: Sequence[str]) -> Message | None:
        """Why no article can match, whatever the words, in an archive holding the issues
        `held` (sorted): issues none of which is held, or a range holding none; else None."""
        first, last = self.issue_range()
        holding = f"{held[0]} … {held[-1]}" if len(held) > 1 else "".join(held)
        if self.issues:
            if held and not set(self.issues) & set(held):
                return translatable(
                    "no issue %(issue)s in this archive (held: %(held)s)",
                    issue=", ".join(self.issues),
                    held=holding,
                )
            return None
        if held and not any((first or i) <= i <= (last or i) for i in held):
            return translatable(
                "no issue from %(first)s to %(last)s in this archive (held: %(held)s)",
                first=first or "…",
                last=last or "…",
                held=holding,
            )
        return None

    def article_filter(self) -> ArticleFilter:
        """The query's filters as an export takes them."""
        first, last = self.issue_range()
        return ArticleFilter(
            sections=self.sections,
            issues=self.issues,
            issue_from=first,
            issue_to=last,
            actors=self.actors,
            countries=self.countries,
        )

    def filters(self) -> SearchFilters:
        """The query's filters in the index's terms."""
        first, last = self.issue_range()
        return SearchFilters(
            self.sections, first, last, self.actors, self.countries, issues=self.issues
        )

    @property
    def has_filters(self) -> bool:
        """Whether any filter narrows the search."""
        return bool(
            self.sections
            or self.issues
            or self.year
            or self.issue_from
            or self.issue_to
            or self.actors
            or self.countries
        )

    def args(self, **changes: Any) -> dict[str, Any]:
        """Query-string arguments for a link to this search with some fields changed."""
        changed = replace(self, **changes)
        pairs = {
            "q": changed.q,
            "section": list(changed.sections),
            "issue": list(changed.issues),
            "year": changed.year,
            "from": changed.issue_from,
            "to": changed.issue_to,
            "actor": list(changed.actors),
            "country": list(changed.countries),
            "sort": None if changed.sort == "relevance" else changed.sort,
            "page": None if changed.page == 1 else changed.page,
            "per_page": None if changed.limit == DEFAULT_LIMIT else changed.limit,
            "expand": None if changed.expand else 0,
        }
        return {key: value for key, value in pairs.items() if value not in (None, "", [])}

    def export_args(self) -> dict[str, Any]:
        """Query-string arguments for the download of every article this search matches."""
        return {k: v for k, v in self.args(page=1).items() if k in EXPORT_NAMES}

    def feed_args(self) -> dict[str, Any]:
        """Query-string arguments for the feed of this search: its words and filters."""
        return {k: v for k, v in self.args(page=1, sort="relevance").items() if k in FEED_NAMES}

    def to_json(self) -> dict[str, Any]:
        """The query as every search answer echoes it."""
        first, last = self.issue_range()
        return {
            "q": self.q,
            "sections": list(self.sections),
            "issue_from": first,
            "issue_to": last,
            "issues": list(self.issues),
            "actor": list(self.actors),
            "country": list(self.countries),
            "sort": self.sort,
            "page": self.page,
            "limit": self.limit,
            "expand": self.expand,
        }
