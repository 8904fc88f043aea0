"""The JSON contract on the web: one parameter table, one error shape, no local paths."""

from __future__ import annotations

import json
import socket
import threading

import pytest
from web_fakes import FakeArchive

from webui import create_app
from webui.request_line import create_server

# A valid value for each documented parameter and what the search echoes for it.
VALID = {
    "q": ("규제", ("q", "규제")),
    "section": ("법제", ("sections", ["정책/법제"])),
    "issue": ("2024-04", ("issues", ["2024-04"])),
    "year": ("2025", ("issue_to", "2025-12")),
    "from": ("2024-04", ("issue_from", "2024-04")),
    "to": ("2024-04", ("issue_to", "2024-04")),
    "actor": ("OpenAI", ("actor", ["OpenAI"])),
    "country": ("중국", ("country", ["CN"])),
    "sort": ("newest", ("sort", "newest")),
    "page": ("2", ("page", 2)),
    "limit": ("1", ("limit", 1)),
    "per_page": ("1", ("limit", 1)),
    "expand": ("0", ("expand", False)),
}


def documented(client, path):
    help_ = client.get("/api/help").get_json()
    (endpoint,) = [e for e in help_["endpoints"] if e["path"] == path]
    return endpoint["parameters"]


def test_every_documented_search_parameter_is_read_and_echoed(client):
    names = [p["name"] for p in documented(client, "/api/search")]
    assert names == list(VALID)
    for name, (value, (key, echoed)) in VALID.items():
        args = {"q": "규제", name: value}
        response = client.get("/api/search", query_string=args)
        assert response.status_code == 200, (name, response.get_json())
        assert response.get_json()["query"][key] == echoed, name


@pytest.mark.parametrize("name", list(VALID))
def test_every_documented_search_parameter_rejects_a_bad_value_by_name(client, name):
    if name in ("q", "actor"):
        bad = "x" * 501
    elif name == "section":
        bad = "경제"
    else:
        bad = "٢٠٢٤"
    response = client.get("/api/search", query_string={"q": "규제", name: bad})
    assert response.status_code == 400
    data = response.get_json()
    assert data["ok"] is False and data["status"] == 400
    assert data["error"].startswith(f"{name}")


def test_from_to_and_limit_narrow_the_api_search(client, fake_archive):
    data = client.get("/api/search?q=규제&from=2025-01&limit=1").get_json()
    assert data["total"] == 2 and len(data["hits"]) == 1
    assert fake_archive.searches[0][1].issue_from == "2025-01"
    assert client.get("/api/search?q=규제&to=2024-04").get_json()["total"] == 2


def test_an_empty_range_is_a_400(client):
    data = client.get("/api/search?q=규제&from=2025-01&to=2024-01").get_json()
    assert data == {
        "ok": False,
        "error": "from 2025-01 to 2024-01 is an empty range: from comes after to",
        "status": 400,
    }


@pytest.mark.parametrize(
    "url",
    ["/api/search?q=규제&colour=red", "/export?q=규제&colour=red", "/api/articles/2024-04-01?x=1"],
)
def test_unknown_parameters_are_a_400_naming_them(client, url):
    data = client.get(url).get_json()
    assert data["status"] == 400
    assert data["error"].startswith("unknown parameter 'colour'") or "'x'" in data["error"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        pytest.param("section=법제", 200, id="second-half"),
        pytest.param("section=정책 / 법제", 200, id="spaced-slash"),
        pytest.param("section=정책･법제", 200, id="2025-spelling"),
        pytest.param("issue=2024-01%0a", 400, id="issue-newline"),
        pytest.param("issue=٢٠٢٤-01", 400, id="issue-arabic-indic"),
        pytest.param("year=2024%0a", 400, id="year-newline"),
        pytest.param("year=٢٠٢٤", 400, id="year-arabic-indic"),
        pytest.param("from=2024-1", 400, id="from-short-month"),
    ],
)
def test_filters_on_the_web_read_as_the_cli_and_the_query_syntax_read_them(client, query, status):
    response = client.get(f"/?q=규제&{query}")
    assert response.status_code == status
    api = client.get(f"/api/search?q=규제&{query}").get_json()
    assert api["ok"] is (status == 200)
    if "year" in query and status == 400:
        assert api["error"].startswith("year must look like YYYY")


@pytest.mark.parametrize(
    "path",
    ["/api/articles/2023-12-01%0a", "/api/articles/٢٠٢٤-04-01", "/api/issues/2024-04%0a"],
)
def test_ids_and_issues_with_a_newline_or_other_digits_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_search_redirects_to_the_search_page(client):
    response = client.get("/search?q=규제&sort=newest")
    assert response.status_code == 302
    assert response.headers["Location"] == "/?q=%EA%B7%9C%EC%A0%9C&sort=newest"


