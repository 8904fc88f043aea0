"""Raw UTF-8 in a request line, accepted as browsers and other servers accept it.

Scripts send Korean typed into a URL as raw bytes (`curl "…/api/search?q=딥페이크"`). Waitress
reads the request line as ASCII and answers such a request with a plain-text "400 Bad URI"
before the app sees it, so the JSON error shape cannot even be given. Here every byte of the
request line above 0x7F is percent-encoded before waitress parses it, which is what a browser
does before sending, so the app decodes it as UTF-8 like any other request.

This is the one module that reaches into waitress's internals: `HTTPChannel.parser_class`,
`HTTPRequestParser.parse_header` and the server's `channel_class`, as in waitress 3. The
version is checked on import so that a waitress that changed them fails here, with this reason.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from typing import Any

import waitress
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import BaseWSGIServer

WRITTEN_FOR = "3."
if not version("waitress").startswith(WRITTEN_FOR):
    raise ImportError(
        f"webui.request_line was written for waitress {WRITTEN_FOR}x, "
        f"not {version('waitress')}: check its parser hooks before changing the bound"
    )

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def percent_encoded(line: bytes) -> bytes:
    """The line with every byte above 0x7F written as %XX."""
    return _HIGH_BYTE.sub(lambda match: b"%%%02X" % match.group()[0], line)


class Utf8RequestParser(HTTPRequestParser):
    """Waitress's request parser, its request line percent-encoded first."""

    def parse_header(self, header_plus: bytes) -> None:
        first, newline, rest = header_plus.partition(b"\n")
        super().parse_header(percent_encoded(first) + newline + rest)


class Utf8Channel(HTTPChannel):
    """Waitress's connection, parsing requests with Utf8RequestParser."""

    parser_class = Utf8RequestParser


def create_server(app: Any, **options: Any) -> Any:
    """waitress.create_server, its listening servers accepting raw UTF-8 request lines."""
    dispatchers: dict[int, Any] = {}
    server = waitress.create_server(app, map=dispatchers, **options)
    for dispatcher in dispatchers.values():
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = Utf8Channel
    return server
