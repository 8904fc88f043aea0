"""The web app over a real Archive and search index (articles imported as JSON Lines)."""

from __future__ import annotations

import json

import pytest
from web_fakes import ARTICLES
from web_support import imported_home

from webui import create_app


@pytest.fixture(scope="module")
def real_home(tmp_path_factory):
    return imported_home(tmp_path_factory.mktemp("archive") / "home", ARTICLES)


@pytest.fixture(scope="module")
def real_client(real_home):
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(real_home)})
    yield app.test_client()
    app.extensions["aibrief_archive"].close()


def test_search_finds_inflected_forms_with_marks(real_client):
    data = real_client.get("/api/search?q=규제를").get_json()
    assert data["total"] >= 4
    assert {h["id"] for h in data["hits"]} >= {"2024-01-01", "2024-04-01", "2025-02-01"}
    assert all(h["marks"] and "<mark>" not in h["snippet"] for h in data["hits"])
    marked = {h["snippet"][start:end] for h in data["hits"] for start, end in h["marks"]}
    assert "규제를" in marked or "규제" in marked
    assert data["facets"]["section"]["정책/법제"] == 2


def test_search_page_over_the_real_index(real_client):
    page = real_client.get("/?q=딥페이크").get_data(as_text=True)
    assert '<a href="/articles/2024-04-02?q=%EB%94%A5%ED%8E%98%EC%9D%B4%ED%81%AC">' in page
    assert "<svg" in page


def test_section_filter_over_the_real_index(real_client):
    data = real_client.get("/api/search?q=규제&section=인력/교육").get_json()
    assert [h["id"] for h in data["hits"]] == ["2025-02-01"]


def test_malformed_query_from_the_real_index_is_a_400(real_client):
    response = real_client.get("/api/search?q=%22AI")
    assert response.status_code == 400
    assert response.get_json()["error"].startswith("cannot search for")


def test_article_issue_and_export_over_the_real_archive(real_client):
    article = real_client.get("/api/articles/2024-01-01").get_json()
    assert article["title"] == "EU AI 법 규제 합의"
    assert article["pdf_url"] is None  # imported: no PDF held
    assert real_client.get("/articles/2024-01-01").status_code == 200
    assert real_client.get("/api/articles/2024-01-09").status_code == 404
    issues = real_client.get("/api/issues").get_json()["issues"]
    assert [i["issue"] for i in issues] == ["2025-02", "2024-04", "2024-01"]
    assert real_client.get("/issues/2024-04").status_code == 200
    lines = real_client.get("/export?q=딥페이크&format=jsonl").get_data(as_text=True).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["2024-04-02"]


@pytest.fixture(scope="module")
def sample_client(sample_home):
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(sample_home)})
    yield app.test_client()
    app.extensions["aibrief_archive"].close()


def test_sample_issues_are_all_served(sample_client):
    from samples.issues import SAMPLE_ISSUES

    issues = sample_client.get("/api/issues").get_json()["issues"]
    assert sorted(i["issue"] for i in issues) == sorted(SAMPLE_ISSUES)
    for issue in SAMPLE_ISSUES:
        data = sample_client.get(f"/api/issues/{issue}").get_json()
        assert data["pdf_url"] == f"/pdf/{issue}"
        assert data["articles"]


def test_sample_article_page_links_its_pdf_page_and_image(sample_client):
    hit = sample_client.get("/api/search?q=AI").get_json()["hits"][0]
    article = sample_client.get(f"/api/articles/{hit['id']}?q=AI").get_json()
    first = article["pdf_pages"][0]
    assert article["pdf_url"] == f"/pdf/{article['issue']}#page={first}"
    assert article["page_images"][0] == f"/articles/{hit['id']}/page.png?p={first}&q=AI"
    with sample_client.get(f"/pdf/{article['issue']}") as pdf:
        assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF-")


def test_sample_page_image_highlights_the_hit_terms(sample_client):
    hit = sample_client.get("/api/search?q=AI").get_json()["hits"][0]
    plain = sample_client.get(f"/articles/{hit['id']}/page.png")
    marked = sample_client.get(f"/articles/{hit['id']}/page.png?q=AI")
    assert plain.status_code == marked.status_code == 200
    assert plain.mimetype == "image/png"
    assert plain.data != marked.data


def test_every_help_example_is_a_query_the_index_accepts(sample_client):
    from webui.query_help import QUERY_LANGUAGE

    for syntax in QUERY_LANGUAGE:
        response = sample_client.get("/api/search", query_string={"q": syntax.example})
        assert response.status_code == 200, (syntax.example, response.get_json())


def test_the_summary_counts_full_matches_and_says_partial_ones_follow(sample_client):
    answer = sample_client.get("/api/search?q=반도체 투자").get_json()
    full = sum(hit["match"] == "all" for hit in answer["hits"])
    partial = sum(hit["match"] == "partial" for hit in answer["hits"])
    assert (answer["total"], full, answer["fallback"]) == (1, 1, False) and partial > 1
    korean = words(sample_client.get("/?q=반도체 투자"))
    assert (
        "<q>반도체 투자</q>의 모든 단어가 있는 기사 <strong>1</strong>건"
        f" · 이어서 일부 단어만 있는 기사 {partial}건"
    ) in korean
    english = words(sample_client.get("/?q=반도체 투자", headers={"Accept-Language": "en"}))
    assert (
        "<strong>1</strong> article has every word of <q>반도체 투자</q>"
        f" · {partial} more below have some of them"
    ) in english
    whole = words(sample_client.get("/?q=AI 법", headers={"Accept-Language": "en"}))
    assert "<strong>3</strong> articles for <q>AI 법</q>" in whole and "more below" not in whole


def words(response) -> str:
    """The page's text with its white space collapsed."""
    return " ".join(response.get_data(as_text=True).split())
