"""What each tool answers, computed from the archive as plain JSON-ready dicts.

The search answer is the team's one search contract (`archive.contract.search_json`), the same
object `aibrief search --json` prints and /api/search serves; the arguments are read by the same
parameter table, so a section or an issue is spelled as everywhere else.
"""

from __future__ import annotations

from typing import Any

from archive import Archive, BadParameter, SearchQuery, contract, echoed
from archive.parameters import BY_NAME
from extract.model import ACTOR_KINDS, section_named


def search_query(
    query: str, section: str | None, issue_from: str | None, issue_to: str | None, limit: int
) -> SearchQuery:
    """The search the tool's arguments ask for; a bad one is the archive's BadParameter."""
    given = {"q": query, "section": section, "from": issue_from, "to": issue_to}
    args = {name: [value] for name, value in given.items() if value}
    return SearchQuery.from_args({**args, "limit": [str(limit)]})


def search_answer(archive: Archive, asked: SearchQuery) -> dict[str, Any]:
    """The contract's search result for one page of hits, each with its citation, and the hint
    /api/search gives when no issue searched is held (the command line stops with it)."""
    hint = asked.unanswerable([summary.issue for summary in archive.issues()])
    result = archive.search(asked.q, filters=asked.filters(), sort=asked.sort, per_page=asked.limit)
    return contract.search_json(asked, result, str(hint) if hint else None)


def article_answer(archive: Archive, article_id: str) -> dict[str, Any]:
    """The whole structured article and its citation, as /api/articles/<id> gives it."""
    return contract.article_json(archive.article(article_id))


def issues_answer(archive: Archive) -> dict[str, Any]:
    """The issues held, oldest first, with their article counts."""
    return {
        "ok": True,
        "issues": [
            {
                "issue": s.issue,
                "title": s.title,
                "article_count": s.articles,
                "url": contract.issue_url(s.issue),
                "layout": s.layout,
            }
            for s in archive.issues()
        ],
    }


def trend_answer(archive: Archive, query: str) -> dict[str, Any]:
    """How many articles match the query in each held issue, oldest first (zeros included)."""
    result = archive.search(query, per_page=1)
    counts = result.facets.get("issue", {})
    return {
        "ok": True,
        "query": query,
        "total": result.total,
        "issues": [
            {"issue": s.issue, "article_count": counts.get(s.issue, 0)} for s in archive.issues()
        ],
    }


def actors_answer(
    archive: Archive,
    year: int | None,
    section: str | None,
    kind: str | None,
    country: str | None,
    limit: int,
) -> dict[str, Any]:
    """The actors with the most articles, as `aibrief actors --json` gives them; a section or
    kind that names none is the archive's BadParameter, as on the web."""
    limit = BY_NAME["limit"].read("limit", str(limit))  # 1 to MAX_LIMIT, as the schema says
    named = section_named(section) if section else None
    if section and named is None:
        raise BadParameter(f"section: unknown section {echoed(section)}")
    if kind is not None and kind not in ACTOR_KINDS:
        raise BadParameter(f"kind: unknown kind {echoed(kind)} (kinds: {', '.join(ACTOR_KINDS)})")
    return archive.actors(year, named, country, kind, limit).to_json()
