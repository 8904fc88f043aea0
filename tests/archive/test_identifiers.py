"""One form of an issue, an article id and a year, checked whole in ASCII digits everywhere."""

from __future__ import annotations

import pytest

from archive.schema import first_error
from extract.model import is_article_id, is_issue, is_year
from index import QueryError
from index.query_syntax import parse_query

PROBES = [
    pytest.param("\n", id="trailing-newline"),
    pytest.param("%0a", id="percent-newline-left-encoded"),
    pytest.param(" ", id="trailing-space"),
]


@pytest.mark.parametrize("tail", PROBES)
def test_nothing_may_follow_an_issue_an_id_or_a_year(tail):
    assert is_issue("2024-01") and not is_issue("2024-01" + tail)
    assert is_article_id("2023-12-01") and not is_article_id("2023-12-01" + tail)
    assert is_year("2024") and not is_year("2024" + tail)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("٢٠٢٤-01", id="arabic-indic"),
        pytest.param("２０２４-01", id="fullwidth"),
        pytest.param("2024-13", id="month-13"),
        pytest.param("2024-00", id="month-0"),
        pytest.param("2024-1", id="one-digit-month"),
    ],
)
def test_an_issue_is_four_ascii_digits_and_a_month(value):
    assert not is_issue(value)
    with pytest.raises(QueryError, match="bad issue"):
        parse_query(f"AI issue:{value}")


def test_the_schema_refuses_an_id_or_issue_with_a_trailing_newline():
    article = {
        "id": "2023-12-01\n",
        "issue": "2023-12",
        "section": "정책/법제",
        "title": "t",
        "page": 1,
        "pdf_pages": [3, 3],
        "key_contents": [],
        "body": [],
        "footnotes": [],
        "sources": [],
        "captions": [],
        "text": "",
    }
    assert "does not match" in first_error("article", article)
    assert "does not match" in first_error(
        "article", {**article, "id": "2023-12-01", "issue": "٢٠٢٣-12"}
    )
    assert first_error("article", {**article, "id": "2023-12-01"}) is None


@pytest.mark.parametrize(
    ("value", "held"),
    [
        pytest.param("2026-01-05", True, id="printed-page"),
        pytest.param("2026-01-05b", True, id="second-on-a-page"),
        pytest.param("2026-01-105zz", True, id="last-mark"),
        pytest.param("2026-01-05a", False, id="no-mark-a"),
        pytest.param("2026-01-05B", False, id="capital"),
        pytest.param("2026-01-05bcd", False, id="three-letters"),
    ],
)
def test_an_article_id_may_carry_the_mark_of_a_later_article_on_its_page(value, held):
    assert is_article_id(value) is held
    article = {
        "id": value,
        "issue": "2026-01",
        "section": None,
        "title": "t",
        "page": 5,
        "pdf_pages": [7, 7],
        "key_contents": [],
        "body": [],
        "footnotes": [],
        "sources": [],
        "captions": [],
    }
    assert (first_error("article", article) is None) is held
