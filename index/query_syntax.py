"""The query language, parsed into a small tree before anything touches the index.

words           all must match (ranked by BM25F); concepts and derived forms count too
=word, "word"   exactly this word: no concepts, no derived forms
a OR b          either (a AND b is the same as a b)
-word, NOT word must not match
"a phrase"      the words in this order
title:word      in the headline only (title:"a phrase" too)
section:정책     a section, by full name (정책/법제) or either half (정책, 법제)
issue:2024-04   an issue; issue:2024-01..2024-06 a range (either end may be left open)
source:Reuters  a cited outlet (source:"European Commission" too)
actor:메타       articles naming the actor, by any of its spellings (actor:Meta), the
                headline's subject first; subject:메타 only articles whose headline is about it
country:CN      articles about a country or region (country:중국, country:EU, country:INTL)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from common.echo import echoed
from extract.model import SECTIONS, is_issue, section_named
from index.actor_table import actor_table
from index.errors import QueryError

FIELDS = ("title", "section", "issue", "source", "actor", "subject", "country")
_TOKEN = re.compile(r'\s*(?:(-)?(?:([A-Za-z]+):)?(=)?(?:"([^"]*)"|([^\s"]+)))')


@dataclass(frozen=True)
class Clause:
    """One clause: a word or phrase, in a field or not, maybe negated."""

    text: str
    # None (all text fields), "title", "source", "actor", "subject" or "country"
    field: str | None = None
    phrase: bool = False
    negated: bool = False
    exact: bool = False  # quoted or =word: no concepts, no derived forms
    loose: bool = False  # words joined into one concept, which also match apart


@dataclass(frozen=True)
class ParsedQuery:
    """Groups of alternatives (each group must match), exclusions, and filters."""

    groups: tuple[tuple[Clause, ...], ...]
    excluded: tuple[Clause, ...]
    sections: tuple[str, ...] = ()
    issue_from: str | None = None
    issue_to: str | None = None


def section_name(value: str, query: str = "") -> str:
    """The canonical section for "정책/법제", "정책･법제", "정책" or "법제"."""
    if (section := section_named(value)) is not None:
        return section
    raise QueryError(
        query or value,
        "unknown section %(section)s (sections: %(sections)s)",
        section=echoed(value),
        sections=", ".join(SECTIONS),
    )


def country_code(value: str, query: str = "") -> str:
    """The code for "CN", "중국" or "China"; raises QueryError naming an unknown country."""
    if (code := actor_table().country_code(value)) is not None:
        return code
    raise QueryError(
        query or value,
        "unknown country %(country)s (write a code such as CN, or a name: 중국)",
        country=echoed(value),
    )


def issue_range(value: str, query: str) -> tuple[str | None, str | None]:
    """ "2024-04" -> (2024-04, 2024-04); "2024-01..2024-06" -> a range; an end may be empty."""
    first, sep, last = value.partition("..")
    ends = (first, last) if sep else (first, first)
    for end in ends:
        if end and not is_issue(end):
            raise QueryError(
                query, "bad issue %(issue)s: write YYYY-MM or YYYY-MM..YYYY-MM", issue=echoed(end)
            )
    if not (ends[0] or ends[1]):
        raise QueryError(query, "issue: needs YYYY-MM or YYYY-MM..YYYY-MM")
    if ends[0] and ends[1] and ends[0] > ends[1]:
        raise QueryError(query, "issue range %(range)s ends before it starts", range=echoed(value))
    return ends[0] or None, ends[1] or None


def _tokens(query: str) -> list[tuple[bool, str | None, str, bool, bool]]:
    """(negated, field, text, quoted, exact) for each token; raises on an unbalanced quote."""
    if query.count('"') % 2:
        raise QueryError(query, 'unbalanced quote (")')
    tokens, position = [], 0
    while position < len(query):
        if not query[position:].strip():
            break
        match = _TOKEN.match(query, position)
        if not match or match.end() == position:
            raise QueryError(
                query, "cannot read the query at %(rest)s", rest=echoed(query[position:])
            )
        negated, field, equals, quoted, bare = match.groups()
        if field and field.lower() not in FIELDS:
            raise QueryError(
                query,
                "unknown field %(field)s (fields: %(fields)s)",
                field=echoed(field + ":"),
                fields=", ".join(FIELDS),
            )
        text = quoted if quoted is not None else bare
        exact = quoted is not None or bool(equals)
        tokens.append(
            (bool(negated), field.lower() if field else None, text, quoted is not None, exact)
        )
        position = match.end()
    return tokens


def parse_query(query: str) -> ParsedQuery:
    """Parse a query string; raises QueryError naming the query and the problem."""
    if not query or not query.strip():
        raise QueryError(query, "the query is empty")
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    sections: list[str] = []
    issue_from = issue_to = None
    pending_or = pending_not = pending_and = False
    for negated, field, text, quoted, exact in _tokens(query):
        if not exact and field is None and text == "AND":  # what words do anyway; not a word
            if not groups or pending_or or pending_not or pending_and:
                raise QueryError(query, "AND needs a word on each side")
            pending_and = True
            continue
        if not exact and field is None and text in ("OR", "NOT"):
            if text == "OR" and (not groups or pending_or or pending_not or pending_and):
                raise QueryError(query, "OR needs a word on each side")
            if text == "NOT" and pending_or:
                raise QueryError(query, "NOT cannot follow OR")
            pending_or, pending_not = pending_or or text == "OR", pending_not or text == "NOT"
            continue
        if field == "section" or field == "issue":
            if pending_or or negated or pending_not:
                raise QueryError(
                    query, "%(field)s: cannot be negated or combined with OR", field=field
                )
            if field == "section":
                sections.append(section_name(text, query))
            else:
                issue_from, issue_to = issue_range(text, query)
            continue
        if not text.strip():
            raise QueryError(query, "empty quotes")
        if field == "country":
            text = country_code(text, query)
        clause = Clause(text, field, quoted, negated or pending_not, exact)
        if clause.negated:
            if pending_or:
                raise QueryError(query, "a word after OR cannot be negated")
            excluded.append(clause)
        elif pending_or:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        pending_or = pending_not = pending_and = False
    if pending_or or pending_not or pending_and:
        raise QueryError(query, "the query ends with AND, OR or NOT")
    if not groups and not sections and issue_from is None and issue_to is None:
        raise QueryError(query, "nothing to look for, only words to exclude")
    return ParsedQuery(
        tuple(tuple(g) for g in groups), tuple(excluded), tuple(sections), issue_from, issue_to
    )
