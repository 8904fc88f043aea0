"""The application factory: one Flask app over one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from archive import Archive, ArchiveReader
from index import BUDGET_SECONDS
from webui import errors, i18n, security, static_files
from webui.compute_gate import COMPUTING, ComputeGate
from webui.result_cache import CachedArchive
from webui.views import actors, articles, feeds, issues, search


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app; config needs AIBRIEF_HOME unless AIBRIEF_ARCHIVE supplies the archive."""
    app = Flask(__name__)
    app.config.update(
        JSON_AS_ASCII=False,
        MAX_CONTENT_LENGTH=16 * 1024,  # read-only: nothing large is ever posted
        PAGE_IMAGE_CACHE=64,  # rendered PDF pages kept in memory
        RESULT_CACHE=1024,  # search and related-article answers kept; 0 turns it off
        COMPUTING=COMPUTING,  # requests that may compute running at once (compute_gate.py)
        REQUEST_BUDGET=BUDGET_SECONDS,  # seconds for the optional work of a request's searches
    )
    app.config.update(config or {})
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    archive = app.config.get("AIBRIEF_ARCHIVE") or _open_archive(app.config.get("AIBRIEF_HOME"))
    if app.config["RESULT_CACHE"]:
        archive = CachedArchive(archive, app.config["RESULT_CACHE"])
    app.extensions["aibrief_archive"] = archive
    for module in (search, articles, issues, feeds, actors):
        app.register_blueprint(module.bp)
    i18n.register(app)
    errors.register(app)
    security.register(app)
    static_files.register(app)
    app.wsgi_app = ComputeGate(app.wsgi_app, app.config["COMPUTING"])  # type: ignore[method-assign]
    return app


def _open_archive(home: str | Path | None) -> ArchiveReader:
    """The archive in `home`, reconciled now and never by a request: requests only read, so
    they never wait for the lock or rebuild the index. An ingest running meanwhile reconciles
    when it is done; until then, searches answer 503."""
    if not home:
        raise ValueError("create_app needs AIBRIEF_HOME (the archive's home folder)")
    archive = Archive(Path(home), reconcile_on_read=False)
    archive.reconcile()
    return archive
