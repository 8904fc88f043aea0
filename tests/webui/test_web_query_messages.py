"""What the page says of a query, in its language: a malformed query's problem (every problem
the query syntax names is in the Korean catalogue, the English page says exactly the CLI's line,
and JSON keeps it in English), and a quiet note on the work a search cut short (`limits`)."""

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
    # A budget no search here spends: what the notes say of the time budget depends on the
    # machine's load (a busy machine added "related terms" to the page's notes and not to the
    # API's); these tests are about the notes on the query's own bounds.
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(sample_home), "REQUEST_BUDGET": 60})
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


@pytest.fixture(scope="module")
def app(sample_home):
    app = create_app({"TESTING": True, "AIBRIEF_HOME": str(sample_home), "RESULT_CACHE": 0})
    yield app
    app.extensions["aibrief_archive"].close()


def test_the_page_s_line_is_the_index_s_line(app):
    """webui/i18n.py writes the line's template literally, for the catalogue: it must be
    index.errors.QUERY_LINE, which the command line and JSON say."""
    error = QueryError("x" * 100, "unknown sort %(sort)s (sorts: %(sorts)s)", sort="'a'", sorts="b")
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert translated(error) == str(error)
    assert QUERY_LINE == "cannot search for %(query)s: %(problem)s"


LONG_QUERY = " ".join(f"단어{n}" for n in range(40))  # more words than a query searches


def test_what_a_search_cut_short_is_a_quiet_note_in_korean(client):
    answer = client.get("/api/search", query_string={"q": LONG_QUERY}).get_json()
    assert answer["limits"][0] == "query: only the first 32 of 40 words were searched"
    page = " ".join(client.get("/", query_string={"q": LONG_QUERY}).get_data(as_text=True).split())
    assert (
        '<p class="limits">빠른 응답을 위해 이 검색의 일부 작업을 줄였습니다:'
        " 검색어: 단어 40개 중 앞의 32개만 찾았습니다"
    ) in page


def test_what_a_search_cut_short_is_a_quiet_note_in_english(client):
    english = client.get("/", query_string={"q": LONG_QUERY}, headers={"Accept-Language": "en"})
    page = " ".join(english.get_data(as_text=True).split())
    answer = client.get("/api/search", query_string={"q": LONG_QUERY}).get_json()
    notes = "; ".join(answer["limits"])
    assert (
        f'<p class="limits">To answer quickly, this search cut some work short: {notes}</p>' in page
    )


def test_an_ordinary_search_has_no_note(client):
    page = client.get("/", query_string={"q": "AI"}).get_data(as_text=True)
    assert 'class="limits"' not in page


def test_every_note_a_search_may_make_is_translated(app):
    from index.request_limits import DID_YOU_MEAN, RELATED_TERMS, Budget, cut_note

    budget = Budget(0)
    budget.skipped(RELATED_TERMS)
    budget.skipped(DID_YOU_MEAN)
    notes = [
        *budget.limits,
        cut_note(
            "did you mean: not offered for %(unknown)s unknown words (at most %(most)s)",
            unknown=9,
            most=6,
        ),
        cut_note(
            "query: a phrase of %(words)s words was cut to its first %(kept)s", words=20, kept=12
        ),
    ]
    with app.test_request_context(headers={"Accept-Language": "ko"}):
        korean = [translated(note) for note in notes]
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert [translated(note) for note in notes] == notes
    assert korean == [
        "연관어: 검색 시간 한도(0초)를 다 써서 건너뛰었습니다",
        "검색어 제안: 검색 시간 한도(0초)를 다 써서 건너뛰었습니다",
        "검색어 제안: 모르는 단어가 9개라 제안하지 않았습니다(최대 6개)",
        "검색어: 20단어짜리 구절을 앞의 12단어로 줄였습니다",
    ]
