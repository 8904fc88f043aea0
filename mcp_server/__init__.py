"""The archive as a Model Context Protocol server, for AI assistants (`aibrief mcp`).

    build_server(archive) -> MCPServer     tools: search, get_article, list_issues, trend, actors
    serve(home, http=False, host="127.0.0.1", port=8765)   stdio, or streamable HTTP

Read-only: the archive is reconciled once at start, and no tool call takes its lock. It is an
edge, like the CLI and the web page: it calls the archive and nothing else calls it.
"""

from __future__ import annotations

from pathlib import Path

from archive import Archive, ready_to_serve
from index import COMMAND_BUDGET_SECONDS
from mcp_server.server import build_server

DEFAULT_PORT = 8765


def serve(
    home: Path, http: bool = False, host: str = "127.0.0.1", port: int = DEFAULT_PORT
) -> None:
    """Serve the archive in `home` until the client goes away (stdio) or the process is stopped."""
    # Reconciled once now, as the web server does, so that no tool call takes the lock.
    archive = Archive(home, reconcile_on_read=False, search_budget=COMMAND_BUDGET_SECONDS)
    archive.reconcile()
    try:
        server = build_server(archive)
        ready_to_serve()
        if http:
            server.run("streamable-http", host=host, port=port)
        else:
            server.run("stdio")
    finally:
        archive.close()


__all__ = ["DEFAULT_PORT", "build_server", "serve"]
