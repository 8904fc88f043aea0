"""Fixtures for the web tests: the app over a fake archive, and its test client.

pytest's default import mode puts tests/ on sys.path, where this folder would pass for the
`webui` package; the repository root goes first so that `import webui` finds the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

import pytest  # noqa: E402
from web_fakes import FakeArchive  # noqa: E402

from webui import create_app  # noqa: E402


@pytest.fixture
def fake_archive(tmp_path):
    return FakeArchive(tmp_path / "home")


@pytest.fixture
def app(fake_archive):
    return create_app({"TESTING": True, "AIBRIEF_ARCHIVE": fake_archive})


@pytest.fixture
def client(app):
    return app.test_client()
