"""Atom feeds (RFC 4287) of articles, written with xml.etree.

An entry's id is a URN made of the article's id, so that it stays the same whichever address
the archive is served from; its link is the article's page there. An article is dated by its
issue: the first day of the issue's month.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from archive.citations.csl import AUTHOR
from extract.model import Article

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def entry_id(article_id: str) -> str:
    """The stable id of an article's entry."""
    return f"urn:aibrief:article:{article_id}"


def issue_timestamp(issue: str) -> str:
    """The RFC 3339 time an article of this issue is dated by."""
    return f"{issue}-01T00:00:00Z"


@dataclass(frozen=True)
class FeedInfo:
    """What the feed says about itself."""

    id: str  # a stable URI: the same query gives the same feed id
    title: str
    self_url: str  # where the feed itself is served
    page_url: str  # the web page the feed follows (the search page)


def element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element in the Atom namespace."""
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    child.text = text
    return child


def atom_feed(info: FeedInfo, articles: Iterable[Article], link: Callable[[str], str]) -> bytes:
    """The feed document of `articles` (newest first); `link(id)` is an article's page URL."""
    articles = list(articles)
    feed = ET.Element(f"{{{ATOM}}}feed")
    element(feed, "id", info.id)
    element(feed, "title", info.title)
    newest = max((a.issue for a in articles), default="2000-01")
    element(feed, "updated", issue_timestamp(newest))
    element(feed, "link", rel="self", type="application/atom+xml", href=info.self_url)
    element(feed, "link", rel="alternate", type="text/html", href=info.page_url)
    element(element(feed, "author"), "name", AUTHOR)
    for article in articles:
        entry = element(feed, "entry")
        element(entry, "id", entry_id(article.id))
        element(entry, "title", article.title)
        element(entry, "updated", issue_timestamp(article.issue))
        element(entry, "link", rel="alternate", type="text/html", href=link(article.id))
        element(entry, "summary", "\n".join(article.key_contents) or article.title)
        if article.section:
            element(entry, "category", term=article.section)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
