"""One time budget per request: every search a request computes (the search page's and its
chart's, a page image's highlights, an actor's related terms) draws on one SharedBudget of
REQUEST_BUDGET seconds, and an answer the budget cut short is not kept in the result cache."""

from __future__ import annotations

from typing import Any

import pytest

from archive import Archive
from index import SharedBudget
from webui import create_app
from webui.result_cache import CachedArchive


class RecordingArchive:
    """The sample archive, noting the budget each search was given."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.budgets: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.archive, name)

    def search(self, *args: Any, budget: Any = None, **kwargs: Any) -> Any:
        self.budgets.append(budget)
        return self.archive.search(*args, budget=budget, **kwargs)


@pytest.fixture(scope="module")
def recorded(sample_home):
    archive = RecordingArchive(Archive(sample_home, reconcile_on_read=False))
    app = create_app({"TESTING": True, "AIBRIEF_ARCHIVE": archive, "RESULT_CACHE": 0})
    yield archive, app.test_client()
    archive.close()


def budgets_of(recorded, url: str) -> list[Any]:
    archive, client = recorded
    archive.budgets.clear()
    response = client.get(url)
    assert response.status_code == 200, url
    return list(archive.budgets)


@pytest.mark.parametrize(
    ("url", "searches"),
    [
        pytest.param("/?q=AI&year=2024", 2, id="search-page-and-its-chart"),
        pytest.param("/api/search?q=AI&year=2024", 2, id="api-search"),
        pytest.param("/actors/OpenAI", 1, id="actor-page"),
    ],
)
def test_every_search_of_a_request_draws_on_one_budget(recorded, url, searches):
    budgets = budgets_of(recorded, url)
    assert len(budgets) == searches
    assert all(b is budgets[0] for b in budgets) and isinstance(budgets[0], SharedBudget)
    assert budgets[0].seconds == 0.5
    assert budgets_of(recorded, url)[0] is not budgets[0]  # a new request, a new budget


def test_a_page_image_s_highlights_draw_on_the_request_s_budget(recorded):
    archive, client = recorded
    hit = client.get("/api/search?q=AI").get_json()["hits"][0]
    first = hit["pdf_pages"][0]
    budgets = budgets_of(recorded, f"/articles/{hit['id']}/page.png?p={first}&q=AI")
    assert len(budgets) == 1 and isinstance(budgets[0], SharedBudget)


@pytest.fixture
def spent_client(sample_home):
    """The sample archive served with no time for optional work, and its result cache."""
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(sample_home), "REQUEST_BUDGET": 0})
    yield app.test_client(), app.extensions["aibrief_archive"]
    app.extensions["aibrief_archive"].close()


def test_a_spent_budget_is_said_and_its_answer_not_kept(spent_client):
    client, cache = spent_client
    assert isinstance(cache, CachedArchive)
    answers = [client.get("/api/search?q=AI").get_json() for _ in range(2)]
    assert answers[0]["limits"] == [
        "related terms: skipped, the search's time budget (0 s) was spent"
    ]
    assert answers[0] == answers[1]
    assert (cache.hits, cache.misses, len(cache)) == (0, 2, 0)
    page = client.get("/?q=AI").get_data(as_text=True)
    assert "연관어: 검색 시간 한도(0초)를 다 써서 건너뛰었습니다" in page


def test_an_answer_within_the_budget_is_kept(sample_home):
    # A budget no search spends: under load the default 0.5 s can be spent, and the answer
    # rightly not kept; this test is about the answer that was not cut.
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(sample_home), "REQUEST_BUDGET": 60})
    cache = app.extensions["aibrief_archive"]
    try:
        client = app.test_client()
        for _ in range(2):
            assert client.get("/api/search?q=AI").get_json()["limits"] == []
        assert (cache.hits, cache.misses) == (1, 1)
    finally:
        cache.close()
