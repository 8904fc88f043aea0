"""Static files: their version in every link the pages make, and a year's lifetime for a file
asked for by its current version."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from flask import url_for

from webui.static_files import LIFETIME

STATIC = Path(__file__).parents[2] / "webui" / "static"


def linked(client, name: str) -> str:
    """The URL the search page links the static file by."""
    page = client.get("/").get_data(as_text=True)
    found = re.search(rf'(?:href|src)="(/static/{re.escape(name)}[^"]*)"', page)
    assert found, f"no link to {name}"
    return found.group(1)


def fetched(client, url: str, **headers: str) -> tuple[int, bytes, object]:
    """Status, body and Cache-Control of a static file's response (its file closed)."""
    with client.get(url, headers=headers) as response:
        return response.status_code, response.get_data(), response.cache_control


@pytest.mark.parametrize("name", ["style.css", "app.js"])
def test_a_page_links_each_static_file_by_its_content_version(client, name):
    digest = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:12]
    assert linked(client, name) == f"/static/{name}?v={digest}"


@pytest.mark.parametrize("name", ["style.css", "app.js"])
def test_a_static_file_asked_for_by_its_version_is_kept_a_year(client, name):
    url = linked(client, name)
    with client.get(url) as response:
        status, body, control = response.status_code, response.get_data(), response.cache_control
        etag = response.headers["ETag"]
    assert (status, body) == (200, (STATIC / name).read_bytes())
    assert (control.public, control.max_age, control.immutable) == (True, LIFETIME, True)
    assert not control.no_cache
    status, _, control = fetched(client, url, **{"If-None-Match": etag})
    assert status == 304 and control.max_age == LIFETIME


@pytest.mark.parametrize("query", ["", "?v=000000000000", "?v="])
def test_a_static_file_asked_for_without_its_version_is_revalidated(client, query):
    status, _, control = fetched(client, f"/static/app.js{query}")
    assert status == 200 and control.no_cache and control.max_age is None


def test_a_changed_file_is_linked_by_a_new_version(app, client, tmp_path):
    folder = tmp_path / "static"
    shutil.copytree(STATIC, folder)
    app.static_folder = str(folder)
    before = linked(client, "style.css")
    (folder / "style.css").write_text("body { color: black }\n", encoding="utf-8")
    after = linked(client, "style.css")
    assert before != after
    assert fetched(client, before)[2].max_age is None  # the old version is not kept
    status, body, control = fetched(client, after)
    assert (status, body, control.max_age) == (200, b"body { color: black }\n", LIFETIME)


def test_an_unknown_static_file_is_linked_without_a_version_and_is_404(app, client):
    with app.test_request_context():
        assert url_for("static", filename="nothing.css") == "/static/nothing.css"
        assert url_for("static", filename="../app.py") == "/static/../app.py"
    assert fetched(client, "/static/nothing.css?v=x")[0] == 404
