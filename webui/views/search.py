"""The search page and its twin /api/search, the help page, and export of the results."""

from __future__ import annotations

import io
from collections.abc import Iterable
from math import ceil
from typing import Any

from flask import Blueprint, Response, request, url_for

from archive import FORMATS, ArticleFilter, write_articles
from extract.model import Article
from index import SearchFilters
from webui.app_state import current_archive
from webui.errors import BadParameter
from webui.facets import build_facets, facet_counts
from webui.query_help import NOTES, QUERY_LANGUAGE
from webui.search_request import MAX_PAGE, SearchRequest
from webui.snippets import safe_snippet
from webui.trend_chart import trend_chart
from webui.twins import Context, twin

bp = Blueprint("search", __name__)

FACET_NAMES = ("section", "year", "issue")  # the counts /api/search reports


def hit_view(hit: Any, q: str) -> dict[str, Any]:
    """A hit as the page and the API show it, with its snippet checked and marked safe."""
    return {
        "id": hit.id,
        "issue": hit.issue,
        "section": hit.section,
        "title": hit.title,
        "page": hit.page,
        "snippet": safe_snippet(hit.snippet),
        "url": url_for("articles.article", article_id=hit.id, q=q or None),
    }


def held_issues() -> list[str]:
    """The issues in the archive, oldest first."""
    return sorted(summary.issue for summary in current_archive().issues())


def issue_counts(req: SearchRequest, result: Any) -> dict[str, int]:
    """Matches per issue for the chart, ignoring an issue/year filter to keep the timeline whole."""
    if not (req.issue or req.year):
        return facet_counts(result.facets, "issue")
    wider = current_archive().search(
        req.q, filters=SearchFilters(sections=req.sections), sort=req.sort, page=1, per_page=1
    )
    return facet_counts(wider.facets, "issue")


def page_links(req: SearchRequest, total: int) -> dict[str, Any]:
    """Previous/next and a window of page numbers around the current page."""
    last = min(max(1, ceil(total / req.per_page)), MAX_PAGE)
    window = range(max(1, req.page - 3), min(last, req.page + 3) + 1)

    def link(n: int) -> str:
        return url_for("search.search", **req.args(page=n))

    return {
        "last": last,
        "first_url": link(1) if window.start > 1 else None,
        "last_url": link(last) if window.stop <= last else None,
        "prev": link(req.page - 1) if req.page > 1 else None,
        "next": link(req.page + 1) if req.page < last else None,
        "numbers": [(n, link(n)) for n in window],
    }


def search_context() -> Context:
    """The search page's data: results, facets, chart, pages and export links."""
    req = SearchRequest.from_args(request.args)
    context: Context = {"req": req, "result": None, "issue_count": len(held_issues())}
    if not req.q:
        return context
    result = current_archive().search(
        req.q, filters=req.filters(), sort=req.sort, page=req.page, per_page=req.per_page
    )

    def link(**changes: Any) -> str:
        return url_for("search.search", **req.args(**changes))

    context.update(
        result=result,
        hits=[hit_view(hit, req.q) for hit in result.hits],
        facets=build_facets(result.facets, req, link),
        chart=trend_chart(
            issue_counts(req, result),
            held_issues(),
            lambda issue: link(issue=issue, year=None, page=1),
        ),
        pages=page_links(req, result.total),
        exports={f: url_for("search.export", format=f, **req.args(page=1)) for f in FORMATS},
        suggestion_url=url_for("search.search", q=result.suggestion) if result.suggestion else None,
    )
    return context


def search_json(context: Context) -> dict[str, Any]:
    """The /api/search answer; an empty query is a 400 there."""
    result = context["result"]
    if result is None:
        raise BadParameter("the query is empty: give q, e.g. /api/search?q=규제")
    return {
        "ok": True,
        "query": context["req"].to_json(),
        "total": result.total,
        "hits": [dict(hit, snippet=str(hit["snippet"])) for hit in context["hits"]],
        "facets": {name: facet_counts(result.facets, name) for name in FACET_NAMES},
        "suggestion": result.suggestion,
        "fallback": bool(getattr(result, "fallback", False)),
        "page": context["req"].page,
        "pages": context["pages"]["last"],
    }


twin(bp, "search", "/", "/api/search", template="search.html", as_json=search_json)(search_context)


def help_context() -> Context:
    """The query language, for the help page."""
    return {"syntax": QUERY_LANGUAGE, "notes": NOTES}


def help_json(context: Context) -> dict[str, Any]:
    """The query language as JSON."""
    return {
        "ok": True,
        "syntax": [s.to_json() for s in context["syntax"]],
        "notes": context["notes"],
    }


twin(bp, "help", "/help", "/api/help", template="help.html", as_json=help_json)(help_context)


MIMETYPES = {
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "csv": "text/csv",
}


def matching_articles(req: SearchRequest) -> Iterable[Article]:
    """Every article the search matches, in archive order, through the archive's export."""
    issues: tuple[str, ...] = ()
    if req.issue:
        issues = (req.issue,)
    elif req.year:
        issues = tuple(i for i in held_issues() if i.startswith(f"{req.year}-"))
        if not issues:  # an empty filter would mean every issue
            return []
    return current_archive().export_articles(
        query=req.q or None, filters=ArticleFilter(issues=issues, sections=req.sections)
    )


@bp.route("/export")
def export() -> Response:
    """Every article matching the current search, as a JSON, JSON Lines or CSV download."""
    req = SearchRequest.from_args(request.args)
    fmt = request.args.get("format", "json")
    if fmt not in FORMATS:
        raise BadParameter(f"format must be one of {', '.join(FORMATS)}, not {fmt[:20]!r}")
    # Written whole before answering, so a bad query is a 400 rather than a cut-off download.
    body = io.StringIO()
    write_articles(matching_articles(req), body, fmt)
    response = Response(body.getvalue(), mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="aibrief-export.{fmt}"'
    return response
