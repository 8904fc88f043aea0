"""Fixtures for the web tests: the app over a fake archive, and its test client."""

from __future__ import annotations

import threading

import pytest
from web_fakes import FakeArchive
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


@pytest.fixture(scope="session")
def sample_home(sample_dir, tmp_path_factory):
    """A real archive home holding the generated sample issues (PDFs, index and all)."""
    from archive import Archive

    home = tmp_path_factory.mktemp("sample-home")
    archive = Archive(home)
    try:
        report = archive.ingest(sorted(sample_dir.glob("*.pdf")), workers=1)
    finally:
        archive.close()
    assert report.ok, report.failures
    return home


@pytest.fixture(scope="session")
def live_server(sample_home):
    """The app over the sample archive, served on a free loopback port in a thread."""
    app = create_app({"AIBRIEF_HOME": str(sample_home)})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    app.extensions["aibrief_archive"].close()
