"""The errors the index raises; the archive translates them for the edges."""

from __future__ import annotations

from common.echo import echoed

# The line a QueryError says, in English; the web page says it in its language (webui/i18n.py).
QUERY_LINE = "cannot search for %(query)s: %(problem)s"


class QueryError(ValueError):
    """A malformed query; the message names the query and the problem and is safe to show.

    `problem` is an English template with %(name)s placeholders filled from `values`, written
    as a literal at each raise: `make messages` extracts it (the keyword QueryError:2) into the
    web page's catalogue, so that a Korean page says it in Korean."""

    def __init__(self, query: str, problem: str, **values: object) -> None:
        self.query = query
        self.template = problem
        self.values = {name: str(value) for name, value in values.items()}
        self.problem = problem % self.values if values else problem
        # The problem quotes any value it names through echoed() too, so both stay short.
        super().__init__(QUERY_LINE % {"query": echoed(query), "problem": self.problem})


class StaleIndexError(RuntimeError):
    """The index on disk was built by another schema, analyzer or dictionary version."""


class NotIndexed(LookupError):
    """No article of that id in the index."""


class IndexBuildError(RuntimeError):
    """A rebuild's worker process failed or died; nothing of the rebuild was committed."""


class IndexRebuilding(StaleIndexError):
    """There is no index to read yet: a rebuild is writing the first one (`done` of `total`
    issues taken, `total` None when unknown)."""

    def __init__(self, directory, done: int, total: int | None) -> None:
        self.done = done
        self.total = total
        of = f"{done} of {total}" if total is not None else f"{done}"
        super().__init__(f"the search index in {directory} is being rebuilt ({of} issues)")
