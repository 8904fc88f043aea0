"""Who the articles are about: the actors with the most articles, and one actor's page; each
with its JSON twin."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request, url_for

from archive import BadParameter, echoed, translatable
from archive.parameters import BY_NAME, given
from extract.model import ACTOR_KINDS
from webui.app_state import current_archive
from webui.request_budget import request_budget
from webui.twins import Context, twin

bp = Blueprint("actors", __name__)
LISTED = 100  # actors on the page
ACTOR_FILTERS = ("year", "section", "kind", "country")  # what /actors and /api/actors take


def actor_query(name: str) -> str:
    """The search for the articles naming an actor."""
    return f'actor:"{name}"'


def _filter_args() -> dict[str, Any]:
    """year, section, kind and country from the query string; a bad one is a 400."""
    args = request.args  # /api/actors refuses any other parameter (webui.twins)
    for name in ACTOR_FILTERS:  # each takes one value, as every parameter that is not a list
        given(name, args.getlist(name))
    year = args.get("year", "")
    if year:  # read as every year is: four ASCII digits (٢٠٢٤ is not 2024 here either)
        year = BY_NAME["year"].read("year", year)
    section = args.get("section") or None
    if section is not None:  # BadParameter, said in the page's language
        section = BY_NAME["section"].read("section", section)
    kind = args.get("kind") or None
    if kind is not None and kind not in ACTOR_KINDS:
        kinds = ", ".join(ACTOR_KINDS)
        raise BadParameter(
            translatable("unknown kind %(kind)s (kinds: %(kinds)s)", kind=echoed(kind), kinds=kinds)
        )
    return {
        "year": int(year) if year else None,
        "section": section,
        "kind": kind,
        "country": args.get("country") or None,
    }


def actors_context() -> Context:
    """The actors with the most articles, filtered by year, section, kind and country."""
    listing = current_archive().actors(**_filter_args(), limit=LISTED)
    years = sorted({y for a in listing.actors for y in a.years})
    rows = [(a, {year: a.years.get(year, 0) for year in years}) for a in listing.actors]
    return {"listing": listing, "rows": rows, "years": years, "kinds": ACTOR_KINDS}


def actors_json(context: Context) -> dict[str, Any]:
    """The listing as JSON, each actor with its page."""
    data = context["listing"].to_json()
    for actor in data["actors"]:
        actor["url"] = url_for("actors.actor", name=actor["name"])
    return data


twin(
    bp,
    "actors",
    "/actors",
    "/api/actors",
    template="actors.html",
    as_json=actors_json,
    takes=ACTOR_FILTERS,
)(actors_context)


def actor_context(name: str) -> Context:
    """One actor, found by any of its spellings."""
    archive = current_archive()
    profile = archive.actor(name)  # NotFound, a 404 in the page's language (webui.errors)
    query = actor_query(profile.summary.name)
    # The terms most associated with the actor: the search's related-terms statistic.
    related = archive.search(query, per_page=1, budget=request_budget()).related_terms
    return {
        "profile": profile,
        "related_terms": list(related)[:10],
        "search_url": url_for("search.search", q=query),
    }


def actor_json(context: Context) -> dict[str, Any]:
    """An actor's page as JSON: its articles, newest first, and who it appears with."""
    profile = context["profile"]
    data = {
        "ok": True,
        **profile.to_json(),
        "related_terms": context["related_terms"],
        "search_url": context["search_url"],
    }
    for article in data["articles_list"]:
        article["url"] = url_for("articles.article", article_id=article["id"])
    return data


twin(
    bp, "actor", "/actors/<name>", "/api/actors/<name>", template="actor.html", as_json=actor_json
)(actor_context)
