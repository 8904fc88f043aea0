"""A place's name with a suffix of origin (유럽산, 중국발) names the place in a query."""

from __future__ import annotations

import pytest

from index.origin_words import place_named
from index.query_builder import country_of
from index.query_syntax import Clause


@pytest.mark.parametrize(
    ("word", "code"),
    [
        pytest.param("유럽산", "EU", id="made-in-a-region"),
        pytest.param("중국발", "CN", id="coming-from"),
        pytest.param("중국계", "CN", id="of-the-stock-of"),
        pytest.param("미국제", "US", id="made-by"),
        pytest.param("국산", "KR", id="clipped"),
        pytest.param("중국", "CN", id="the-name-itself"),
    ],
)
def test_a_word_of_origin_names_its_place(word, code):
    assert place_named(word) == code


@pytest.mark.parametrize("word", ["국제", "개발", "한계", "세계", "남산", "산"])
def test_a_word_ending_like_one_names_no_place(word):
    assert place_named(word) is None


def test_a_query_word_of_origin_is_its_country():
    assert country_of((Clause("유럽산"),)) == "EU"
    assert country_of((Clause("유럽산", exact=True),)) is None
