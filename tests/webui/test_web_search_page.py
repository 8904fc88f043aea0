"""The search page and its JSON twin over the fake archive: results, facets, chart, paging."""

from __future__ import annotations

import html
import re

import pytest

from archive import contract


def test_home_page_has_the_search_box(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<input type="search" name="q" value=""' in page
    assert "브리프 3개 호를 검색합니다" in page


def test_results_show_title_issue_section_page_and_marked_snippet(client):
    page = client.get("/?q=규제").get_data(as_text=True)
    assert "<q>규제</q> 검색 결과 <strong>4</strong>건" in page
    assert '<a href="/articles/2024-01-01?q=%EA%B7%9C%EC%A0%9C">EU AI 법 규제 합의</a>' in page
    assert "2024-01</a>\n    · 정책/법제 · p. 1" in page
    assert "EU regulation <mark>규제</mark> 법안 합의" in page


def test_api_search_has_the_documented_shape(client):
    data = client.get("/api/search?q=규제").get_json()
    assert data["total"] == 4
    assert tuple(data) == contract.SEARCH_FIELDS  # held to the documented shape elsewhere
    assert data["hits"][0] == {
        "id": "2024-01-01",
        "issue": "2024-01",
        "section": "정책/법제",
        "title": "EU AI 법 규제 합의",
        "page": 1,
        "pdf_pages": [2, 2],
        "url": "/articles/2024-01-01",
        "score": 1.0,
        "match": "all",
        "missing": [],
        "passing": [],
        "terms": ["규제"],
        "snippet": "EU regulation 규제 법안 합의",
        "marks": [[14, 16]],
        "citation": (
            "소프트웨어정책연구소 (SPRi). (2024, January). EU AI 법 규제 합의. "
            "SPRi AI Brief / 인공지능 산업의 최신 동향, 1."
        ),
    }
    assert (data["expansions"], data["related_terms"]) == ({}, [])
    assert data["facets"]["section"] == {"정책/법제": 2, "인력/교육": 1, "기업/산업": 1}
    assert data["facets"]["year"] == {"2024": 2, "2025": 2}
    assert data["suggestion"] is None


def test_api_search_without_a_query_is_a_400(client):
    response = client.get("/api/search")
    assert response.status_code == 400
    assert response.get_json()["ok"] is False


def test_facet_links_add_the_filter_and_the_filter_applies(client, fake_archive):
    page = client.get("/?q=규제").get_data(as_text=True)
    link = html.unescape(re.search(r'<a href="([^"]+)">인력/교육</a>', page).group(1))
    assert "section=%EC%9D%B8%EB%A0%A5/%EA%B5%90%EC%9C%A1" in link
    filtered = client.get(link)
    assert filtered.status_code == 200
    assert fake_archive.searches[-1][1].sections == ("인력/교육",)
    assert "검색 결과 <strong>1</strong>건" in filtered.get_data(as_text=True)


@pytest.mark.parametrize(
    ("args", "issue_from", "issue_to"),
    [
        pytest.param("&issue=2024-04", "2024-04", "2024-04", id="issue"),
        pytest.param("&year=2025", "2025-01", "2025-12", id="year"),
        pytest.param("&year=2025&issue=2024-04", "2024-04", "2024-04", id="issue-wins"),
    ],
)
def test_issue_and_year_filters_become_an_issue_range(
    client, fake_archive, args, issue_from, issue_to
):
    assert client.get(f"/api/search?q=규제{args}").status_code == 200
    filters = fake_archive.searches[0][1]
    assert (filters.issue_from, filters.issue_to) == (issue_from, issue_to)


def test_short_section_names_are_accepted(client, fake_archive):
    assert client.get("/api/search?q=규제&section=정책").get_json()["total"] == 2
    assert fake_archive.searches[-1][1].sections == ("정책/법제",)


def test_sort_and_pagination(client):
    data = client.get("/api/search?q=규제&sort=newest&per_page=1&page=2").get_json()
    assert [h["id"] for h in data["hits"]] == ["2025-02-01"]
    assert (data["query"]["page"], data["query"]["limit"], data["total"]) == (2, 1, 4)
    page = client.get("/?q=규제&per_page=1&page=2").get_data(as_text=True)
    assert 'rel="prev"' in page and 'rel="next"' in page
    assert '<span class="current">2</span>' in page


def test_did_you_mean_links_to_the_suggestion(client):
    page = client.get("/?q=규젱").get_data(as_text=True)
    assert '<a href="/?q=%EA%B7%9C%EC%A0%9C">규제</a>을(를) 찾으셨나요?' in page
    assert client.get("/api/search?q=규젱").get_json()["suggestion"] == "규제"


def test_no_results_says_so(client):
    page = client.get("/?q=nothingmatches").get_data(as_text=True)
    assert "맞는 기사가 없습니다." in page
    assert 'class="exports"' not in page  # nothing to download
    assert "<svg" not in page


def test_trend_chart_has_a_bar_per_issue_linking_to_its_results(client):
    page = client.get("/?q=규제").get_data(as_text=True)
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert svg.count("<title>") == 3
    assert "<title>2024-01: 1건</title>" in svg
    assert "<title>2025-02: 2건</title>" in svg
    assert 'href="/?q=%EA%B7%9C%EC%A0%9C&amp;issue=2024-04"' in svg


def test_chart_keeps_the_whole_timeline_when_an_issue_is_chosen(client):
    page = client.get("/?q=규제&issue=2024-04").get_data(as_text=True)
    assert "검색 결과 <strong>1</strong>건" in page
    assert "<title>2025-02: 2건</title>" in page


def test_help_page_and_twin_document_the_query_language(client):
    page = client.get("/help").get_data(as_text=True)
    assert "<code>issue:YYYY-MM..YYYY-MM</code>" in page
    data = client.get("/api/help").get_json()
    assert {row["syntax"] for row in data["syntax"]} >= {"a OR b", "title:word", "source:outlet"}


def test_every_html_page_links_to_its_json_twin(client):
    page = client.get("/?q=규제&sort=newest").get_data(as_text=True)
    assert '<a href="/api/search?q=%EA%B7%9C%EC%A0%9C&amp;sort=newest">JSON</a>' in page


def test_the_page_says_what_else_matched_and_offers_the_words_typed_only(client, fake_archive):
    page = client.get("/?q=합의").get_data(as_text=True)
    # the one article holds no 타결: the form is only looked for, folded
    assert (
        "<summary>함께 찾아본 말 1개 (이 결과에는 없음)</summary>\n        합의 → 타결</details>"
        in page
    )
    assert "함께 찾은 말:" not in page
    assert '<a href="/?q=%ED%95%A9%EC%9D%98&amp;expand=0">입력한 단어만 찾기</a>' in page
    exact = client.get("/?q=합의&expand=0").get_data(as_text=True)
    assert fake_archive.expanded[-2:] == [True, False]
    assert "함께 찾" not in exact
    assert '<a href="/?q=%ED%95%A9%EC%9D%98">관련 개념까지 찾기</a>' in exact


def test_the_page_names_the_few_forms_the_hits_hold_and_folds_the_rest(
    client, fake_archive, monkeypatch
):
    """Of twelve forms added, the nine the article holds: the eight first named, most held
    first, each with the number of hits holding it; every form added behind a fold."""
    held = ("EU", "regulation", "법안", "규제", "AI", "법", "E", "U", "r")
    many = (*(f"말{n}" for n in range(3)), *held)
    monkeypatch.setattr(fake_archive, "EXPANSIONS", {"합의": many})
    page = client.get("/?q=합의").get_data(as_text=True)
    named = re.findall(r'<span class="form">([^<]*)</span> <span class="count"[^>]*>×(\d+)', page)
    assert named == [(form, "1") for form in held[:8]]
    assert 'title="보여 준 기사 1건에 있음"' in page
    assert "<summary>그 밖에 함께 찾아본 말 4개</summary>" in page
    assert "합의 → " + ", ".join(many) in page  # there when opened
    assert "<details open" not in page


def test_api_search_says_what_was_added_and_the_related_terms(client):
    data = client.get("/api/search?q=합의").get_json()
    assert (data["expansions"], data["related_terms"]) == ({"합의": ["타결"]}, ["법안", "EU"])
    assert data["query"]["expand"] is True
    assert client.get("/api/search?q=합의&expand=0").get_json()["expansions"] == {}


def test_related_terms_are_chips_that_add_the_term_to_the_query(client):
    page = client.get("/?q=합의").get_data(as_text=True)
    assert '<a class="chip" href="/?q=%ED%95%A9%EC%9D%98+%EB%B2%95%EC%95%88">법안</a>' in page


def test_partial_matches_are_marked_quietly(client):
    page = client.get("/?q=딥페이크 일자리").get_data(as_text=True)
    assert page.count('<li class="hit partial">') == 2
    assert page.count('<span class="match">일부 단어 일치 · ') == 2
    assert "일부 단어 일치 · 일자리 없음</span>" in page  # and why: the words it lacks
    assert "일부 단어 일치 · 딥페이크 없음</span>" in page


def test_every_json_link_of_a_page_answers(client):
    # The search page without a query linked /api/search, whose answer to no query is a 400:
    # its JSON link is the description of the JSON addresses instead.
    for page in ("/", "/?q=규제", "/issues", "/issues/2024-01", "/actors", "/help"):
        found = re.findall(r'<a href="([^"]+)">JSON</a>', client.get(page).get_data(as_text=True))
        assert len(found) == 1, page
        assert client.get(html.unescape(found[0])).status_code == 200, (page, found)
    assert '<a href="/api/help">JSON</a>' in client.get("/").get_data(as_text=True)


def test_a_page_past_the_last_says_so_and_links_the_last(client):
    # Page 5 of 16 matches on the real issues said "No article matches. Check the spelling…"
    # under "16 results".
    page = client.get("/?q=규제&per_page=2&page=5").get_data(as_text=True)
    assert "맞는 기사가 없습니다." not in page
    assert "5쪽은 이 결과의 마지막 쪽(2쪽) 뒤입니다." in page
    assert '<a href="/?q=%EA%B7%9C%EC%A0%9C&amp;page=2&amp;per_page=2">2쪽으로</a>' in page
    english = client.get("/?q=규제&per_page=2&page=5", headers={"Accept-Language": "en"})
    assert "Page 5 is past the last page of these results (2)." in english.get_data(as_text=True)
    nothing = client.get("/?q=nothingmatches&page=3").get_data(as_text=True)
    assert "맞는 기사가 없습니다." in nothing


def test_the_summary_names_every_filter_that_narrows_the_results(client):
    # It named sections, issues and a year, not an actor, a country or a range: "AI 검색 결과
    # 15 건 · 필터 해제" for AI among the articles naming 메타.
    page = client.get("/?q=규제&actor=Meta&country=CN&from=2024-01&to=2024-06")
    summary = re.search(r'<div class="summary">\s*<p>(.*?)</p>', page.get_data(as_text=True), re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", summary.group(1)))
    assert " · Meta · CN · 2024-01 – 2024-06 · 필터 해제" in text
    opened = client.get("/?q=규제&from=2024-04").get_data(as_text=True)
    assert "· 2024-04 –\n" in opened or "· 2024-04 – " in opened
