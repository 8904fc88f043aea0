"""The Atom feeds of the real issues, parsed by feedparser and checked against the search API."""

from __future__ import annotations

import feedparser
import pytest

from webui import create_app

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_client(corpus_archive):
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(corpus_archive)})
    yield app.test_client()
    app.extensions["aibrief_archive"].close()


def entry_ids(client, url: str) -> list[str]:
    """The article ids of a feed's entries, checking that feedparser reads it as valid Atom."""
    feed = feedparser.parse(client.get(url).data)
    assert (feed.bozo, feed.version) == (False, "atom10")
    return [entry.id.removeprefix("urn:aibrief:article:") for entry in feed.entries]


def test_the_newest_articles_are_the_newest_issues(corpus_client, corpus_articles):
    newest = sorted(corpus_articles, key=lambda a: (-int(a.issue.replace("-", "")), a.page))
    assert entry_ids(corpus_client, "/feed.atom") == [a.id for a in newest[:20]]


@pytest.mark.parametrize("query", ["딥페이크", "반도체"])
def test_a_saved_search_is_what_the_search_api_finds(corpus_client, query):
    data = corpus_client.get(f"/api/search?q={query}&per_page=50").get_json()
    assert 0 < data["total"] <= 50
    hits = sorted(data["hits"], key=lambda h: (-int(h["issue"].replace("-", "")), h["page"]))
    assert entry_ids(corpus_client, f"/feed.atom?q={query}") == [h["id"] for h in hits][:20]
