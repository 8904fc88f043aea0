"""Readying a process that will serve many searches (the web server's workers, the MCP server)."""

from __future__ import annotations

from common.long_lived import freeze_long_lived
from index.search_answers import SEARCH_MODULES


def ready_to_serve() -> None:
    """Import what the first search would, then keep every object alive now out of the
    garbage collector's full collections (common.long_lived)."""
    freeze_long_lived(SEARCH_MODULES)
