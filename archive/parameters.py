"""The search parameters, defined once: name, kind, default, doc and validation.

The web parses its query string with `SearchQuery.from_args`, `/api/help` lists `PARAMETERS`,
and the CLI's search and export options are made from the same table (`archive.cli.options`),
so the three cannot drift. Every check is whole-string (`fullmatch`) in ASCII digits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from archive.export_formats import EXPORT_FORMATS
from archive.summaries import ArticleFilter
from extract.model import SECTIONS, is_issue, is_year, section_named
from index import SORTS, SearchFilters

MAX_QUERY_CHARS = 500
MAX_PAGE = 1000
MAX_LIMIT = 50
DEFAULT_LIMIT = 10
ECHO_CHARS = 40  # how much of a bad value an error message repeats


class BadParameter(ValueError):
    """A parameter is unknown or malformed; the message names it and is safe to show."""


@dataclass(frozen=True)
class Parameter:
    """One search parameter as the web, the CLI and /api/help know it."""

    name: str
    kind: str  # the form of its value, as /api/help shows it
    default: Any
    doc: str
    read: Callable[[str, str], Any]  # (name, raw value) -> value; raises BadParameter
    repeatable: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "default": self.default,
            "repeatable": self.repeatable,
            "doc": self.doc,
        }


def _echo(value: str) -> str:
    return repr(value[:ECHO_CHARS])


def read_query(name: str, value: str) -> str:
    """The query text, trimmed; at most MAX_QUERY_CHARS characters."""
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(f"{name}: the query is longer than {MAX_QUERY_CHARS} characters")
    return value.strip()


def read_section(name: str, value: str) -> str:
    """The section a value names ("정책/법제", "정책･법제", "정책", "법제", "정책 / 법제")."""
    if (section := section_named(value)) is None:
        raise BadParameter(f"{name}: unknown section {_echo(value)}; one of {', '.join(SECTIONS)}")
    return section


def read_issue(name: str, value: str) -> str:
    """An issue, YYYY-MM."""
    if not is_issue(value):
        raise BadParameter(f"{name} must look like YYYY-MM, not {_echo(value)}")
    return value


def read_year(name: str, value: str) -> str:
    """A year, YYYY."""
    if not is_year(value):
        raise BadParameter(f"{name} must look like YYYY, not {_echo(value)}")
    return value


def read_sort(name: str, value: str) -> str:
    """One of SORTS."""
    if value not in SORTS:
        raise BadParameter(f"{name} must be one of {', '.join(SORTS)}, not {_echo(value)}")
    return value


def whole_number(low: int, high: int) -> Callable[[str, str], int]:
    """A reader of ASCII whole numbers from low to high."""

    def read(name: str, value: str) -> int:
        if not (value.isascii() and value.isdigit() and len(value) <= 7) or not (
            low <= int(value) <= high
        ):
            raise BadParameter(f"{name} must be a whole number from {low} to {high}")
        return int(value)

    return read


def read_switch(name: str, value: str) -> bool:
    """A yes/no switch: 1, true, yes, on or 0, false, no, off."""
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise BadParameter(f"{name} must be 1 or 0 (true or false), not {_echo(value)}")


def read_actor(name: str, value: str) -> str:
    """An actor, by any of its spellings ("메타", "Meta")."""
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(f"{name}: the name is longer than {MAX_QUERY_CHARS} characters")
    return value.strip()


def read_country(name: str, value: str) -> str:
    """A country or region, as its code ("CN", "EU", "INTL") or its name ("중국")."""
    from index import QueryError, country_code

    try:
        return country_code(value)
    except QueryError:
        raise BadParameter(
            f"{name}: unknown country {_echo(value)}; write a code such as CN, or a name: 중국"
        ) from None


def read_format(name: str, value: str) -> str:
    """One of the export formats."""
    if value not in EXPORT_FORMATS:
        choices = ", ".join(EXPORT_FORMATS)
        raise BadParameter(f"{name} must be one of {choices}, not {_echo(value)}")
    return value


PARAMETERS: tuple[Parameter, ...] = (
    Parameter("q", "text", "", "the query, in the query language below", read_query),
    Parameter(
        "section",
        "section",
        [],
        f"only this section: {', '.join(SECTIONS)}, or either half (정책, 법제); repeat for more",
        read_section,
        repeatable=True,
    ),
    Parameter("issue", "YYYY-MM", None, "only this issue (wins over the others)", read_issue),
    Parameter("year", "YYYY", None, "only the issues of this year", read_year),
    Parameter("from", "YYYY-MM", None, "only issues from this one on", read_issue),
    Parameter("to", "YYYY-MM", None, "only issues up to this one", read_issue),
    Parameter(
        "actor",
        "name",
        [],
        "only articles naming this actor, by any spelling (메타 or Meta); repeat for more",
        read_actor,
        repeatable=True,
    ),
    Parameter(
        "country",
        "CC",
        [],
        "only articles about this country or region (CN or 중국, EU, INTL); repeat for more",
        read_country,
        repeatable=True,
    ),
    Parameter("sort", " | ".join(SORTS), "relevance", "the order of the hits", read_sort),
    Parameter("page", f"1..{MAX_PAGE}", 1, "which page of hits", whole_number(1, MAX_PAGE)),
    Parameter(
        "limit", f"1..{MAX_LIMIT}", DEFAULT_LIMIT, "hits per page", whole_number(1, MAX_LIMIT)
    ),
    Parameter(
        "per_page",
        f"1..{MAX_LIMIT}",
        DEFAULT_LIMIT,
        "the same as limit",
        whole_number(1, MAX_LIMIT),
    ),
    Parameter(
        "expand",
        "1 | 0",
        True,
        "also find the words' related concepts (0: only the words as typed)",
        read_switch,
    ),
    Parameter("format", " | ".join(EXPORT_FORMATS), "json", "the download's format", read_format),
)
BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}
# Which parameters each request takes.
FILTER_NAMES = ("q", "section", "issue", "year", "from", "to", "actor", "country")
SEARCH_NAMES = (*FILTER_NAMES, "sort", "page", "limit", "per_page", "expand")
EXPORT_NAMES = (*FILTER_NAMES, "sort", "expand", "format")
ARTICLE_NAMES = ("q", "format")
# A feed takes a sort but always lists the newest first.
FEED_NAMES = (*FILTER_NAMES, "sort", "expand")


def value_lists(args: Mapping[str, Any]) -> dict[str, list[str]]:
    """Every value given for each name, from a query string's MultiDict (its `getlist`), a
    mapping of lists, or a mapping of single strings."""
    getlist = getattr(args, "getlist", None)
    if getlist is not None:
        return {name: list(getlist(name)) for name in args}
    return {name: [v] if isinstance(v, str) else list(v) for name, v in args.items()}


def read_arguments(
    args: Mapping[str, Sequence[str]], names: Sequence[str], strict: bool = True
) -> dict[str, Any]:
    """The named parameters read from `args` (name -> every value given), by the table.

    Blank values count as not given. With `strict`, a name not in `names` is a BadParameter,
    as is a second value for a parameter that takes one.
    """
    args = value_lists(args)
    unknown = sorted(name for name in args if name not in names)
    if strict and unknown:
        shown = ", ".join(_echo(name) for name in unknown[:5])
        raise BadParameter(f"unknown parameter {shown}; known: {', '.join(names)}")
    values: dict[str, Any] = {}
    for name in names:
        parameter = BY_NAME[name]
        given = [value for value in args.get(name, ()) if value != ""]
        if len(given) > 1 and not parameter.repeatable:
            raise BadParameter(f"{name} is given {len(given)} times; give it once")
        read = [parameter.read(name, value) for value in given]
        if parameter.repeatable:
            values[name] = tuple(dict.fromkeys(read))
        else:
            values[name] = read[0] if read else parameter.default
    return values


@dataclass(frozen=True)
class SearchQuery:
    """What one search asks for, from the web's arguments or the CLI's options."""

    q: str = ""
    sections: tuple[str, ...] = ()
    issue: str | None = None
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
            raise BadParameter("limit and per_page differ; give one of them")
        limit = got["limit"] if "limit" in sizes else got.get("per_page", DEFAULT_LIMIT)
        return cls(
            q=got["q"],
            sections=got["section"],
            issue=got["issue"],
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
        """The issues searched, first and last (None: open): an issue wins over a year, and a
        year over from/to; an empty range is a BadParameter."""
        if self.issue:
            return self.issue, self.issue
        if self.year:
            return f"{self.year}-01", f"{self.year}-12"
        if self.issue_from and self.issue_to and self.issue_from > self.issue_to:
            raise BadParameter(
                f"from {self.issue_from} to {self.issue_to} is an empty range: from comes after to"
            )
        return self.issue_from, self.issue_to

    def unanswerable(self, held: Sequence[str]) -> str | None:
        """Why no article can match, whatever the words, in an archive holding the issues
        `held` (sorted): an issue not held, or a range holding none of them; else None."""
        first, last = self.issue_range()
        if held and not any((first or i) <= i <= (last or i) for i in held):
            holding = f"held: {held[0]} … {held[-1]}" if len(held) > 1 else f"held: {held[0]}"
            if first == last:
                return f"no issue {first} in this archive ({holding})"
            return f"no issue from {first or '…'} to {last or '…'} in this archive ({holding})"
        return None

    def article_filter(self) -> ArticleFilter:
        """The query's filters as an export takes them."""
        first, last = self.issue_range()
        return ArticleFilter(
            sections=self.sections,
            issue_from=first,
            issue_to=last,
            actors=self.actors,
            countries=self.countries,
        )

    def filters(self) -> SearchFilters:
        """The query's filters in the index's terms."""
        first, last = self.issue_range()
        return SearchFilters(self.sections, first, last, self.actors, self.countries)

    @property
    def has_filters(self) -> bool:
        """Whether any filter narrows the search."""
        return bool(
            self.sections
            or self.issue
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
            "issue": changed.issue,
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
            "actor": list(self.actors),
            "country": list(self.countries),
            "sort": self.sort,
            "page": self.page,
            "limit": self.limit,
            "expand": self.expand,
        }
