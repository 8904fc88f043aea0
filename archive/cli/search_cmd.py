"""`aibrief search`: ranked, highlighted results for one query, or for a file of queries."""

from __future__ import annotations

import html
import json
import re
import sys
from typing import Any, TextIO

import click

from archive.cli.archive_access import open_archive, query_text, user_errors

SORTS = ("relevance", "newest", "oldest")
_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)
HIT_KEYS = ("id", "issue", "section", "title", "page", "score", "snippet")


def plain_snippet(snippet: str, tty: bool) -> str:
    """The HTML snippet as terminal text: matches in bold colour on a TTY, else [bracketed]."""
    pieces = []
    for i, piece in enumerate(_MARK.split(snippet)):
        text = html.unescape(piece)
        if i % 2:
            text = click.style(text, fg="yellow", bold=True) if tty else f"[{text}]"
        pieces.append(text)
    return "".join(pieces)


def result_lines(result: Any, tty: bool) -> list[str]:
    """A result as readable lines: a summary, then each hit with its snippet."""
    lines = [f"{result.total} articles for {result.query!r}"]
    if result.fallback:
        lines.append("  (few articles have every word; articles with some of them follow)")
    if result.suggestion:
        lines.append(f"  did you mean: {result.suggestion}")
    first = (result.page - 1) * result.per_page
    for number, hit in enumerate(result.hits, first + 1):
        title = click.style(hit.title, bold=True) if tty else hit.title
        lines.append(f"{number:3d}. {title}")
        lines.append(f"     {hit.id} · {hit.section} · p.{hit.page} · score {hit.score:.2f}")
        if hit.snippet:
            lines.append(f"     {plain_snippet(hit.snippet, tty)}")
    return lines


def batch_line(result: Any) -> dict[str, Any]:
    """One query's answer for --queries --json."""
    hits = [{key: hit.to_json()[key] for key in HIT_KEYS} for hit in result.hits]
    return {"query": result.query, "total": result.total, "hits": hits}


def read_queries(source: TextIO) -> list[str]:
    """Non-blank lines of a queries file."""
    return [line.strip() for line in source if line.strip()]


@click.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1)
@click.option(
    "--queries",
    "queries_file",
    type=click.File("r", encoding="utf-8"),
    help="Answer every query in FILE (one a line) in one process.",
)
@click.option("--section", "sections", multiple=True, help="Only this section (정책/법제 or 정책).")
@click.option("--issue", metavar="YYYY-MM", help="Only this issue.")
@click.option("--from", "issue_from", metavar="YYYY-MM", help="Only issues from this one on.")
@click.option("--to", "issue_to", metavar="YYYY-MM", help="Only issues up to this one.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (JSON Lines with --queries).")
@click.pass_context
def search(
    ctx: click.Context,
    words: tuple[str, ...],
    queries_file: TextIO | None,
    sections: tuple[str, ...],
    issue: str | None,
    issue_from: str | None,
    issue_to: str | None,
    sort: str,
    limit: int,
    as_json: bool,
) -> None:
    """Search the archive: words (all must match), OR, -word, "phrases", title:, section:,
    issue:2024-01..2024-06, source:. The words need no quotes: they form one query."""
    from index import SearchFilters

    query = query_text(words)
    if (query is None) == (queries_file is None):
        raise click.UsageError("give either WORDS or --queries FILE")
    filters = SearchFilters(sections, issue or issue_from, issue or issue_to)
    queries = [query] if query is not None else read_queries(queries_file)
    tty = sys.stdout.isatty()
    archive = open_archive(ctx)
    failed = 0
    try:
        for text in queries:
            try:
                with user_errors():
                    result = archive.search(text, filters=filters, sort=sort, per_page=limit)
            except click.ClickException as error:
                if queries_file is None:
                    raise
                failed += 1
                click.echo(f"error: {error.message}", err=True)
                if as_json:
                    click.echo(json.dumps({"query": text, "error": error.message}))
                continue
            if as_json and queries_file is not None:
                click.echo(json.dumps(batch_line(result), ensure_ascii=False))
            elif as_json:
                click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
            else:
                click.echo("\n".join(result_lines(result, tty)))
    finally:
        archive.close()
    if failed:
        raise click.ClickException(f"{failed} of {len(queries)} queries failed")


COMMANDS = [search]
