"""`aibrief mcp`: the archive as an MCP server for AI assistants (read-only)."""

from __future__ import annotations

import click


@click.command("mcp")
@click.option("--http", is_flag=True, help="Serve streamable HTTP instead of stdio.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (--http).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.pass_context
def mcp(ctx: click.Context, http: bool, host: str, port: int) -> None:
    """Serve the archive to AI assistants over the Model Context Protocol (stdio by default)."""
    from mcp_server import serve

    serve(ctx.find_root().obj, http=http, host=host, port=port)


COMMANDS = [mcp]
