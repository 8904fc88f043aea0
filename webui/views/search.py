"""The search page and its twin /api/search, the help page, and export of the results."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from math import ceil
from typing import Any

from flask import Blueprint, Response, redirect, request, url_for

from archive import EXPORT_FORMATS, BadParameter, SearchQuery
from archive.also_matched import also_matched
from archive.contract import search_json as contract_search_json
from archive.parameters import BY_NAME, EXPORT_NAMES, MAX_PAGE, SEARCH_NAMES, read_arguments
from extract.model import Article
from index import SearchFilters
from webui.app_state import current_archive
from webui.downloads import LIMITS_HEADER, download, limits_header
from webui.errors import wants_json
from webui.facets import actor_facets, build_facets, facet_counts
from webui.query_help import ENDPOINTS, ERROR_NOTE, ERRORS, NOTES, QUERY_LANGUAGE
from webui.request_budget import request_budget
from webui.snippets import marked_snippet
from webui.trend_chart import trend_chart
from webui.twins import Context, twin

bp = Blueprint("search", __name__)


def hit_view(hit: Any, q: str) -> dict[str, Any]:
    """A hit as the page and the API show it, with its snippet checked and marked safe."""
    return {
        "id": hit.id,
        "issue": hit.issue,
        "section": hit.section,
        "title": hit.title,
        "page": hit.page,
        "snippet": marked_snippet(hit.snippet, hit.marks),
        "url": url_for("articles.article", article_id=hit.id, q=q or None),
        "match": hit.match,
        "missing": ", ".join(hit.missing),
        "passing": ", ".join(hit.passing),
    }


def held_issues() -> list[str]:
    """The issues in the archive, oldest first."""
    return sorted(summary.issue for summary in current_archive().issues())


def issue_counts(req: SearchQuery, result: Any) -> dict[str, int]:
    """Matches per issue for the chart, ignoring an issue/year filter to keep the timeline whole."""
    if not (req.issues or req.year or req.issue_from or req.issue_to):
        return facet_counts(result.facets, "issue")
    wider = current_archive().search(
        req.q,
        filters=SearchFilters(sections=req.sections),
        sort=req.sort,
        page=1,
        per_page=1,
        budget=request_budget(),
    )
    return facet_counts(wider.facets, "issue")


def page_links(req: SearchQuery, total: int) -> dict[str, Any]:
    """Previous/next and a window of page numbers around the current page."""
    last = min(max(1, ceil(total / req.limit)), MAX_PAGE)
    window = range(max(1, req.page - 3), min(last, req.page + 3) + 1)

    def link(n: int) -> str:
        return url_for("search.search", **req.args(page=n))

    return {
        "last": last,
        "first_url": link(1) if window.start > 1 else None,
        "last_url": link(last) if window.stop <= last else None,
        "past_last": link(last) if total and req.page > last else None,  # no hit is on it
        "prev": link(req.page - 1) if req.page > 1 else None,
        "next": link(req.page + 1) if req.page < last else None,
        "numbers": [(n, link(n)) for n in window],
    }


def search_context() -> Context:
    """The search page's data: results, facets, chart, pages and export links."""
    req = SearchQuery.from_args(request.args.to_dict(flat=False), strict=wants_json())
    held = held_issues()
    context: Context = {"req": req, "result": None, "issue_count": len(held), "hint": None}
    if not req.q:
        # /api/search answers no query with a 400: the page's JSON is what the addresses take
        return {**context, "api_url": url_for("search.api_help")}
    # An issue or range not held finds nothing whatever the words: say so, as the CLI does.
    context["hint"] = req.unanswerable(held)
    result = current_archive().search(
        req.q,
        filters=req.filters(),
        sort=req.sort,
        page=req.page,
        per_page=req.limit,
        expand=req.expand,
        budget=request_budget(),
    )

    def link(**changes: Any) -> str:
        return url_for("search.search", **req.args(**changes))

    context.update(
        result=result,
        hits=[hit_view(hit, req.q) for hit in result.hits],
        # below the articles with every word, the page goes on with some that have only some
        partial_hits=sum(hit.match == "partial" for hit in result.hits),
        facets=build_facets(result.facets, req, link),
        actor_facets=actor_facets(result.facets, req, link),
        chart=trend_chart(
            issue_counts(req, result),
            held,
            lambda issue: link(issues=(issue,), year=None, issue_from=None, issue_to=None, page=1),
        ),
        pages=page_links(req, result.total),
        exports={
            f: url_for("search.export", format=f, **req.export_args()) for f in EXPORT_FORMATS
        },
        suggestion_url=url_for("search.search", q=result.suggestion) if result.suggestion else None,
        feed_url=url_for("feeds.feed", **req.feed_args()),
        exact_url=link(expand=False, page=1) if result.expansions else None,
        # the few forms added that the hits hold; every one folded below (archive.also_matched)
        also=also_matched(result),
        expanded_url=None if req.expand else link(expand=True, page=1),
        related=[(term, link(q=f"{req.q} {term}", page=1)) for term in result.related_terms],
    )
    return context


