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

The JSON contract (archive.contract): search_json, hit_json, error_json, article_json,
issue_json, issues_json. The search parameters (archive.parameters): PARAMETERS, one table the
web, /api/help and the CLI read; SearchQuery.from_args(args) -> SearchQuery (archive.search_query);
BadParameter (archive.parameter_readers).

Errors: ArchiveError (one line, safe to show), NotFound, ArchiveBusy (the lock was not free in
time), IndexUnavailable (the index is being rebuilt by another process, or cannot be opened;
IndexRebuilding when there is none yet and the message says how far the build got),
BadExport. The index's own errors never pass through: each becomes one of these (QueryError,
a malformed query, excepted). Extraction failures are not raised: ingest reports them per file.
"""

from archive.collection import Archive
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
    EXPORT_FORMATS,
    ExportFormat,
    export_bytes,
    export_format,
    write_articles,
)
from archive.importing import BadLine, ImportReport
from archive.ingest import FileOutcome, IngestReport
from archive.parameter_readers import BadParameter
from archive.parameters import PARAMETERS
from archive.reader import ArchiveReader
from archive.search_query import SearchQuery
from archive.summaries import ArticleFilter, IssueSummary, Stats

__all__ = [
    "EXPORT_FORMATS",
    "PARAMETERS",
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
    "FileOutcome",
    "ImportReport",
    "IndexRebuilding",
    "IndexUnavailable",
    "IngestReport",
    "IssueSummary",
    "NotFound",
    "SearchQuery",
    "Stats",
    "export_bytes",
    "export_format",
    "write_articles",
]
