"""`aibrief demo`: sample issues, ingested and served, to try aibrief in one command."""

from __future__ import annotations

import time

import click

from archive import ingest_sample_issues
from archive.cli.archive_access import open_archive, user_errors
from archive.cli.ingest_cmd import outcome_line, summary_line


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", type=click.IntRange(0, 65535), default=5000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Only write and ingest the sample issues.")
@click.pass_context
def demo(ctx: click.Context, host: str, port: int, no_serve: bool) -> None:
    """Write the sample issues into HOME/samples, ingest them, and serve the search page."""
    started = time.monotonic()
    archive = open_archive(ctx)
    with user_errors():
        report = ingest_sample_issues(
            archive,
            archive.home / "samples",
            progress=lambda outcome, done, total: click.echo(outcome_line(outcome)),
        )
    archive.close()  # now, not when the command ends: the server opens the archive itself
    click.echo(summary_line(report, time.monotonic() - started))
    if not report.ok:
        ctx.exit(1)
    if no_serve:
        return
    from webui import serve

    serve(archive.home, host=host, port=port)


COMMANDS = [demo]
