"""The collection on disk: catalog, extracted issues, PDFs and the search index.

Public interface:

    Archive(home)                       open (or create) the archive in a home folder
    ArchiveReader                       the Protocol of what readers (the web page) call
    archive.ingest(paths, workers=2, force=False, progress=None) -> IngestReport
    archive.issues() -> list[IssueSummary]; archive.issue(issue) -> Issue
    archive.article(article_id) -> Article          raises NotFound
    archive.search(query, filters=None, sort="relevance", page=1, per_page=10) -> SearchResult
    archive.more_like_this(article_id, limit=5) -> list[Hit]
    archive.export_articles(query=None, filters=None) -> Iterator[Article]
    archive.import_jsonl(path) -> ImportReport
    archive.remove(issue); archive.stats() -> Stats
    archive.files_seen() -> list[FileRow]           every file ingested: ok/replaced/removed/failed
    archive.pdf_path(issue) -> Path                 the held copy of the issue's PDF

Layout of a home folder: catalog.sqlite3 (issues held, every file seen, ingest runs),
issues/<issue>.json (one extracted issue each), pdfs/<issue>.pdf (the copy of its PDF),
index/ (the search index, derived from the issues), .lock (held by the one writer).

Public modules, which the edges may import names from: archive.also_matched (the few forms
the thesaurus added that a page of hits holds, as the CLI and the page name them),
archive.contract (the JSON contract: search_json, hit_json, error_json, article_json,
issue_json, issues_json), archive.parameters (PARAMETERS, one table the web, /api/help and the
CLI read, the names each request takes and the limits) and archive.citations (CSL-JSON items,
citeproc rendering).
SearchQuery.from_args(args) -> SearchQuery; BadParameter. A message for the user that an edge
may translate is a Message (archive.messages: an English template and its values).

For the edges, besides: extract_issue and ExtractError (reading a PDF without storing it),
atom_feed, ingest_sample_issues (the demo), default_home, and the helpers every layer shares
(LRUCache, die_with_parent, MupdfMessages, echoed: how an error message quotes a value), and
ready_to_serve (before a process serves many searches: index.ready_to_serve).

Errors: ArchiveError (one line, safe to show), NotFound, ArchiveBusy (the lock was not free in
time), IndexUnavailable (the index is being rebuilt by another process, or cannot be opened;
IndexRebuilding when there is none yet and the message says how far the build got),
BadExport. The index's own errors never pass through: each becomes one of these (QueryError,
a malformed query, excepted). Extraction failures are not raised: ingest reports them per file.
"""

from typing import TYPE_CHECKING

from archive import also_matched, citations, contract, parameters
from archive.atom_feed import FeedInfo, atom_feed
from archive.collection import DEFAULT_LOCK_TIMEOUT, Archive
from archive.demo import ingest_sample_issues
from archive.errors import (
    ArchiveBusy,
    ArchiveError,
    BadExport,
    IndexRebuilding,
    IndexUnavailable,
    NotFound,
)
from archive.export import ExportOptions
from archive.export_formats import (
    CITATION_FORMATS,
    EXPORT_FORMATS,
    ExportFormat,
    export_bytes,
    export_format,
    write_articles,
)
from archive.home import default_home
from archive.importing import BadLine, ImportReport
from archive.ingest import FAILED, SKIPPED, FileOutcome, IngestReport
from archive.messages import Message, translatable
from archive.parameter_readers import BadParameter
from archive.parameters import PARAMETERS
from archive.reader import ArchiveReader
from archive.search_query import SearchQuery
from archive.summaries import ArticleFilter, IssueSummary, Stats, layout_note
from common.child_processes import die_with_parent
from common.echo import echoed
from common.lru_cache import LRUCache
from extract import ExtractError
from index import ready_to_serve

if TYPE_CHECKING:
    from common.mupdf_messages import MupdfMessages
    from extract import extract_issue


def __getattr__(name: str):
    # PyMuPDF (a third of a second to import) loads on first use of what needs it: a search
    # or an export never does.
    if name == "extract_issue":
        from extract import extract_issue

        return extract_issue
    if name == "MupdfMessages":
        from common.mupdf_messages import MupdfMessages

        return MupdfMessages
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CITATION_FORMATS",
    "DEFAULT_LOCK_TIMEOUT",
    "EXPORT_FORMATS",
    "FAILED",
    "PARAMETERS",
    "SKIPPED",
    "Archive",
    "ArchiveReader",
    "ArchiveBusy",
    "ArchiveError",
    "ArticleFilter",
    "BadExport",
    "BadParameter",
    "BadLine",
    "ExportFormat",
    "ExportOptions",
    "ExtractError",
    "FeedInfo",
    "FileOutcome",
    "ImportReport",
    "IndexRebuilding",
    "IndexUnavailable",
    "IngestReport",
    "IssueSummary",
    "LRUCache",
    "Message",
    "MupdfMessages",
    "NotFound",
    "SearchQuery",
    "Stats",
    "also_matched",
    "atom_feed",
    "citations",
    "contract",
    "default_home",
    "die_with_parent",
    "ready_to_serve",
    "echoed",
    "export_bytes",
    "export_format",
    "extract_issue",
    "ingest_sample_issues",
    "layout_note",
    "parameters",
    "translatable",
    "write_articles",
]
