"""Fixtures for the web tests: the app over a fake archive, and its test client."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from web_fakes import FakeArchive
from web_support import ARTIFACTS, skip_or_fail
from werkzeug.serving import make_server

from webui import create_app


@pytest.fixture
def fake_archive(tmp_path):
    return FakeArchive(tmp_path / "home")


@pytest.fixture
def app(fake_archive):
    return create_app({"TESTING": True, "AIBRIEF_ARCHIVE": fake_archive})


@pytest.fixture
def client(app):
    return app.test_client()


@contextmanager
def served(home: Path) -> Iterator[str]:
    """The app over the archive in `home`, served on a free loopback port in a thread."""
    app = create_app({"AIBRIEF_HOME": str(home)})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        app.extensions["aibrief_archive"].close()


@pytest.fixture(scope="session")
def serve_home():
    """`served`, for a module that serves an archive of its own: `with serve_home(home) as url`."""
    return served


@pytest.fixture(scope="session")
def live_server(sample_home):
    """The app over the sample archive, served on a free loopback port in a thread."""
    with served(sample_home) as url:
        yield url


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium, driven by Playwright; screenshots go to tests/artifacts/."""
    if not Path(CHROMIUM).is_file() and not shutil.which("chromium"):
        skip_or_fail(f"Chromium is not installed at {CHROMIUM}: browser tests need it")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def corpus_server(corpus_home):
    """The app over an archive of the real issues, served like `live_server`."""
    with served(corpus_home) as url:
        yield url


class PagePool:
    """The worker's browser pages, kept from test to test: one context per language (its base
    URL the sample archive's server; a test of another server goes to absolute addresses), and
    its pages, each handed to one test at a time. A new context and its first page cost
    Chromium a renderer process, about 1.5 CPU-s; a kept page's next page about 0.2."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.contexts: dict[str, object] = {}
        self.free: dict[str, list] = {}

    def take(self, width: int, height: int, locale: str):
        """A page of this language at this size, its console errors collected in
        page.console_errors (emptied for each test)."""
        if locale not in self.contexts:
            self.contexts[locale] = self.browser.new_context(
                base_url=self.base_url,
                accept_downloads=True,
                viewport={"width": width, "height": height},
                locale=locale,
            )
            self.free[locale] = []
        free = self.free[locale]
        while free and free[-1].is_closed():
            free.pop()
        if free:
            page = free.pop()
            page.set_viewport_size({"width": width, "height": height})
        else:
            page = self.contexts[locale].new_page()
            page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        page.console_errors = []
        return page

    def give_back(self, locale: str, pages: list) -> None:
        """The pages a test is done with, its cookies (the language chosen) forgotten."""
        self.contexts[locale].clear_cookies()
        self.free[locale].extend(page for page in pages if not page.is_closed())


@pytest.fixture(scope="session")
def page_pool(browser, live_server) -> PagePool:
    return PagePool(browser, live_server)


@pytest.fixture
def open_page(page_pool):
    """open_page(width, height, locale="ko-KR"): a page of its own for this test (kept for
    later tests, see PagePool), its console errors collected in page.console_errors. Each test
    opens its pages with a goto: to a path of the sample archive's server, or to an absolute
    address of another."""
    taken: dict[str, list] = {}

    def open_page(width: int, height: int, locale: str = "ko-KR"):
        page = page_pool.take(width, height, locale)
        taken.setdefault(locale, []).append(page)
        return page

    yield open_page
    for locale, pages in taken.items():
        page_pool.give_back(locale, pages)
