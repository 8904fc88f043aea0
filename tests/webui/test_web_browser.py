"""The search page in headless Chromium over the sample archive: search, filter, read, export.

Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from web_support import ARTIFACTS

pytestmark = pytest.mark.browser

QUERY = "AI"


@pytest.fixture
def page(open_page):
    return open_page(1280, 900)


def search(page, query: str) -> None:
    page.goto("/")
    page.fill("input[name=q]", query)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".results")


def test_search_shows_marked_results_and_a_chart(page):
    search(page, QUERY)
    assert page.locator(".hit").count() > 0
    assert page.locator(".hit .snippet mark").count() > 0
    assert page.locator("svg.trend .bar rect").count() > 0
    page.screenshot(path=ARTIFACTS / "search.png", full_page=True)
    assert page.console_errors == []  # no CSP violation, no script error


def test_filter_by_section(page):
    search(page, QUERY)
    facet = page.locator(".facet-section li a").first
    section = facet.inner_text()
    facet.click()
    page.wait_for_selector(".facet-section li.active")
    assert "section=" in page.url
    metas = page.locator(".hit .meta").all_inner_texts()
    assert metas and all(section in meta for meta in metas)
    page.screenshot(path=ARTIFACTS / "search-filtered.png", full_page=True)


def test_open_an_article_with_its_pdf_page_image(page):
    search(page, QUERY)
    title = page.locator(".hit h3 a").first.inner_text()
    page.locator(".hit h3 a").first.click()
    page.wait_for_selector("article h1")
    assert page.locator("article h1").inner_text() == title
    image = page.locator(".page-images img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('.page-images img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    assert "SPRi AI Brief" in page.locator("#citation").input_value()
    page.screenshot(path=ARTIFACTS / "article.png", full_page=True)
    assert page.console_errors == []


def test_export_downloads_the_results(page):
    search(page, QUERY)
    total = int(page.locator(".summary strong").first.inner_text())
    with page.expect_download() as download_info:
        page.locator(".exports a", has_text="JSON").first.click()
    download = download_info.value
    assert download.suggested_filename == f"aibrief-{QUERY}-{date.today()}.json"
    articles = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert len(articles) == total


def test_issue_page(page):
    page.goto("/issues")
    page.locator("table.issues a").first.click()
    page.wait_for_selector(".contents")
    assert page.locator(".contents li").count() > 0
    page.screenshot(path=ARTIFACTS / "issue.png", full_page=True)


def test_a_chart_bar_opens_that_issues_results(page):
    search(page, QUERY)
    bar = page.locator("svg.trend a.bar:not(.empty)").first
    issue = bar.locator("title").text_content().split(":")[0]
    bar.click()
    page.wait_for_selector(".facet-issue li.active")
    assert f"issue={issue}" in page.url
    metas = page.locator(".hit .meta").all_inner_texts()
    assert metas and all(meta.startswith(issue) for meta in metas)


def test_a_malformed_query_keeps_the_query_in_the_box(page):
    search_box_query = '"AI 규제'
    page.goto("/")
    page.fill("input[name=q]", search_box_query)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".error")
    assert page.locator("input[name=q]").input_value() == search_box_query
    message = page.locator(".error .message").inner_text()
    assert message == "'\"AI 규제'(으)로 검색할 수 없습니다: 따옴표(\")가 짝이 맞지 않습니다"
    page.screenshot(path=ARTIFACTS / "error-400.png", full_page=True)


def test_home_and_help_pages(page):
    from webui.query_help import QUERY_LANGUAGE

    page.goto("/")
    assert page.locator(".intro h1").inner_text() == "SPRi AI Brief 검색"
    page.screenshot(path=ARTIFACTS / "home.png")
    page.locator("nav a", has_text="도움말").click()
    page.wait_for_selector("table.syntax")
    assert page.locator("table.syntax tbody tr").count() == len(QUERY_LANGUAGE)
    page.screenshot(path=ARTIFACTS / "help.png", full_page=True)
    page.locator("table.syntax tbody tr a").first.click()
    page.wait_for_selector(".results")
    assert page.locator(".hit").count() > 0
