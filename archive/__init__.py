"""The collection on disk: catalog, extracted issues, PDFs and the search index.

Public interface:

    Archive(home)                       open (or create) the archive in a home folder
    archive.ingest(paths, workers=2, force=False, progress=None) -> IngestReport
    archive.issues() -> list[IssueSummary]; archive.issue(issue) -> Issue
    archive.article(article_id) -> Article          raises NotFound
    archive.search(query, filters=None, sort="relevance", page=1, per_page=10) -> SearchResult
    archive.more_like_this(article_id, limit=5) -> list[Hit]
    archive.export_articles(query=None, filters=None) -> Iterator[Article]
    archive.import_jsonl(path) -> ImportReport
    archive.remove(issue); archive.stats() -> Stats
    archive.pdf_path(issue) -> Path                 the held copy of the issue's PDF
"""
