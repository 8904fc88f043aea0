"""The readers of search parameter values: each checks one kind of value, whole-string
(`fullmatch`) in ASCII digits, and raises BadParameter with a message that names the parameter."""

from __future__ import annotations

from collections.abc import Callable

from archive.export_formats import EXPORT_FORMATS
from extract.model import SECTIONS, is_issue, is_year, section_named
from index import SORTS

MAX_QUERY_CHARS = 500
MAX_PAGE = 1000
MAX_LIMIT = 50
DEFAULT_LIMIT = 10
ECHO_CHARS = 40  # how much of a bad value an error message repeats


class BadParameter(ValueError):
    """A parameter is unknown or malformed; the message names it and is safe to show."""


def echo(value: str) -> str:
    """A bad value as an error message repeats it: quoted, cut at ECHO_CHARS."""
    return repr(value[:ECHO_CHARS])


def read_query(name: str, value: str) -> str:
    """The query text, trimmed; at most MAX_QUERY_CHARS characters."""
    if len(value) > MAX_QUERY_CHARS:
        raise BadParameter(f"{name}: the query is longer than {MAX_QUERY_CHARS} characters")
    return value.strip()


def read_section(name: str, value: str) -> str:
    """The section a value names ("정책/법제", "정책･법제", "정책", "법제", "정책 / 법제")."""
    if (section := section_named(value)) is None:
        raise BadParameter(f"{name}: unknown section {echo(value)}; one of {', '.join(SECTIONS)}")
    return section


def read_issue(name: str, value: str) -> str:
    """An issue, YYYY-MM."""
    if not is_issue(value):
        raise BadParameter(f"{name} must look like YYYY-MM, not {echo(value)}")
    return value


def read_year(name: str, value: str) -> str:
    """A year, YYYY."""
    if not is_year(value):
        raise BadParameter(f"{name} must look like YYYY, not {echo(value)}")
    return value


def read_sort(name: str, value: str) -> str:
    """One of SORTS."""
    if value not in SORTS:
        raise BadParameter(f"{name} must be one of {', '.join(SORTS)}, not {echo(value)}")
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
    raise BadParameter(f"{name} must be 1 or 0 (true or false), not {echo(value)}")


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
            f"{name}: unknown country {echo(value)}; write a code such as CN, or a name: 중국"
        ) from None


def read_format(name: str, value: str) -> str:
    """One of the export formats."""
    if value not in EXPORT_FORMATS:
        choices = ", ".join(EXPORT_FORMATS)
        raise BadParameter(f"{name} must be one of {choices}, not {echo(value)}")
    return value
