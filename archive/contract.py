"""The one JSON contract: what a search, an error, an article and the issues look like.

`aibrief search --json`, every `aibrief search --queries FILE --json` line, `/api/search` and
the MCP server's search answer with `search_json`; every failure there is `error_json`. A
search result (`search_shape()`, which /api/help and the README repeat; a test holds them to
the answers):

    {ok, query: {q, sections, issue_from, issue_to, issues, actor, country, sort, page, limit,
     expand}, total, hint, fallback, suggestion, expansions: {word: [words]}, expansions_found:
     {word: {word: hits}}, related_terms, limits, facets: {section|issue|year|actor|country:
     {value: count}}, hits: [{id, issue, section, title, page, pdf_pages, url, score, match,
     missing, passing, terms, snippet, marks, citation}]}

`query` echoes the search as read: `issue_from` and `issue_to` the first and last issue
searched (an issue or a year narrowed to its range), `issues` the issues asked for by name.
`total` and the facets count the articles matching every word, or when none does (`fallback`
true) those matching some; each hit's `match` says which (`all` or `partial`), and of a partial
match `missing` the words of the query it does not hold and `passing` those it names only in
passing (or with their words scattered), each as typed (both empty for a full match).
`snippet` is plain text and `marks` the [start, end) code-point spans of the matched words in
it; each edge renders them (escaped `<mark>` on the web, brackets or colour in a terminal).
`expansions` lists every form the thesaurus added to each word typed, and `expansions_found`
those of them the hits of this page hold, each with how many of the hits hold it, most first.
`limits` names, one sentence each, what the search cut short to bound its work (see
index/request_limits.py); it is empty for an ordinary query. No answer carries a local
filesystem path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from archive.citations import citation
from archive.errors import ArchiveBusy, IndexUnavailable, NotFound
from archive.parameter_readers import BadParameter
from archive.search_query import SearchQuery
from extract.model import Article, Issue
from index import Hit, QueryError, SearchResult

# The HTTP status each kind of failure is given, on the web and in --json output alike.
BAD_REQUEST, NOT_FOUND, UNAVAILABLE = 400, 404, 503

# The fields of a search result, in order (see the module docstring).
QUERY_FIELDS = (
    "q",
    "sections",
    "issue_from",
    "issue_to",
    "issues",
    "actor",
    "country",
    "sort",
    "page",
    "limit",
    "expand",
)
HIT_FIELDS = (
    "id",
    "issue",
    "section",
    "title",
    "page",
    "pdf_pages",
    "url",
    "score",
    "match",
    "missing",
    "passing",
    "terms",
    "snippet",
    "marks",
    "citation",
)
FACET_NAMES = ("section", "issue", "year", "actor", "country")
SEARCH_FIELDS = (
    "ok",
    "query",
    "total",
    "hint",
    "fallback",
    "suggestion",
    "expansions",
    "expansions_found",
    "related_terms",
    "limits",
    "facets",
    "hits",
)


def search_shape() -> str:
    """The search result's fields in one line, as /api/help and the README show them."""
    nested = {
        "query": "query: {" + ", ".join(QUERY_FIELDS) + "}",
        "expansions": "expansions: {word: [words]}",
        "expansions_found": "expansions_found: {word: {word: hits}}",
        "facets": "facets: {" + "|".join(FACET_NAMES) + ": {value: count}}",
        "hits": "hits: [{" + ", ".join(HIT_FIELDS) + "}]",
    }
    return "{" + ", ".join(nested.get(name, name) for name in SEARCH_FIELDS) + "}"


def article_url(article_id: str) -> str:
    """The web page of an article."""
    return f"/articles/{article_id}"


def issue_url(issue: str) -> str:
    """The web page of an issue."""
    return f"/issues/{issue}"


def hit_json(hit: Hit) -> dict[str, Any]:
    """One hit of a search."""
    return {
        "id": hit.id,
        "issue": hit.issue,
        "section": hit.section,
        "title": hit.title,
        "page": hit.page,
        "pdf_pages": list(hit.pdf_pages),
        "url": article_url(hit.id),
        "score": round(hit.score, 4),
        "match": hit.match,
        "missing": list(hit.missing),
        "passing": list(hit.passing),
        "terms": list(hit.terms),
        "snippet": hit.snippet,
        "marks": [list(mark) for mark in hit.marks],
        "citation": citation(hit),
    }


