"""Errors keep one shape, user input is escaped, files are reached by id only, read-only."""

from __future__ import annotations

import re

import pytest

from archive import ArchiveBusy, IndexUnavailable
from common.echo import echoed
from webui.security import HEADERS

JSON_ERROR_KEYS = {"ok", "error", "status"}


def test_malformed_query_is_a_400_page_keeping_the_query(client):
    response = client.get("/?q=%22unbalanced", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert (
        '<p class="message">cannot search for &#39;&#34;unbalanced&#39;: unbalanced quote</p>'
        in page
    )
    assert 'name="q" value="&#34;unbalanced"' in page


def test_malformed_query_in_the_api_is_the_json_error_shape(client):
    response = client.get("/api/search?q=bad:field")
    assert response.status_code == 400
    assert response.get_json() == {
        "ok": False,
        "error": "cannot search for 'bad:field': unknown field in bad:field",
        "status": 400,
    }


@pytest.mark.parametrize(
    ("url", "status"),
    [
        pytest.param("/api/articles/2099-01-01", 404, id="unknown-article"),
        pytest.param("/api/articles/not-an-id", 404, id="malformed-article"),
        pytest.param("/api/issues/2099-01", 404, id="unknown-issue"),
        pytest.param("/api/issues/2024-13", 404, id="malformed-issue"),
        pytest.param("/api/nothing-here", 404, id="unknown-route"),
        pytest.param("/api/search?q=x&sort=best", 400, id="bad-sort"),
        pytest.param("/api/search?q=x&page=0", 400, id="page-zero"),
        pytest.param("/api/search?q=x&page=-1", 400, id="negative-page"),
        pytest.param("/api/search?q=x&per_page=100000", 400, id="huge-per-page"),
        pytest.param("/api/search?q=x&issue=2024-4", 400, id="bad-issue"),
        pytest.param("/api/search?q=x&year=24", 400, id="bad-year"),
        pytest.param("/api/search?q=x&section=없는분야", 400, id="unknown-section"),
        pytest.param("/api/search?q=" + "가" * 501, 400, id="long-query"),
        pytest.param("/export?q=x&format=xml", 400, id="bad-format"),
        pytest.param("/export?q=%22bad&format=json", 400, id="bad-export-query"),
    ],
)
def test_json_errors_have_one_shape(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    data = response.get_json()
    assert set(data) == JSON_ERROR_KEYS
    assert (data["ok"], data["status"]) == (False, status)
    assert data["error"]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("/articles/2099-01-01", id="unknown-article"),
        pytest.param("/issues/2099-01", id="unknown-issue"),
        pytest.param("/no/such/page", id="unknown-route"),
    ],
)
def test_unknown_pages_are_404_pages(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<h1>찾을 수 없습니다</h1>" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    [
        "/pdf/..%2f..%2fetc%2fpasswd",
        "/pdf/../../etc/passwd",
        "/pdf/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/pdf/%2e%2e",
        "/pdf/2024-01%00",
        "/pdf/2024-01.pdf",
        "/pdf/2024-01%2f..%2f2024-04",
        "/pdf/..%5c..%5cwindows",
        "/articles/..%2f..%2fetc%2fpasswd/page.png",
        "/articles/2024-01-01%2f..%2f..%2f/page.png",
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e/app.py",
    ],
)
def test_path_tricks_reach_no_file(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"root:" not in response.data
    assert b"%PDF" not in response.data


def test_script_in_the_query_comes_back_escaped(client):
    page = client.get("/?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_script_in_a_title_and_snippet_is_escaped(client):
    page = client.get("/?q=xss").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 제목" in page
    assert "<mark>xss</mark> 규제 &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<script>alert" not in page and "<b>bold" not in page
    article = client.get("/articles/2025-02-02").get_data(as_text=True)
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt; 제목</h1>" in article


def test_script_in_an_error_message_is_escaped(client):
    response = client.get("/?q=%22<script>", headers={"Accept-Language": "en"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    message = "cannot search for &#39;&#34;&lt;script&gt;&#39;: unbalanced quote"
    assert f'<p class="message">{message}</p>' in page
    # The page's one script element is its own (app.js, with its version), none the query's.
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert len(scripts) == 1 and scripts[0].startswith('<script src="/static/app.js?v=')


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?q=규제",
        "/api/search?q=규제",
        "/no/such",
        "/pdf/2024-01",
        "/articles/2024-01-01/page.png",
    ],
)
def test_security_headers_on_every_response(client, url):
    with client.get(url) as response:
        pass
    for name, value in HEADERS.items():
        assert response.headers[name] == value
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("url", ["/", "/api/search", "/export", "/api/issues"])
def test_the_app_is_read_only(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405


def test_no_ingest_route_exists(app):
    assert not [r for r in app.url_map.iter_rules() if "ingest" in r.rule or "import" in r.rule]


def test_an_unexpected_error_is_a_500_without_details(fake_archive, app, client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("/secret/path leaked")

    monkeypatch.setattr(fake_archive, "issues", broken)
    app.logger.disabled = True
    response = client.get("/api/issues")
    assert response.status_code == 500
    assert response.get_json() == {"ok": False, "error": "internal error", "status": 500}


@pytest.mark.parametrize(
    "error", [IndexUnavailable("the index is being rebuilt"), ArchiveBusy("busy")]
)
def test_an_archive_being_updated_is_a_503(fake_archive, client, monkeypatch, error):
    def updating(*args, **kwargs):
        raise error

    monkeypatch.setattr(fake_archive, "search", updating)
    response = client.get("/api/search?q=규제")
    assert response.status_code == 503
    assert response.get_json() == {
        "ok": False,
        "error": "the archive is being updated; try again in a moment",
        "status": 503,
    }
    page = client.get("/?q=규제")
    assert page.status_code == 503
    assert "<h1>아카이브 갱신 중</h1>" in page.get_data(as_text=True)


LONG = "가" * 5000


@pytest.mark.parametrize(
    ("url", "named"),
    [
        pytest.param(f"/api/search?q=AI&section={LONG}", "section: unknown section", id="param"),
        pytest.param(f"/api/issues/{LONG}", "no issue", id="issue"),
        pytest.param(f"/api/articles/{LONG}", "no article", id="article"),
        pytest.param(f"/api/actors?section={LONG}", "unknown section", id="actors-section"),
        pytest.param(f"/export?q=AI&format={LONG}", "not", id="format"),
    ],
)
def test_an_error_repeats_at_most_80_characters_of_a_long_value(client, url, named):
    error = client.get(url).get_json()["error"]
    assert named in error
    assert echoed(LONG) in error
    assert len(error) < 200
