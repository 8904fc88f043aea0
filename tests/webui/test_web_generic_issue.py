"""An issue read generically (the sample's invented third layout) in headless Chromium: the
issue page says so, lists its article without a section under its own heading, and fits a
phone; its articles open like any other."""

from __future__ import annotations

import pytest
from web_support import ARTIFACTS

pytestmark = pytest.mark.browser

PHONE = (390, 844)
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture(scope="module")
def generic_server(tmp_path_factory, serve_home):
    from archive import Archive
    from samples.issues import write_plain_issue

    folder = tmp_path_factory.mktemp("generic-web")
    expected = write_plain_issue(folder / "2026-01.pdf")
    archive = Archive(folder / "home")
    try:
        assert archive.ingest([folder / "2026-01.pdf"], workers=1).ok
    finally:
        archive.close()
    with serve_home(folder / "home") as url:
        yield url, expected


@pytest.mark.parametrize("locale", ["ko-KR", "en-US"])
def test_the_issue_page_of_an_issue_read_generically(open_page, generic_server, locale):
    url, expected = generic_server
    page = open_page(*PHONE, locale=locale)
    page.goto(f"{url}/issues/2026-01")
    note = page.locator("#layout-unknown")
    assert note.is_visible()
    assert ("일반 형식" if locale == "ko-KR" else "read generically") in note.inner_text()
    headings = page.locator(".contents h2").all_inner_texts()
    assert headings[-1] == ("분야 없음" if locale == "ko-KR" else "No section")
    assert page.locator(".contents li").count() == len(expected.articles)
    assert page.evaluate(SIDEWAYS) <= 0
    page.screenshot(path=ARTIFACTS / f"phone-generic-issue-{locale[:2]}.png", full_page=True)
    page.locator(".contents li a").last.click()
    page.wait_for_selector("article h1")
    page.wait_for_load_state()  # the style sheet too, before the width is measured
    assert page.locator("article h1").inner_text() == expected.articles[-1].title
    assert "None" not in page.locator("article").inner_text()
    assert page.evaluate(SIDEWAYS) <= 0
    assert page.console_errors == []