def snippet_pieces(snippet: str, marks: Iterable[Sequence[int]]) -> list[tuple[str, bool]]:
    """The snippet cut at its marks: (text, marked) pieces in order, for an edge to render.
    Overlapping or out-of-range marks are clipped, so what an edge builds stays balanced."""
    pieces: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in sorted(marks):
        start, end = max(start, cursor), min(end, len(snippet))
        if start < end:
            pieces += [(snippet[cursor:start], False), (snippet[start:end], True)]
            cursor = end
    pieces.append((snippet[cursor:], False))
    return [(text, marked) for text, marked in pieces if text]


def search_json(
    query: SearchQuery, result: SearchResult, hint: str | None = None
) -> dict[str, Any]:
    """A search's answer: the query echoed, the total, and this page of hits; `hint` says why
    nothing can match whatever the words (an issue not held), where an edge answers anyway."""
    return {
        "ok": True,
        "query": query.to_json(),
        "total": result.total,
        "hint": hint,
        "fallback": result.fallback,
        "suggestion": result.suggestion,
        "expansions": {word: list(added) for word, added in result.expansions.items()},
        "expansions_found": {word: dict(held) for word, held in result.expansions_found.items()},
        "related_terms": list(result.related_terms)[:10],
        "limits": list(result.limits),
        "facets": {name: dict(counts) for name, counts in result.facets.items()},
        "hits": [hit_json(hit) for hit in result.hits],
    }


def status_of(error: Exception) -> int:
    """The status a failure is reported with: 400 for a bad query or parameter, 404 for
    something not held, 503 while the archive is busy or its index unavailable, else 500."""
    if isinstance(error, QueryError | BadParameter):
        return BAD_REQUEST
    if isinstance(error, NotFound):
        return NOT_FOUND
    if isinstance(error, ArchiveBusy | IndexUnavailable):
        return UNAVAILABLE
    return 500


def error_json(message: str, status: int = BAD_REQUEST) -> dict[str, Any]:
    """A failure: one line naming the query or file and the reason."""
    return {"ok": False, "error": message, "status": status}


def article_json(article: Article) -> dict[str, Any]:
    """An article in its documented JSON form, with its page and its citation."""
    return {
        "ok": True,
        **article.to_json(),
        "url": article_url(article.id),
        "citation": citation(article),
    }


def article_entry(article: Article) -> dict[str, Any]:
    """An article as an issue's contents list it."""
    return {
        "id": article.id,
        "section": article.section,
        "title": article.title,
        "page": article.page,
        "pdf_pages": list(article.pdf_pages),
        "url": article_url(article.id),
    }


def issue_entry(issue: Issue) -> dict[str, Any]:
    """An issue as the list of issues and the issue's own answer both begin it; `layout` is
    the generation its PDF was read as ("2023", "2025"), "unknown" when it was not recognised
    and the issue was read generically, or null for an imported issue; `dropped_pages`, of an
    issue read generically, the PDF pages after its contents page whose text no article holds
    (null for any other issue)."""
    listed = [article_entry(article) for article in issue.articles]
    dropped = issue.pages_in_no_article
    return {
        "issue": issue.issue,
        "title": issue.title,
        "url": issue_url(issue.issue),
        "layout": issue.layout,
        "dropped_pages": list(dropped) if dropped is not None else None,
        "article_count": len(listed),
        "articles": listed,
    }


def issue_json(issue: Issue) -> dict[str, Any]:
    """One issue: its contents, its PDF's name and size, and its events table."""
    return {
        "ok": True,
        **issue_entry(issue),
        "pdf": {"name": issue.pdf.name, "pages": issue.pdf.pages, "sha256": issue.pdf.sha256},
        "events": [event.to_json() for event in issue.events],
    }


def issues_json(issues: Iterable[Issue]) -> dict[str, Any]:
    """Every issue held, newest first, each with its contents."""
    ordered = sorted(issues, key=lambda issue: issue.issue, reverse=True)
    return {"ok": True, "issues": [issue_entry(i) for i in ordered]}
