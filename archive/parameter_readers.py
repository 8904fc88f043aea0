"""The readers of search parameter values: each checks one kind of value, whole-string
(`fullmatch`) in ASCII digits, and raises BadParameter with a message that names the parameter."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from archive.export_formats import EXPORT_FORMATS
from archive.messages import Message, translatable
from common.echo import echoed
from extract.model import SECTIONS, is_issue, is_year, section_named
from index import SORTS

MAX_QUERY_CHARS = 500
MAX_PAGE = 1000
MAX_LIMIT = 50
DEFAULT_LIMIT = 10


class BadParameter(ValueError):
    """A parameter is unknown or malformed; the message names it and is safe to show. Its
    `message` keeps the template and values, for an edge that shows it in another language."""

    def __init__(self, message: Message | str) -> None:
        self.message = message if isinstance(message, Message) else Message(message)
        super().__init__(str(self.message))


def echo(value: str) -> str:
    """A bad value as an error message repeats it (common/echo.py: quoted, cut at 80)."""
    return echoed(value)


def one_of(name: str, value: str, choices: Iterable[str]) -> BadParameter:
    """The error of a value that is none of `choices`."""
    return BadParameter(
        translatable(
            "%(name)s must be one of %(choices)s, not %(value)s",
            name=name,
            choices=", ".join(choices),
            value=echo(value),
        )
    )


def read_query(name: str, value: str) -> str:
    """The query text, trimmed; at most MAX_QUERY_CHARS characters."""
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(
            translatable(
                "%(name)s: the query is longer than %(most)s characters",
                name=name,
                most=MAX_QUERY_CHARS,
            )
        )
    return value.strip()


def read_section(name: str, value: str) -> str:
    """The section a value names ("정책/법제", "정책･법제", "정책", "법제", "정책 / 법제")."""
    if (section := section_named(value)) is None:
        raise BadParameter(
            translatable(
                "%(name)s: unknown section %(value)s; one of %(choices)s",
                name=name,
                value=echo(value),
                choices=", ".join(SECTIONS),
            )
        )
    return section


def read_issue(name: str, value: str) -> str:
    """An issue, YYYY-MM."""
    if not is_issue(value):
        raise BadParameter(
            translatable(
                "%(name)s must look like YYYY-MM, not %(value)s", name=name, value=echo(value)
            )
        )
    return value


def read_year(name: str, value: str) -> str:
    """A year, YYYY."""
    if not is_year(value):
        raise BadParameter(
            translatable(
                "%(name)s must look like YYYY, not %(value)s", name=name, value=echo(value)
            )
        )
    return value


def read_sort(name: str, value: str) -> str:
    """One of SORTS."""
    if value not in SORTS:
        raise one_of(name, value, SORTS)
    return value


def whole_number(low: int, high: int) -> Callable[[str, str], int]:
    """A reader of ASCII whole numbers from low to high."""

    def read(name: str, value: str) -> int:
        if not (value.isascii() and value.isdigit() and len(value) <= 7) or not (
            low <= int(value) <= high
        ):
            raise BadParameter(
                translatable(
                    "%(name)s must be a whole number from %(low)s to %(high)s",
                    name=name,
                    low=low,
                    high=high,
                )
            )
        return int(value)

    return read


def read_switch(name: str, value: str) -> bool:
    """A yes/no switch: 1, true, yes, on or 0, false, no, off."""
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise BadParameter(
        translatable(
            "%(name)s must be 1 or 0 (true or false), not %(value)s", name=name, value=echo(value)
        )
    )


def read_actor(name: str, value: str) -> str:
    """An actor, by any of its spellings ("메타", "Meta")."""
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(
            translatable(
                "%(name)s: the name is longer than %(most)s characters",
                name=name,
                most=MAX_QUERY_CHARS,
            )
        )
    return value.strip()


def read_country(name: str, value: str) -> str:
    """A country or region, as its code ("CN", "EU", "INTL") or its name ("중국")."""
    from index import QueryError, country_code

    try:
        return country_code(value)
    except QueryError:
        raise BadParameter(
            translatable(
                "%(name)s: unknown country %(value)s; write a code such as CN, or a name: 중국",
                name=name,
                value=echo(value),
            )
        ) from None


def read_format(name: str, value: str) -> str:
    """One of the export formats."""
    if value not in EXPORT_FORMATS:
        raise one_of(name, value, EXPORT_FORMATS)
    return value
