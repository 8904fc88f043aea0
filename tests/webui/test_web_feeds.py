"""Atom feeds, parsed by feedparser and checked against the search API."""

from __future__ import annotations

import feedparser
import pytest


def parsed(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def api_ids(client, args: str) -> list[str]:
    """Every article the search API finds, newest issue first, each issue in page order."""
    hits = client.get(f"/api/search?{args}&per_page=50").get_json()["hits"]
    return [
        h["id"]
        for h in sorted(
            sorted(hits, key=lambda h: h["page"]), key=lambda h: h["issue"], reverse=True
        )
    ]


def test_the_newest_articles_feed(client, fake_archive):
    feed = parsed(client, "/feed.atom")
    newest = sorted(
        sorted(fake_archive.articles, key=lambda a: a.page), key=lambda a: a.issue, reverse=True
    )
    assert [e.id for e in feed.entries] == [f"urn:aibrief:article:{a.id}" for a in newest]
    first, article = feed.entries[0], newest[0]
    assert first.title == article.title
    assert first.link == f"http://localhost/articles/{article.id}"
    assert first.summary == "\n".join(article.key_contents)
    assert first.updated == f"{article.issue}-01T00:00:00Z"
    assert feed.feed.title == "aibrief: newest articles"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param("q=규제", id="query"),
        pytest.param("q=규제&section=정책/법제", id="section"),
        pytest.param("q=규제&year=2025", id="year"),
    ],
)
def test_a_saved_search_feed_holds_what_the_search_finds(client, args):
    feed = parsed(client, f"/feed.atom?{args}")
    ids = [e.id.removeprefix("urn:aibrief:article:") for e in feed.entries]
    assert ids == api_ids(client, args)
    assert ids
    assert feed.feed.title == "aibrief: 규제"
    assert parsed(client, f"/feed.atom?{args}").feed.id == feed.feed.id


def test_a_bad_feed_query_is_a_400(client):
    assert client.get("/feed.atom?q=규제&issue=2024-13").status_code == 400


def test_the_search_page_links_its_feed(client):
    page = client.get("/?q=규제&section=정책/법제").get_data(as_text=True)
    href = "/feed.atom?q=%EA%B7%9C%EC%A0%9C&amp;section=%EC%A0%95%EC%B1%85/%EB%B2%95%EC%A0%9C"
    link = f'<link rel="alternate" type="application/atom+xml" title="Atom 피드" href="{href}">'
    assert link in page
    assert f'<a class="feed" href="{href}">' in page
