"""The search parameters, defined once: name, kind, default, doc and validation.

The web parses its query string with `SearchQuery.from_args` (`archive.search_query`),
`/api/help` lists `PARAMETERS`, and the CLI's search and export options are made from the same
table (`archive.cli.options`), so the three cannot drift. The values are read by
`archive.parameter_readers`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archive.export_formats import EXPORT_FORMATS
from archive.messages import translatable
from archive.parameter_readers import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_PAGE,
    MAX_QUERY_CHARS,
    BadParameter,
    echo,
    read_actor,
    read_country,
    read_format,
    read_issue,
    read_query,
    read_section,
    read_sort,
    read_switch,
    read_year,
    whole_number,
)
from extract.model import SECTIONS
from index import SORTS


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
    Parameter(
        "issue",
        "YYYY-MM",
        [],
        "only this issue (wins over year, from and to); repeat for more",
        read_issue,
        repeatable=True,
    ),
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


def refuse_unknown(args: Mapping[str, Any], names: Sequence[str]) -> None:
    """A BadParameter naming the arguments of a request that are not among `names`."""
    unknown = sorted(name for name in args if name not in names)
    if unknown:
        shown = ", ".join(echo(name) for name in unknown[:5])
        if not names:
            raise BadParameter(
                translatable("unknown parameter %(names)s; this address takes none", names=shown)
            )
        raise BadParameter(
            translatable(
                "unknown parameter %(names)s; known: %(known)s", names=shown, known=", ".join(names)
            )
        )


def given(name: str, values: Sequence[str], repeatable: bool = False) -> list[str]:
    """The values given for a parameter, blank ones counted as not given; a BadParameter where
    one that takes a single value is given more."""
    found = [value for value in values if value != ""]
    if len(found) > 1 and not repeatable:
        raise BadParameter(
            translatable(
                "%(name)s is given %(times)s times; give it once", name=name, times=len(found)
            )
        )
    return found


def read_arguments(
    args: Mapping[str, Sequence[str]], names: Sequence[str], strict: bool = True
) -> dict[str, Any]:
    """The named parameters read from `args` (name -> every value given), by the table.

    Blank values count as not given. With `strict`, a name not in `names` is a BadParameter,
    as is a second value for a parameter that takes one.
    """
    args = value_lists(args)
    if strict:
        refuse_unknown(args, names)
    values: dict[str, Any] = {}
    for name in names:
        parameter = BY_NAME[name]
        values_given = given(name, args.get(name, ()), parameter.repeatable)
        read = [parameter.read(name, value) for value in values_given]
        if parameter.repeatable:
            values[name] = tuple(dict.fromkeys(read))
        else:
            values[name] = read[0] if read else parameter.default
    return values


__all__ = [
    "ARTICLE_NAMES",
    "BY_NAME",
    "DEFAULT_LIMIT",
    "EXPORT_NAMES",
    "FEED_NAMES",
    "FILTER_NAMES",
    "MAX_LIMIT",
    "MAX_PAGE",
    "MAX_QUERY_CHARS",
    "PARAMETERS",
    "SEARCH_NAMES",
    "BadParameter",
    "Parameter",
    "given",
    "read_arguments",
    "read_query",
    "refuse_unknown",
    "value_lists",
]
