"""Korean full-text search over articles. The only module the rest of aibrief imports from
`index/`; nothing outside this package imports whoosh or kiwipiepy.

Public interface:

    SearchIndex.open(directory) -> SearchIndex   create or open; detects schema/analyzer/
                                                 dictionary changes (needs_rebuild())
    index.needs_rebuild() -> bool
    index.replace_issue(issue, articles, fingerprint)  one commit: drop the issue's docs, add these
    index.remove_issue(issue)
    index.rebuild(issues, total=None, on_step=None)  issues: iterable of (issue, articles,
                                                 fingerprint); built beside the current index and
                                                 switched to whole (on_step: REBUILD_STEPS)
    index.merge_deleted() -> bool                 one segment without deleted documents, if any
    index.fingerprints() -> dict[str, str]        issue -> fingerprint it was indexed with
    index.search(query, filters=None, sort="relevance", page=1, per_page=10) -> SearchResult
    index.more_like_this(article_id, limit=5) -> list[Hit]   raises NotIndexed
    index.article_ids(query, filters=None, budget=0.5, limits=None) -> list[str]   every match,
                                                 for export (what was cut appended to limits)
    index.doc_count() -> int ; index.size_bytes() -> int
    QueryError                                   malformed query; message safe to show
    StaleIndexError                              reading or writing an index that needs_rebuild()
    IndexRebuilding                              (a StaleIndexError) no index yet, a first build is
                                                 under way: .done of .total issues
    IndexBuildError                              a rebuild's worker failed; nothing was committed
    NotIndexed                                   no article of that id in the index
    SearchFilters(sections=(), issue_from=None, issue_to=None)
    SORTS                                        the orders a search can take, relevance first
    SearchResult(query, total, hits, facets, suggestion, fallback, page, per_page)
    Hit(id, issue, section, title, page, score, snippet, marks, terms)
                                                 snippet: plain text; marks: (start, end) code-point
                                                 spans of the matched words in it
    derive_actors(articles) -> tuple[Article, ...]  subject, actors and countries filled in
    with_actors(issue) -> Issue                  the same for an issue, stamped with the version
    actors_version() -> int                      the version of the actor rules and table
    alias_key(spelling) -> str                   what two spellings of a name share
    country_code(value) -> str                   "CN" for "CN", "중국" or "China"; QueryError
    load_analyzer()                              load Kiwi now, before forking workers that share it
    start_in_worker()                            first thing in such a forked worker process
    ready_to_serve()                             before serving many searches: import what a
                                                 first search would, gc.freeze() what is alive
    BUDGET_SECONDS, COMMAND_BUDGET_SECONDS       a served and a command-line search's time
                                                 budget for optional work (request_limits.py)
    SharedBudget(seconds)                        one such budget for all the searches of a web
                                                 request: pass it as search(budget=...)
"""

from index.aliases import alias_key
from index.analysis import load_analyzer, start_in_worker
from index.article_actors import actors_version, derive_actors, with_actors
from index.errors import IndexBuildError, IndexRebuilding, NotIndexed, QueryError, StaleIndexError
from index.query_syntax import country_code
from index.request_limits import BUDGET_SECONDS, COMMAND_BUDGET_SECONDS, SharedBudget
from index.search_index import REBUILD_STEPS, SearchIndex
from index.search_results import SORTS, Hit, SearchFilters, SearchResult
from index.serving import ready_to_serve

__all__ = [
    "BUDGET_SECONDS",
    "COMMAND_BUDGET_SECONDS",
    "Hit",
    "IndexBuildError",
    "IndexRebuilding",
    "NotIndexed",
    "REBUILD_STEPS",
    "QueryError",
    "SORTS",
    "SearchFilters",
    "SearchIndex",
    "SearchResult",
    "SharedBudget",
    "StaleIndexError",
    "actors_version",
    "alias_key",
    "country_code",
    "derive_actors",
    "load_analyzer",
    "ready_to_serve",
    "start_in_worker",
    "with_actors",
]
