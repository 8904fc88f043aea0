"""`aibrief ingest PATH...`: take new PDFs into the archive."""

from __future__ import annotations

import json
import sys
import time

import click

from archive import FAILED, SKIPPED, FileOutcome, IngestReport, layout_note
from archive.cli.archive_access import (
    one_line,
    open_archive,
    user_errors,
    wait_option,
    warning_line,
)
from archive.cli.counts import counted


def outcome_line(outcome: FileOutcome) -> str:
    """One file's outcome as a line: "added: a.pdf -> 2024-03, 19 articles"."""
    path = one_line(outcome.path)
    if outcome.status == FAILED:
        return f"failed: {path}: {one_line(outcome.reason)}"
    if outcome.status == SKIPPED:
        return f"skipped: {path} ({one_line(outcome.reason)})"
    note = layout_note(outcome.layout, outcome.dropped_pages or ())
    generic = f" ({note})" if note else ""
    articles = counted(outcome.articles, "article")
    return f"{outcome.status}: {path} -> {outcome.issue}, {articles}{generic}"


def summary_line(report: IngestReport, seconds: float) -> str:
    """The counts of one run: "3 files: 2 added, 0 replaced, 1 skipped, 0 failed (4.2 s)"."""
    counts = ", ".join(
        f"{report.count(status)} {status}" for status in ("added", "replaced", "skipped", "failed")
    )
    return f"{counted(len(report.files), 'file')}: {counts} ({seconds:.1f} s)"


class ProgressPrinter:
    """A progress bar on a terminal; otherwise a line per file added, replaced or failed (every
    file with `verbose`, which also turns the bar off)."""

    def __init__(self, show_lines: bool, verbose: bool = False) -> None:
        self.bar = None
        self.verbose = verbose
        self.use_bar = show_lines and not verbose and sys.stderr.isatty()
        self.show_lines = show_lines and not self.use_bar

    def __call__(self, outcome: FileOutcome, done: int, total: int) -> None:
        """Show that one more file is done."""
        if self.use_bar:
            if self.bar is None:
                self.bar = click.progressbar(length=total, label="ingesting", file=sys.stderr)
                self.bar.__enter__()
            self.bar.update(1)
        elif self.show_lines and (self.verbose or outcome.status != SKIPPED):
            click.echo(outcome_line(outcome))
            if outcome.warning:
                click.echo(warning_line(outcome.path, outcome.warning), err=True)

    def close(self) -> None:
        """Finish the progress bar, if one was drawn."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes that read PDFs in parallel  [default: one per core].",
)
@click.option("--force", is_flag=True, help="Re-read files the archive already holds.")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@click.option(
    "-v", "--verbose", is_flag=True, help="A line for every file, skipped ones too (no bar)."
)
@wait_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    workers: int | None,
    force: bool,
    as_json: bool,
    verbose: bool,
    wait_seconds: float,
) -> None:
    """Ingest PDF issues: files, folders (searched recursively for *.pdf) or glob patterns.

    Unchanged files are skipped; a new PDF of an issue already held replaces it. A progress bar
    shows on a terminal, a line per file added, replaced or failed otherwise; then a summary.
    Every file that cannot be read is named with its reason; the exit status is 1 if any failed.
    A file read although MuPDF complained about it gets one warning line on stderr (with
    --json, its entry's "warning").
    """
    started = time.monotonic()
    archive = open_archive(ctx, wait_seconds)
    printer = ProgressPrinter(show_lines=not as_json, verbose=verbose)
    try:
        with user_errors():
            report = archive.ingest(paths, workers=workers, force=force, progress=printer)
    finally:
        printer.close()
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        if printer.use_bar:
            for outcome in report.failures:
                click.echo(outcome_line(outcome), err=True)
            for outcome in report.files:
                if outcome.warning:
                    click.echo(warning_line(outcome.path, outcome.warning), err=True)
        click.echo(summary_line(report, time.monotonic() - started))
    if not report.ok:
        ctx.exit(1)


COMMANDS = [ingest]
