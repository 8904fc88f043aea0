"""A malformed query is told in the page's language: every problem the query syntax names is in
the Korean catalogue, the English page says exactly the CLI's line, and JSON keeps it in English."""

from __future__ import annotations

import html

import pytest

from index import QueryError
from index.errors import QUERY_LINE
from index.query_syntax import parse_query
from webui import create_app
from webui.i18n import translated

BAD_QUERIES = [
    pytest.param('"AI 법', id="unbalanced-quote"),
    pytest.param("genre:시", id="unknown-field"),
    pytest.param("section:문화 규제", id="unknown-section"),
    pytest.param("country:나니아", id="unknown-country"),
    pytest.param("issue:2024-13", id="bad-issue"),
    pytest.param("issue:2025-01..2024-01 규제", id="range-backwards"),
    pytest.param("OR 규제", id="lone-or"),
    pytest.param("-규제", id="only-exclusions"),
    pytest.param("규제 AND", id="ends-with-and"),
    pytest.param('규제 ""', id="empty-quotes"),
    pytest.param("-section:정책 규제", id="negated-section"),
]


@pytest.fixture(scope="module")
def client(sample_home):
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(sample_home)})
    yield app.test_client()
    app.extensions["aibrief_archive"].close()


def english_line(query: str) -> str:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    return str(caught.value)


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_a_malformed_query_is_told_in_korean_on_the_page(client, query):
    line = english_line(query)
    page = client.get("/", query_string={"q": query})
    assert page.status_code == 400
    text = html.unescape(page.get_data(as_text=True))
    problem = line.split(": ", 1)[1]
    assert problem not in text  # no English left in the Korean page
    assert "(으)로 검색할 수 없습니다: " in text


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_the_english_page_and_json_say_the_command_line_s_line(client, query):
    line = english_line(query)
    english = client.get("/", query_string={"q": query}, headers={"Accept-Language": "en"})
    assert line in html.unescape(english.get_data(as_text=True))
    answer = client.get("/api/search", query_string={"q": query}, headers={"Accept-Language": "ko"})
    assert answer.get_json() == {"ok": False, "error": line, "status": 400}


def test_the_korean_line_names_the_query_and_the_problem(client):
    page = client.get("/", query_string={"q": '"AI 법'}).get_data(as_text=True)
    assert (
        "&#39;&#34;AI 법&#39;(으)로 검색할 수 없습니다: 따옴표(&#34;)가 짝이 맞지 않습니다" in page
    )
    fields = client.get("/", query_string={"q": "genre:시"}).get_data(as_text=True)
    assert "알 수 없는 필드 &#39;genre:&#39;(쓸 수 있는 필드: title, section, issue," in fields


def test_the_page_s_line_is_the_index_s_line(app):
    """webui/i18n.py writes the line's template literally, for the catalogue: it must be
    index.errors.QUERY_LINE, which the command line and JSON say."""
    error = QueryError("x" * 100, "unknown sort %(sort)s (sorts: %(sorts)s)", sort="'a'", sorts="b")
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert translated(error) == str(error)
    assert QUERY_LINE == "cannot search for %(query)s: %(problem)s"
