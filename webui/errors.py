"""Errors at the web edge: domain exceptions become 400/404 pages or one JSON error shape.

JSON requests (under /api/ or /export) get {"ok": false, "error": message, "status": code}.
Never a 500 from user input: malformed queries and parameters are 400, unknown ids 404; an
index being rebuilt by an ingest is 503.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import NotFound as NotFoundHere

from archive import BadParameter, IndexRebuilding, Message, NotFound, echoed, translatable
from archive.contract import UNAVAILABLE, error_json, status_of
from index import QueryError
from webui.i18n import translated

log = logging.getLogger(__name__)

JSON_PREFIXES = ("/api/", "/export")


UPDATING = translatable("the archive is being updated; try again in a moment")


def status_and_message(error: Exception) -> tuple[int, Message | QueryError | str]:
    """The HTTP status and user-facing message for an exception raised by a view (a Message
    or the QueryError itself where the page may show it in its language)."""
    if isinstance(error, HTTPException):
        if error.description == type(error).description == NotFoundHere.description:
            # Werkzeug's own words for an address no route serves: say which, translatably
            return 404, translatable("no page at %(path)s", path=echoed(request.path))
        return error.code or 500, error.description or error.name
    status = status_of(error)
    if isinstance(error, IndexRebuilding):  # no index yet: how far its first build got
        return status, str(error)
    if status == UNAVAILABLE:
        # An ingest is rebuilding or writing the archive; the page works again once it is done.
        return status, UPDATING
    if status >= 500:
        return status, "internal error"
    if isinstance(error, BadParameter | NotFound):
        return status, error.message
    if isinstance(error, QueryError):  # its problem said in the page's language too
        return status, error
    return status, str(error) or "not found"


def wants_json() -> bool:
    """Whether the request is for a JSON endpoint."""
    return request.path.startswith(JSON_PREFIXES)


def handle(error: Exception) -> tuple[Response | str, int]:
    """Render an exception as the page or JSON shape the request expects."""
    status, message = status_and_message(error)
    if status >= 500:
        log.exception("unexpected error on %s", request.path, exc_info=error)
    if wants_json():
        return jsonify(error_json(str(message), status)), status
    page = render_template(
        "error.html", status=status, message=translated(message), q=request.args.get("q", "")[:500]
    )
    return page, status


def register(app: Flask) -> None:
    """Route every exception through `handle`."""
    app.register_error_handler(Exception, handle)