def search_json(context: Context) -> dict[str, Any]:
    """The /api/search answer (the contract's search result); an empty query is a 400 there."""
    result = context["result"]
    if result is None:
        raise BadParameter("the query is empty: give q, e.g. /api/search?q=규제")
    hint = context["hint"]
    return contract_search_json(context["req"], result, str(hint) if hint else None)


twin(
    bp,
    "search",
    "/",
    "/api/search",
    template="search.html",
    as_json=search_json,
    takes=SEARCH_NAMES,
)(search_context)


def help_context() -> Context:
    """The query language and the JSON addresses with their parameters, for the help page."""
    return {
        "syntax": QUERY_LANGUAGE,
        "notes": NOTES,
        "endpoints": ENDPOINTS,
        "errors": ERRORS,
        "error_note": ERROR_NOTE,
        "parameters": BY_NAME,
    }


def help_json(context: Context) -> dict[str, Any]:
    """The help as JSON: the query language, and each address with its parameters."""
    return {
        "ok": True,
        "syntax": [s.to_json() for s in context["syntax"]],
        "notes": context["notes"],
        "endpoints": [endpoint.to_json() for endpoint in context["endpoints"]],
        "errors": {"shape": context["errors"], "statuses": context["error_note"]},
    }


twin(bp, "help", "/help", "/api/help", template="help.html", as_json=help_json)(help_context)


@bp.route("/search")
def search_address() -> Response:
    """/search is where people guess the search page is: send them to it, arguments kept."""
    return redirect(url_for("search.search", **request.args.to_dict(flat=False)), code=302)


def matching_articles(req: SearchQuery, limits: list[str] | None = None) -> Iterable[Article]:
    """Every article the search matches, in the order asked, through the archive's export,
    within the request's time budget as the search page's; what that cut short is appended
    to `limits` as the articles are read."""
    return current_archive().export_articles(
        req.q or None,
        req.article_filter(),
        sort=req.sort,
        expand=req.expand,
        budget=request_budget(),
        limits=limits,
    )


def export_name(req: SearchQuery) -> str:
    """The download's name before its extension: the query's words and today's date
    (aibrief-AI-규제-2025-03-01)."""
    words = re.sub(r"[^\w]+", "-", req.q).strip("-")[:40].strip("-")
    return "-".join(filter(None, ("aibrief", words, date.today().isoformat())))


@bp.route("/export")
def export() -> Response:
    """Every article matching the current search, as a download in any registered format."""
    args = request.args.to_dict(flat=False)
    req = SearchQuery.from_args(args, EXPORT_NAMES)
    name = read_arguments(args, ("format",), strict=False)["format"]
    limits: list[str] = []
    response = download(matching_articles(req, limits), name, export_name(req))
    if limits:  # the file holds articles only: the header says what the bound cut short
        response.headers[LIMITS_HEADER] = limits_header(limits)
    return response
