"""`aibrief export` and `aibrief import`: articles out in any export format, and back in from
JSON Lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

import click

from archive import EXPORT_FORMATS, ExportOptions, write_articles
from archive.cli.archive_access import (
    open_archive,
    query_text,
    refuse_unanswerable,
    user_errors,
    wait_option,
)
from archive.cli.counts import counted
from archive.cli.options import query_from_options, search_options
from archive.parameters import EXPORT_NAMES

FALLBACK_WARNING = (
    "warning: few articles have every word of {q!r}; "
    "the export also holds articles with only some of them"
)


@click.command("export", context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1)
@search_options(EXPORT_NAMES)
@click.option(
    "--format",
    "form",
    type=click.Choice(tuple(EXPORT_FORMATS)),
    default="jsonl",
    show_default=True,
    help="; ".join(f"{form.name}: {form.summary}" for form in EXPORT_FORMATS.values()) + ".",
)
@click.option(
    "--no-bom",
    "bom",
    flag_value=False,
    default=True,
    help="Write CSV without the byte order mark (for tools that want plain UTF-8).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    help="File to write (default: standard output).",
)
@click.pass_context
def export(ctx: click.Context, words: tuple[str, ...], form: str, bom: bool, output: str) -> None:
    """Export articles (those matching the query's words, or all) in their documented JSON form
    or another format; takes every filter and sort that search takes."""
    asked = query_from_options(ctx, query_text(words) or "", EXPORT_NAMES)
    if output == "-" and EXPORT_FORMATS[form].binary and sys.stdout.isatty():
        raise click.UsageError(f"{form} is not text: give -o FILE.{form} or redirect the output")
    archive = open_archive(ctx)
    refuse_unanswerable(archive, asked, ctx)
    with user_errors():
        if (
            asked.q
            and archive.search(
                asked.q, filters=asked.filters(), per_page=1, expand=asked.expand
            ).fallback
        ):
            click.echo(FALLBACK_WARNING.format(q=asked.q), err=True)
        limits: list[str] = []
        articles = archive.export_articles(
            asked.q or None, asked.article_filter(), asked.sort, expand=asked.expand, limits=limits
        )
        with open_output(output) as out:
            count = write_articles(articles, out, form, ExportOptions(bom=bom))
    for limit in limits:  # bounded as search is (the archive's budget): say what was cut
        click.echo(f"warning: limited: {limit}", err=True)
    if output != "-":
        click.echo(f"exported {counted(count, 'article')} to {output}", err=True)


def open_output(output: str) -> IO[bytes]:
    """The file to write, written whole or not at all (click writes a temporary file beside it
    and renames it); an error opening it names the file asked for, not the temporary one."""
    try:
        return click.open_file(output, "wb", atomic=True)
    except OSError as error:
        raise click.ClickException(f"{output}: {error.strerror or error}") from None


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@wait_option
@click.pass_context
def import_(ctx: click.Context, file: Path, as_json: bool, wait_seconds: float) -> None:
    """Import articles exported as JSON Lines: all of them, or none when a line is bad (each is
    named, exit 1)."""
    archive = open_archive(ctx, wait_seconds)
    with user_errors():
        report = archive.import_jsonl(file)
    form = None if report.ok else export_form(file)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    elif form is None:  # another export's form: every line is bad, and saying so is noise
        for bad in report.bad_lines:
            click.echo(f"{file}: {bad}", err=True)
    if form is not None:
        raise click.ClickException(
            f"{file}: nothing imported: it holds {form};"
            " import reads JSON Lines, one article a line (export --format jsonl)"
        )
    if not report.ok:
        count = len(report.bad_lines)
        lines = "line" if count == 1 else "lines"
        raise click.ClickException(f"{file}: nothing imported ({count} bad {lines})")
    if not as_json:
        issues = ", ".join(report.issues) or "none"
        click.echo(
            f"imported {counted(report.articles, 'article')} into"
            f" {counted(len(report.issues), 'issue')} ({issues})"
        )


# How the other export formats begin (after a byte order mark), and what to call them.
EXPORT_FORMS = (
    (b"[", "one JSON array, as export --format json writes"),
    (b"id,issue,", "a CSV table, as export --format csv writes"),
    (b"@", "BibTeX entries, as export --format bibtex writes"),
    (b"TY  -", "RIS records, as export --format ris writes"),
    (b"PK\x03\x04", "an Excel workbook, as export --format xlsx writes"),
)


def export_form(file: Path) -> str | None:
    """What the refused file holds when it begins as another of the export formats (a reader
    may take one for the form to import), else None."""
    try:
        with file.open("rb") as read:
            start = read.read(64).removeprefix(b"\xef\xbb\xbf").lstrip()
    except OSError:
        return None
    return next((form for prefix, form in EXPORT_FORMS if start.startswith(prefix)), None)


COMMANDS = [export, import_]
