"""State kept with one Whoosh searcher: made on first use, and dropped with the searcher, whose
index does not change under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def kept_with(searcher, name: str, make: Callable[[], T]) -> T:
    """What `make` gives, made once per searcher and kept on it (as `aibrief_<name>`)."""
    attribute = f"aibrief_{name}"
    kept = getattr(searcher, attribute, None)
    if kept is None:
        kept = make()
        setattr(searcher, attribute, kept)
    return kept
