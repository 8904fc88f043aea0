"""`aibrief serve`: the search page over the archive, under waitress."""

from __future__ import annotations

import errno
from pathlib import Path

import click

from archive import ArchiveError


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; the default keeps the page on this machine.",
)
@click.option(
    "--port",
    default=5000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
@click.option(
    "--processes",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes sharing the port, each with its own caches; more than 1 lets "
    "searches use idle cores.",
)
@click.pass_obj
def serve(home: Path, host: str, port: int, processes: int) -> None:
    """Serve the search page over the archive in --home (read-only)."""
    from webui import serve as serve_webui  # Flask loads only for this command

    try:
        serve_webui(home, host=host, port=port, processes=processes)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise click.ClickException(
                f"port {port} on {host} is already in use: "
                f"stop what serves there, or choose another with --port {port + 1}"
            ) from None
        raise click.ClickException(str(error)) from error
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error


COMMANDS = [serve]
