"""State kept with one Whoosh searcher: made on first use, and dropped with the searcher, whose
index does not change under it; or kept for one request only (a search, an export's ids) and
dropped at its end, so that what it holds is bounded by that request's queries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

REQUEST = "aibrief_request"


def kept_with(searcher, name: str, make: Callable[[], T]) -> T:
    """What `make` gives, made once per searcher and kept on it (as `aibrief_<name>`)."""
    attribute = f"aibrief_{name}"
    kept = getattr(searcher, attribute, None)
    if kept is None:
        kept = make()
        setattr(searcher, attribute, kept)
    return kept


@contextmanager
def one_request(searcher) -> Iterator:
    """The searcher, with what kept_for_request makes kept until the block ends (a block
    inside another is part of the outer one's request)."""
    if getattr(searcher, REQUEST, None) is not None:
        yield searcher
        return
    setattr(searcher, REQUEST, {})
    try:
        yield searcher
    finally:
        setattr(searcher, REQUEST, None)


def kept_for_request(searcher, name: str, make: Callable[[], T]) -> T:
    """What `make` gives, made once per request on this searcher (see one_request) and
    dropped at its end; outside a request, made anew at each call and kept nowhere."""
    kept = getattr(searcher, REQUEST, None)
    if kept is None:
        return make()
    if name not in kept:
        kept[name] = make()
    return kept[name]
