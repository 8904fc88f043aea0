"""The web's static files (style.css, app.js): a long cache lifetime, and their version in their
URLs, so that a browser keeps them for a year yet fetches a new release's at once.

Every link the pages make to a static file (`url_for("static", ...)`) carries `?v=` and the
first 12 hex digits of the file's sha256: a release that changes the file changes its URLs.
A request carrying the file's current version is answered with `Cache-Control: public,
max-age=31536000, immutable`; one without it, or with another version (a page of an older
release still open), keeps Flask's `no-cache` (the browser revalidates with the ETag), so that
a stale version is never kept for a year under a URL that names it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, Response, current_app, request

LIFETIME = 365 * 24 * 3600  # seconds: a year, the longest lifetime HTTP caches are meant to keep
VERSION_ARG = "v"


@cache
def _digest(path: Path, modified: int, size: int) -> str:
    """The first 12 hex digits of the file's sha256 (keyed by its mtime and size as well, so
    that a file changed under a running server gets a new version)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def static_version(app: Flask, filename: str) -> str | None:
    """The version of a static file, or None when the app has no such file."""
    folder = app.static_folder
    if folder is None:
        return None
    root = Path(folder).resolve()
    path = (root / filename).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    stat = path.stat()
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def _add_version(endpoint: str, values: dict[str, Any]) -> None:
    """url_for("static", filename=...) with the file's version, unless one was given."""
    if endpoint == "static" and "filename" in values and VERSION_ARG not in values:
        version = static_version(current_app, values["filename"])
        if version is not None:
            values[VERSION_ARG] = version


def _lifetime(response: Response) -> Response:
    """A year's lifetime for a static file asked for by its current version."""
    if request.endpoint != "static" or response.status_code not in (200, 304):
        return response
    filename = (request.view_args or {}).get("filename", "")
    asked = request.args.get(VERSION_ARG)
    if asked is not None and asked == static_version(current_app, filename):
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = LIFETIME
        response.cache_control.immutable = True
    return response


def register(app: Flask) -> None:
    """Version the app's static URLs and give the versioned files their lifetime."""
    app.url_defaults(_add_version)
    app.after_request(_lifetime)
