"""State kept with a searcher: for its life, or for one request."""

from __future__ import annotations

from index.searcher_state import kept_for_request, kept_with, one_request


class Searcher:
    """Anything attributes can be set on stands for a Whoosh searcher here."""


def test_kept_with_the_searcher_is_made_once():
    searcher, made = Searcher(), []
    first = kept_with(searcher, "table", lambda: made.append(1) or {"a": 1})
    assert kept_with(searcher, "table", dict) is first
    assert made == [1]


def test_kept_for_a_request_is_dropped_at_its_end():
    searcher = Searcher()
    with one_request(searcher):
        sizes = kept_for_request(searcher, "sizes", dict)
        sizes[1] = "kept"
        assert kept_for_request(searcher, "sizes", dict) is sizes
    with one_request(searcher):
        assert kept_for_request(searcher, "sizes", dict) == {}


def test_a_request_inside_another_is_part_of_it():
    searcher = Searcher()
    with one_request(searcher):
        outer = kept_for_request(searcher, "sizes", dict)
        with one_request(searcher):
            assert kept_for_request(searcher, "sizes", dict) is outer
        assert kept_for_request(searcher, "sizes", dict) is outer


def test_outside_a_request_nothing_is_kept():
    searcher = Searcher()
    made = kept_for_request(searcher, "sizes", list)
    assert kept_for_request(searcher, "sizes", list) is not made
