"""The one form of each name an article carries: its section, its issue, its id and a year."""

from __future__ import annotations

import re

SECTIONS = ("정책/법제", "기업/산업", "기술/연구", "인력/교육")


# The one form of an issue ("2024-04"), an article id (issue + printed page, "2024-04-07"; a
# later article of an issue read generically whose page prints the number of an earlier one's
# is marked, "2026-01-05b", see `generic_reader`) and a year, checked whole (fullmatch) in
# ASCII digits only: "\d" and "$" would let "٢٠٢٤-01" and a trailing newline through. The
# JSON Schema writes the same patterns.
ISSUE_PATTERN = r"[0-9]{4}-(?:0[1-9]|1[0-2])"
ARTICLE_ID_PATTERN = ISSUE_PATTERN + r"-[0-9]{2,3}(?:[b-z][a-z]?)?"
YEAR_PATTERN = r"[0-9]{4}"
_ISSUE = re.compile(ISSUE_PATTERN, re.ASCII)
_ARTICLE_ID = re.compile(ARTICLE_ID_PATTERN, re.ASCII)
_YEAR = re.compile(YEAR_PATTERN, re.ASCII)


def is_issue(value: str) -> bool:
    """Whether `value` is an issue, YYYY-MM with a month from 01 to 12, and nothing more."""
    return _ISSUE.fullmatch(value) is not None


def is_article_id(value: str) -> bool:
    """Whether `value` is an article id, YYYY-MM-NN (NN the printed page, perhaps marked "b"),
    and nothing more."""
    return _ARTICLE_ID.fullmatch(value) is not None


def is_year(value: str) -> bool:
    """Whether `value` is a year, four ASCII digits and nothing more."""
    return _YEAR.fullmatch(value) is not None


def section_named(value: str) -> str | None:
    """The section a researcher means by "정책/법제", "정책･법제", "정책" or "법제"; None if
    the value names none."""
    cleaned = re.sub(r"[\s/･・·∙.]", "", value)
    for section in SECTIONS:
        halves = section.split("/")
        if cleaned in ("".join(halves), *halves):
            return section
    return None
