"""Serve the app under waitress, bound to loopback unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import click
import waitress

from webui.app import create_app

THREADS = 8


def address(host: str, port: int) -> str:
    """The URL a browser opens for host:port (IPv6 hosts in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(home: str | Path, host: str = "127.0.0.1", port: int = 5000) -> None:
    """Serve the archive in `home` until interrupted, printing its address once bound."""
    app = create_app({"AIBRIEF_HOME": str(home)})
    # Bind first: a busy port fails before an address is printed, and port 0 shows the real one.
    server = waitress.create_server(app, host=host, port=port, threads=THREADS, ident="aibrief")
    click.echo(f"Serving aibrief on {address(host, server.effective_port)}")
    try:
        server.run()
    finally:
        server.close()
