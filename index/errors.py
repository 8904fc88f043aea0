"""The errors the index raises; the archive translates them for the edges."""

from __future__ import annotations


class QueryError(ValueError):
    """A malformed query; the message names the query and the problem and is safe to show."""

    def __init__(self, query: str, problem: str) -> None:
        self.query = query
        self.problem = problem
        super().__init__(f"cannot search for {_cut(query)!r}: {_cut(problem, 120)}")


def _cut(text: str, limit: int = 80) -> str:
    """Text echoed in a message, cut at `limit` characters: a query of 5,000 is not repeated."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class StaleIndexError(RuntimeError):
    """The index on disk was built by another schema, analyzer or dictionary version."""


class NotIndexed(LookupError):
    """No article of that id in the index."""


class IndexBuildError(RuntimeError):
    """A rebuild's worker process failed or died; nothing of the rebuild was committed."""
