"""The issues pages and their twins."""

from __future__ import annotations


def test_issues_page_lists_every_issue_newest_first(client):
    page = client.get("/issues").get_data(as_text=True)
    assert page.index("2025-02") < page.index("2024-04") < page.index("2024-01")
    assert '<a href="/issues/2024-04">2024-04</a>' in page


def test_api_issues(client):
    data = client.get("/api/issues").get_json()
    assert [i["issue"] for i in data["issues"]] == ["2025-02", "2024-04", "2024-01"]
    assert data["issues"][0]["url"] == "/issues/2025-02"


def test_issue_page_shows_contents_by_section_and_events(client):
    page = client.get("/issues/2024-04").get_data(as_text=True)
    assert "<h1>SPRi AI Brief 2024년 4월호</h1>" in page
    assert "<h2>정책/법제</h2>" in page and "<h2>기술/연구</h2>" in page
    assert '<a href="/articles/2024-04-02">딥페이크 탐지 연구</a>' in page
    assert (
        '<a href="https://example.org/summit" rel="noopener noreferrer nofollow">AI Summit</a>'
        in page
    )
    assert '<a href="/pdf/2024-04">PDF</a>' in page


def test_api_issue(client):
    data = client.get("/api/issues/2024-04").get_json()
    assert data["issue"] == "2024-04"
    assert [a["id"] for a in data["articles"]] == ["2024-04-01", "2024-04-02"]
    assert data["articles"][0]["url"] == "/articles/2024-04-01"
    assert data["events"][0]["name"] == "AI Summit"
    assert data["pdf_url"] == "/pdf/2024-04"
