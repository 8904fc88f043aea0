"""Articles as a download in a registered export format, for /export and /api/articles/<id>."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from flask import Response

from archive import EXPORT_FORMATS, BadParameter, echoed, export_bytes
from extract.model import Article


def download(articles: Iterable[Article], name: str, stem: str) -> Response:
    """The articles written whole in the format `name` (so that a bad query is a 400, not a
    cut-off download), as an attachment called `stem` with the format's extension."""
    if (form := EXPORT_FORMATS.get(name)) is None:
        raise BadParameter(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {echoed(name)}")
    response = Response(export_bytes(articles, form.name), mimetype=form.media_type)
    response.headers["Content-Disposition"] = content_disposition(form.filename(stem))
    return response


# The header of a download whose search its time budget cut short, naming what was cut.
LIMITS_HEADER = "X-Aibrief-Limits"
PRINTABLE = "".join(chr(c) for c in range(32, 127) if chr(c) != "%")  # kept as it is


def limits_header(limits: Iterable[str]) -> str:
    """The limits in one header value ("; " between them), a character outside printable
    ASCII percent-encoded (a header is Latin-1, a query word may be Korean)."""
    return quote("; ".join(limits), safe=PRINTABLE)


def content_disposition(name: str) -> str:
    """An attachment header for a name that may hold Korean: an ASCII fallback and RFC 5987's."""
    fallback = re.sub(r"-{2,}", "-", name.encode("ascii", "ignore").decode())
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"
