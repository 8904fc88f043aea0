"""Atom feeds: the newest articles, or a saved search (/feed.atom?q=… with the page's filters)."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, request, url_for

from archive import FeedInfo, SearchQuery, atom_feed
from archive.parameters import FEED_NAMES
from extract.model import Article
from webui.views.search import matching_articles

bp = Blueprint("feeds", __name__)

FEED_SIZE = 20


def newest(articles: list[Article]) -> list[Article]:
    """The FEED_SIZE newest articles: the newest issue first, each issue in page order."""
    by_page = sorted(articles, key=lambda article: article.page)
    return sorted(by_page, key=lambda article: article.issue, reverse=True)[:FEED_SIZE]


def feed_info(req: SearchQuery) -> FeedInfo:
    """The feed's id, title and links for this search (the same search, the same id)."""
    chosen = req.feed_args()
    return FeedInfo(
        id=f"urn:aibrief:feed:{urlencode(sorted(chosen.items()), doseq=True)}",
        title=f"aibrief: {req.q}" if req.q else "aibrief: newest articles",
        self_url=url_for("feeds.feed", _external=True, **chosen),
        page_url=url_for("search.search", _external=True, **chosen, sort="newest"),
    )


@bp.route("/feed.atom")
def feed() -> Response:
    """The newest articles matching the search (all articles without q=), as an Atom feed."""
    req = SearchQuery.from_args(request.args.to_dict(flat=False), FEED_NAMES, strict=False)
    articles = newest(list(matching_articles(req)))
    body = atom_feed(
        feed_info(req),
        articles,
        lambda article_id: url_for("articles.article", article_id=article_id, _external=True),
    )
    return Response(body, mimetype="application/atom+xml")
