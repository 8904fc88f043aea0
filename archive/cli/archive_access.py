"""What every archive command shares: opening the archive named by --home, and turning the
library's errors into one clear line and exit status 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from archive import (
    DEFAULT_LOCK_TIMEOUT,
    Archive,
    ArchiveError,
    BadParameter,
    ExtractError,
    SearchQuery,
)
from archive.contract import status_of
from index import COMMAND_BUDGET_SECONDS

wait_option = click.option(
    "--wait",
    "wait_seconds",
    type=click.FloatRange(min=0),
    default=DEFAULT_LOCK_TIMEOUT,
    show_default=True,
    help="Seconds to wait while another process writes to the archive.",
)


class EdgeError(click.ClickException):
    """A library error as the command line reports it: one line, exit 1, and the status the
    JSON contract gives it (400, 404, 503)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def one_line(text: object) -> str:
    """Text for a one-line message: a newline or other control character in a file name or a
    query is shown escaped ("a\\nb.pdf"), so it cannot split the line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


def warning_line(path: object, summary: str) -> str:
    """A file read although MuPDF complained about it, as one line for stderr:
    "Warning: a.pdf: MuPDF reported 2 problems, first: …"."""
    return one_line(f"Warning: {path}: {summary}")


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn archive, extract and query errors into click errors (one line, exit 1)."""
    from index import QueryError

    try:
        yield
    except (ArchiveError, ExtractError, QueryError, BadParameter) as error:
        raise EdgeError(one_line(error), status_of(error)) from None
    except BrokenPipeError:
        raise  # the reader went away (`| head`): click ends the command quietly
    except OSError as error:  # an unwritable home, a full disk: say which file, not a traceback
        where = error.filename or "the archive"
        raise click.ClickException(f"{where}: {error.strerror or error}") from None


def query_text(words: tuple[str, ...]) -> str | None:
    """The words given on the command line as one query ("딥페이크 규제"), or None."""
    return " ".join(words) if words else None


def open_archive(ctx: click.Context, wait_seconds: float = DEFAULT_LOCK_TIMEOUT) -> Archive:
    """The archive in the home folder given to the `aibrief` group, closed when the command
    `ctx` ends, however it ends (an error, a closed pipe), so that no database of the home
    stays open after it: a process that runs commands in turn (the tests) may then fork."""
    with user_errors():
        archive = Archive(
            ctx.find_root().obj,
            lock_timeout=wait_seconds,
            on_wait=lambda message: click.echo(message, err=True),
            search_budget=COMMAND_BUDGET_SECONDS,
        )
    ctx.call_on_close(archive.close)
    return archive


def refuse_unanswerable(archive: Archive, asked: SearchQuery, ctx: click.Context) -> None:
    """Stop with a hint when the search cannot find anything whatever its words: an empty
    archive, an issue not held, or a range holding no issue."""
    held = [summary.issue for summary in archive.issues()]
    if not held:
        home = ctx.find_root().obj
        raise click.ClickException(f"the archive at {home} is empty: run aibrief ingest PDF…")
    with user_errors():
        hint = asked.unanswerable(held)
    if hint:
        raise click.ClickException(str(hint))
