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


def chromium_or_skip() -> None:
    """Skip (fail in strict mode) where Debian's Chromium or Playwright is missing."""
    if not Path(CHROMIUM).is_file() and not shutil.which("chromium"):
        skip_or_fail(f"Chromium is not installed at {CHROMIUM}: browser tests need it")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        skip_or_fail("playwright is not installed")


@pytest.fixture(scope="session")
def corpus_server(corpus_home):
    """The app over an archive of the real issues, served like `live_server`."""
    with served(corpus_home) as url:
        yield url


class PagePool:
    """The worker's browser pages, kept from test to test: Debian's headless Chromium, driven by
    Playwright and launched for the first page asked for; one context per language (its base
    URL the sample archive's server; a test of another server goes to absolute addresses), and
    its pages, each handed to one test at a time. A new context and its first page cost
    Chromium a renderer process, about 1.5 CPU-s; a kept page's next page about 0.2.

    Chromium is closed once the next test of the worker needs no page (see
    pytest_runtest_teardown), so that its renderers do not wait to the end of the run: `make
    test` hands the browser tests to one worker in a row. Kept to the end, the renderers spent
    20.4 CPU-s over 2,877 process-seconds; closed, 10.6 to 16.1 over 638 to 710 (load 12 to
    16); the browser process spends about the same either way (14 to 16 CPU-s)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.playwright = None
        self.browser = None
        self.contexts: dict[str, object] = {}
        self.free: dict[str, list] = {}

    def take(self, width: int, height: int, locale: str):
        """A page of this language at this size, its console errors collected in
        page.console_errors (emptied for each test)."""
        if self.browser is None:
            from playwright.sync_api import sync_playwright

            self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
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

    def close(self) -> None:
        """Close Chromium and its pages; the next page asked for launches it again."""
        if self.browser is not None:
            self.browser.close()
            self.playwright.stop()
        self.playwright = self.browser = None
        self.contexts, self.free = {}, {}


POOL = pytest.StashKey[PagePool]()


@pytest.fixture(scope="session")
def page_pool(request, live_server) -> Iterator[PagePool]:
    """The worker's PagePool (screenshots go to tests/artifacts/)."""
    chromium_or_skip()
    ARTIFACTS.mkdir(exist_ok=True)
    pool = request.config.stash[POOL] = PagePool(live_server)
    yield pool
    pool.close()


@pytest.hookimpl(trylast=True)  # after the test's own fixtures gave their pages back
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Close Chromium once a test that used it is followed by one that does not."""
    pool = item.config.stash.get(POOL, None)
    if pool is not None and (nextitem is None or "open_page" not in nextitem.fixturenames):
        pool.close()


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
