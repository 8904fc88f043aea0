"""The page on a phone (390×844) and a desktop (1280×800), in Korean and English, in headless
Chromium over the sample archive: what is above the fold, what collapses, what wraps.

Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import pytest
from web_support import ARTIFACTS

from tests.conftest import CORPUS_ARTICLE_COUNTS

pytestmark = pytest.mark.browser

PHONE = (390, 844)
DESKTOP = (1280, 800)
LANGUAGES = [pytest.param("ko-KR", "필터", id="ko"), pytest.param("en-US", "Filters", id="en")]

# Words split across two lines although they would fit on one. A word is a run of letters and
# digits of any script ("Intelligence", "2024.03.13", "규제를"); a line may end at a space or
# at punctuation between words ("China-|focused", "오릭|(William", "‘스케일링’|을").
BROKEN_WORDS = """selector => {
  const broken = [];
  for (const element of document.querySelectorAll(selector)) {
    const width = element.getBoundingClientRect().width;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+(?:[.,'][\\p{L}\\p{N}]+)*/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const lines = new Set(rects.map(r => Math.round(r.top)));
        const wordWidth = rects.reduce((sum, r) => sum + r.width, 0);
        if (lines.size > 1 && wordWidth < width) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"
# Both at once, for a walk through many pages: one round trip to the browser a page.
SIDEWAYS_AND_BROKEN = f"selector => [({SIDEWAYS})(), ({BROKEN_WORDS})(selector)]"
FETCH_TEXT = "url => fetch(url).then(response => response.text())"


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize(("locale", "filters"), LANGUAGES)
def test_on_a_phone_the_results_come_first_and_the_filters_wait_behind_a_button(
    open_page, locale, filters
):
    page = open_page(*PHONE, locale=locale)
    page.goto("/?q=AI")
    first_hit = box(page, ".hit h3")
    assert first_hit["y"] + first_hit["height"] < PHONE[1]  # above the fold
    assert page.locator("#filters > summary").inner_text() == filters
    assert box(page, "#filters > summary")["y"] < first_hit["y"]
    assert box(page, ".hits")["y"] < box(page, "figure.chart")["y"]  # the chart after the hits
    assert not page.locator(".facet-section").is_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    page.screenshot(path=ARTIFACTS / f"phone-search-{locale[:2]}.png")
    page.locator("#filters > summary").click()
    assert page.locator(".facet-section").is_visible()
    assert page.locator(".facet-issue .calendar .year").count() == 2  # 2024, 2025
    page.screenshot(path=ARTIFACTS / f"phone-search-filters-{locale[:2]}.png", full_page=True)
    assert page.console_errors == []


@pytest.mark.parametrize(("locale", "filters"), LANGUAGES)
def test_on_a_desktop_the_filters_stand_beside_the_results(open_page, locale, filters):
    page = open_page(*DESKTOP, locale=locale)
    page.goto("/?q=AI")
    assert page.locator(".facet-section").is_visible()
    assert not page.locator("#filters > summary").is_visible()
    assert box(page, ".facets")["x"] < box(page, ".results")["x"]
    first_hit = box(page, ".hit h3")
    assert first_hit["y"] + first_hit["height"] < DESKTOP[1]
    assert box(page, "figure.chart")["y"] < box(page, ".hits")["y"]  # the chart over the hits
    page.screenshot(path=ARTIFACTS / f"desktop-search-{locale[:2]}.png")


def test_the_chart_on_a_phone_has_legible_labels_that_do_not_collide(open_page):
    page = open_page(*PHONE)
    page.goto("/?q=AI")
    labels = page.locator("svg.trend text.year, svg.trend text.month")
    boxes = [b for b in (labels.nth(n).bounding_box() for n in range(labels.count())) if b]
    assert page.locator("svg.trend text.year").all_text_contents() == [
        "2024",
        "2025",
    ]
    assert len(boxes) > 2 and all(b["height"] >= 9 for b in boxes)  # about 10 px type
    ordered = sorted(boxes, key=lambda b: (round(b["y"]), b["x"]))
    for left, right in zip(ordered, ordered[1:], strict=False):
        if round(left["y"]) == round(right["y"]):
            assert left["x"] + left["width"] <= right["x"], "labels overlap"
    page.locator("figure.chart").screenshot(path=ARTIFACTS / "phone-chart.png")


def test_the_chart_leaves_a_gap_for_months_without_an_issue(open_page):
    page = open_page(*DESKTOP)
    page.goto("/?q=AI")
    xs = page.locator("svg.trend a.bar rect:not(.hitarea):not(.stub)").evaluate_all(
        "rects => rects.map(r => r.x.baseVal.value)"
    )
    steps = sorted({round(b - a, 1) for a, b in zip(xs, xs[1:], strict=False)})
    # Five sample issues (2024-01, -04, -09, 2025-02, -06): 3, 5, 5 and 4 months apart.
    assert len(xs) == 5 and len(steps) == 3 and steps[0] * 5 == pytest.approx(steps[2] * 3, 0.01)


@pytest.mark.parametrize("locale", ["ko-KR", "en-US"])
def test_an_issue_page_on_a_phone_does_not_scroll_sideways(open_page, locale):
    page = open_page(*PHONE, locale=locale)
    page.goto("/issues/2024-04")
    page.wait_for_selector(".events-table")
    assert page.evaluate(SIDEWAYS) <= 0
    table = box(page, ".events-table")
    cells = page.locator(".events-table td")
    assert cells.count() > 0
    for n in range(cells.count()):  # one card per event: every cell as wide as the table
        assert cells.nth(n).bounding_box()["width"] >= table["width"] * 0.9
    assert page.evaluate(BROKEN_WORDS, ".events-table td") == []
    page.screenshot(path=ARTIFACTS / f"phone-issue-{locale[:2]}.png", full_page=True)


def test_english_source_lines_wrap_at_word_boundaries_on_a_phone(open_page):
    page = open_page(*PHONE, locale="en-US")
    page.goto("/?q=source:Reuters")
    page.locator(".hit h3 a").first.click()
    page.wait_for_selector(".sources li")
    page.wait_for_load_state()  # the style sheet too: without it Korean breaks anywhere
    assert page.evaluate(BROKEN_WORDS, ".sources li, .article-text li, .cite") == []
    assert page.evaluate(SIDEWAYS) <= 0
    page.screenshot(path=ARTIFACTS / "phone-article-en.png", full_page=True)


def test_the_language_switch_sticks_from_page_to_page(open_page):
    page = open_page(*DESKTOP, locale="ko-KR")
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.locator("a.language", has_text="English").click()
    page.wait_for_selector("html[lang=en]")
    assert page.locator(".intro h1").inner_text() == "Search the SPRi AI Brief"
    page.locator("nav a", has_text="Issues").click()
    page.wait_for_selector("table.issues")
    assert page.locator("h1").inner_text() == "Issues held"
    page.locator("a.language", has_text="한국어").click()
    page.wait_for_selector("html[lang=ko]")
    assert page.locator("h1").inner_text() == "보관된 발행 호"


# One test an issue, so that the two workers of `make test` share the walk (124 pages).
@pytest.mark.corpus
@pytest.mark.parametrize("issue", sorted(CORPUS_ARTICLE_COUNTS))
def test_real_issues_on_a_phone_keep_words_whole_and_never_scroll_sideways(
    open_page, corpus_server, issue
):
    page = open_page(*PHONE, locale="en-US")
    broken, sideways = {}, []
    page.goto(f"{corpus_server}/issues/{issue}")
    articles = page.locator(".contents a").evaluate_all("links => links.map(a => a.href)")
    assert len(articles) == CORPUS_ARTICLE_COUNTS[issue]
    for url in [page.url, *articles]:
        if url != page.url:
            # The article page as served, fetched by the browser and laid out in place of the
            # issue page: the same document, style sheet and layout as after a navigation (the
            # same heights, line by line, over two issues), at a third of Chromium's work.
            page.set_content(page.evaluate(FETCH_TEXT, url))
        overflow, words = page.evaluate(SIDEWAYS_AND_BROKEN, "main li, main td, main p")
        if overflow > 0:
            sideways.append(url)
        if words:
            broken[url] = words
    if issue == "2024-07":
        page.goto(f"{corpus_server}/issues/{issue}")
        page.screenshot(path=ARTIFACTS / "phone-real-issue.png", full_page=True)
    assert sideways == []
    assert broken == {}


@pytest.mark.parametrize(
    ("name", "url", "heading"),
    [
        pytest.param("home", "/", ".intro h1", id="home"),
        pytest.param("help", "/help", "main h1", id="help"),
        pytest.param("issues", "/issues", "main h1", id="issues"),
        # its table of actors ran 460 px wide on a 375 px phone (the real issues)
        pytest.param("actors", "/actors", "main h1", id="actors"),
        pytest.param("article", "/articles/2024-04-01?q=AI", "article h1", id="article"),
        pytest.param("error", "/?q=%22AI", ".error h1", id="error"),
    ],
)
@pytest.mark.parametrize("locale", ["ko-KR", "en-US"])
def test_every_page_on_a_phone_opens_on_its_heading_and_fits_the_width(
    open_page, name, url, heading, locale
):
    page = open_page(*PHONE, locale=locale)
    page.goto(url)
    top = box(page, heading)
    assert top["y"] + top["height"] < PHONE[1] / 2
    assert page.evaluate(SIDEWAYS) <= 0
    assert page.evaluate(BROKEN_WORDS, "main") == []
    page.screenshot(path=ARTIFACTS / f"phone-{name}-{locale[:2]}.png")


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("locale", "summary"),
    [
        # no article says both words (index/salience.py): the summary counts those with some
        pytest.param("ko-KR", "딥페이크 규제 검색 결과", id="ko"),
        pytest.param("en-US", "articles for 딥페이크 규제", id="en"),
    ],
)
def test_a_real_search_on_a_phone_opens_on_its_results(open_page, corpus_server, locale, summary):
    """The thesaurus adds over 80 forms to 딥페이크 규제 on the real issues: listed open, they
    took the phone's first screen. The page names the few the hits hold (at most eight, each
    with the number of hits holding it) and folds the rest behind their count: the first hit
    is above the fold."""
    page = open_page(*PHONE, locale=locale)
    page.goto(f"{corpus_server}/?q=딥페이크 규제")
    first_hit = box(page, ".hit h3")
    assert first_hit["y"] + first_hit["height"] < PHONE[1]
    assert summary in page.locator(".summary p").first.inner_text()
    named = page.locator(".expansions .form").all_inner_texts()
    counts = [int(c.lstrip("×")) for c in page.locator(".expansions .count").all_inner_texts()]
    assert 1 <= len(named) <= 8 and min(counts) >= 1
    assert page.locator(".expansions details").get_attribute("open") is None
    added = page.locator(".expansions details").text_content()
    assert all(form in added for form in named) and added.count(",") > 60
    assert box(page, ".hits")["y"] < box(page, ".result-tools")["y"]  # downloads after hits
    assert page.evaluate(SIDEWAYS) <= 0
    page.screenshot(path=ARTIFACTS / f"phone-real-search-{locale[:2]}.png")
    page.locator(".expansions summary").click()
    assert page.locator(".expansions details").get_attribute("open") is not None
    page.screenshot(path=ARTIFACTS / f"phone-real-search-open-{locale[:2]}.png", full_page=True)
    desktop = open_page(*DESKTOP, locale=locale)
    desktop.goto(f"{corpus_server}/?q=딥페이크 규제")
    first_hit = box(desktop, ".hit h3")
    assert first_hit["y"] + first_hit["height"] < DESKTOP[1]
    desktop.screenshot(path=ARTIFACTS / f"desktop-real-search-{locale[:2]}.png")


@pytest.mark.parametrize(
    ("locale", "note"),
    [
        pytest.param("ko-KR", "빠른 응답을 위해 이 검색의 일부 작업을 줄였습니다", id="ko"),
        pytest.param("en-US", "To answer quickly, this search cut some work short", id="en"),
    ],
)
def test_what_a_search_cut_short_is_a_quiet_line_on_a_phone(open_page, locale, note):
    page = open_page(*PHONE, locale=locale)
    page.goto("/?q=" + " ".join(["AI"] + [f"단어{n}" for n in range(40)]))
    limits = page.locator(".limits")
    assert limits.is_visible() and note in limits.inner_text()
    assert page.locator(".limits").evaluate("e => getComputedStyle(e).backgroundColor") in (
        "rgba(0, 0, 0, 0)",
        "transparent",
    )  # quiet: no notice box
    assert page.evaluate(SIDEWAYS) <= 0
    page.screenshot(path=ARTIFACTS / f"phone-limits-{locale[:2]}.png")
