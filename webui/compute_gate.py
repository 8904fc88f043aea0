"""Cheap pages answer while searches compute: a bound on the requests that work at once.

Waitress gives each request a thread, but Python runs one thread at a time. When eight hostile
searches held all eight threads, `/api/help` first waited for a thread, then for its turn to
run (17 s, issue 16). Here every request that may compute (searches, articles, page images,
exports, feeds, actors: anything but the static files and the help) first takes one of a few
slots; a thread waiting for a slot is blocked, not running, so it costs the others nothing,
and the server's spare threads answer the cheap paths at once. With a search's own work
bounded (index/request_limits.py), a slot is never held for long.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

COMPUTING = 2  # requests computing at once, per server process
CHEAP_PATHS = frozenset({"/help", "/api/help"})
CHEAP_PREFIXES = ("/static/",)

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def is_cheap(path: str) -> bool:
    """Whether a path only serves fixed content (the help, static files)."""
    return path in CHEAP_PATHS or path.startswith(CHEAP_PREFIXES)


class ComputeGate:
    """WSGI middleware letting at most `slots` requests that may compute run at once."""

    def __init__(self, app: WsgiApp, slots: int = COMPUTING) -> None:
        self.app = app
        self.slots = slots
        self._slots = threading.BoundedSemaphore(slots)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]):
        if is_cheap(environ.get("PATH_INFO", "")):
            return self.app(environ, start_response)
        with self._slots:
            return self.app(environ, start_response)