def test_article_answer_has_ok(client):
    data = client.get("/api/articles/2024-04-01").get_json()
    assert data["ok"] is True and data["id"] == "2024-04-01"
    assert data["url"] == "/articles/2024-04-01"


def test_articles_means_the_same_list_in_both_issue_answers(client):
    listed = client.get("/api/issues").get_json()["issues"]
    single = client.get("/api/issues/2024-04").get_json()
    (entry,) = [i for i in listed if i["issue"] == "2024-04"]
    assert entry["articles"] == single["articles"]
    assert entry["article_count"] == single["article_count"] == 2


def test_no_answer_carries_a_local_path(client, tmp_path):
    for url in ("/api/issues", "/api/issues/2024-04", "/api/articles/2024-04-01", "/api/help"):
        text = client.get(url).get_data(as_text=True)
        assert "source_path" not in text
        assert str(tmp_path) not in text
        assert '"/tmp' not in text and '"/home' not in text


def test_help_lists_the_export_and_article_parameters(client):
    assert [p["name"] for p in documented(client, "/export")] == [
        "q", "section", "issue", "year", "from", "to", "actor", "country", "sort", "expand",
        "format",
    ]  # fmt: skip
    assert [p["name"] for p in documented(client, "/api/articles/<id>")] == ["q", "format"]


@pytest.fixture
def waitress_port(tmp_path):
    """The app over the fake archive, served by waitress as `aibrief serve` does."""
    app = create_app({"AIBRIEF_ARCHIVE": FakeArchive(tmp_path / "home")})
    # its loop wakes every 50 ms (waitress: every second) to see that it was closed
    server = create_server(app, host="127.0.0.1", port=0, threads=1, asyncore_loop_timeout=0.05)
    closing = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:  # its sockets closed between its loop's listing them and its select
            if not closing.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield server.effective_port
    closing.set()
    server.close()
    thread.join(timeout=30)


def raw_get(port: int, target: bytes) -> tuple[bytes, bytes]:
    """The status line and body of GET `target`, sent byte for byte."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0], body


def test_raw_utf8_in_the_url_is_decoded(waitress_port):
    status, body = raw_get(waitress_port, "/api/search?q=딥페이크&section=기술".encode())
    assert status == b"HTTP/1.1 200 OK"
    data = json.loads(body)
    assert data["query"]["q"] == "딥페이크" and data["query"]["sections"] == ["기술/연구"]
    assert [hit["id"] for hit in data["hits"]] == ["2024-04-02"]


def test_a_raw_utf8_error_has_the_json_shape(waitress_port):
    status, body = raw_get(waitress_port, "/api/search?q=규제&section=경제".encode())
    assert status == b"HTTP/1.1 400 BAD REQUEST"
    assert json.loads(body)["error"].startswith("section: unknown section '경제'")


def test_the_search_result_is_what_the_contract_help_and_readme_say(client):
    """Every field of a real answer is in the contract's lists and no listed field is missing
    from it; the contract's docstring, /api/help and the README say the same shape."""
    from pathlib import Path

    from archive import contract

    answer = client.get("/api/search?q=규제 합의&issue=2024-04").get_json()
    assert tuple(answer) == contract.SEARCH_FIELDS
    assert tuple(answer["query"]) == contract.QUERY_FIELDS
    assert answer["hits"] and all(tuple(hit) == contract.HIT_FIELDS for hit in answer["hits"])
    assert set(answer["facets"]) <= set(contract.FACET_NAMES)
    shape = contract.search_shape()
    (search,) = [
        e for e in client.get("/api/help").get_json()["endpoints"] if e["path"] == "/api/search"
    ]
    assert shape in search["doc"]
    assert shape in " ".join(contract.__doc__.split()).replace("{ ", "{").replace(" }", "}")
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert shape in readme


def test_every_facet_the_contract_names_is_counted(sample_home):
    from archive import Archive, contract

    archive = Archive(sample_home, reconcile_on_read=False)
    try:
        assert tuple(archive.search("AI").facets) == contract.FACET_NAMES
    finally:
        archive.close()


def test_the_readme_names_every_parameter_of_every_address():
    from pathlib import Path

    from archive.parameters import ARTICLE_NAMES, BY_NAME, EXPORT_NAMES, SEARCH_NAMES

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("The search page and `/api/search` take")
    summary = readme[start : readme.index("\n\n", start)]
    for name in {*SEARCH_NAMES, *EXPORT_NAMES, *ARTICLE_NAMES}:
        assert f"`{name}`" in summary, name
    assert set(SEARCH_NAMES) | set(EXPORT_NAMES) | set(ARTICLE_NAMES) <= set(BY_NAME)
    for name in ("year", "section", "kind", "country"):  # /api/actors
        assert f"`{name}`" in summary
