"""`aibrief search`: ranked, highlighted results for one query, or for a file of queries."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import Any, TextIO

import click

from archive import SearchQuery
from archive.also_matched import also_matched
from archive.cli.archive_access import (
    EdgeError,
    open_archive,
    query_text,
    refuse_unanswerable,
    user_errors,
)
from archive.cli.counts import counted
from archive.cli.options import query_from_options, search_options
from archive.contract import error_json, search_json, snippet_pieces
from archive.parameters import SEARCH_NAMES, read_query


def terminal_snippet(snippet: str, marks: Any, tty: bool) -> str:
    """A snippet for the terminal: matches in bold colour on a TTY, else [bracketed]."""
    return "".join(
        (click.style(text, fg="yellow", bold=True) if tty else f"[{text}]") if marked else text
        for text, marked in snippet_pieces(snippet, marks)
    )


def summary_line(result: Any) -> str:
    """What the hits below are: how many articles match every word, and whether the page
    goes on with articles matching only some of them ("1 article matches every word of
    '딥페이크 규제'; 9 more below match some of them")."""
    query = repr(result.query)
    if result.total == 0:
        return f"no article matches {query}"
    verb = "matches" if result.total == 1 else "match"
    articles = counted(result.total, "article")
    if result.fallback:  # the total counts the articles matching some words
        return f"no article matches every word of {query}; {articles} {verb} some"
    partial = sum(hit.match == "partial" for hit in result.hits)
    if not partial:
        return f"{articles} {verb} {query}"
    return (
        f"{articles} {verb} every word of {query};"
        f" {partial} more below match{'es' if partial == 1 else ''} some of them"
    )


def expansion_lines(result: Any) -> list[str]:
    """What the thesaurus added that the hits shown hold, most held first ("AI 규제 ×5": five
    hits hold it), at most eight forms; the rest counted, every one in --json."""
    also = also_matched(result)
    if also is None:
        return []
    lines = [
        f"  also matched for {word}: {', '.join(f'{form} ×{count}' for form, count in forms)}"
        for word, forms in also.found
    ]
    if also.more:
        some = "more " if also.named else ""
        forms = counted(also.more, f"{some}form")
        held = "" if also.named else ", none in these hits"
        lines.append(
            f"  also looked for {forms}{held} (all in --json; --no-expand: the words typed only)"
        )
    return lines


def result_lines(result: Any, tty: bool) -> list[str]:
    """A result as readable lines: a summary, then each hit with its snippet."""
    lines = [summary_line(result)]
    if result.suggestion:
        lines.append(f"  did you mean: {result.suggestion}")
    lines.extend(expansion_lines(result))
    if result.related_terms:
        lines.append(f"  related terms: {', '.join(result.related_terms)}")
    lines.extend(f"  limited: {limit}" for limit in result.limits)
    first = (result.page - 1) * result.per_page
    if result.total and not result.hits:  # a page no hit is on: say which is the last
        last = -(-result.total // result.per_page)
        lines.append(f"  page {result.page} is past the last page of these results ({last})")
    for number, hit in enumerate(result.hits, first + 1):
        title = click.style(hit.title, bold=True) if tty else hit.title
        lines.append(f"{number:3d}. {title}")
        partial = " · some words" if hit.match == "partial" else ""
        lines.append(
            f"     {hit.id} · {hit.section or '-'} · p.{hit.page} · score {hit.score:.2f}{partial}"
        )
        if hit.snippet:
            lines.append(f"     {terminal_snippet(hit.snippet, hit.marks, tty)}")
    return lines


def option_query(actors: tuple[str, ...], countries: tuple[str, ...]) -> str:
    """--actor and --country as a query: 'actor:"구글 딥마인드" country:US'."""
    return " ".join([*(f'actor:"{a}"' for a in actors), *(f"country:{c}" for c in countries)])


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
@search_options(SEARCH_NAMES)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (JSON Lines with --queries).")
@click.pass_context
def search(
    ctx: click.Context, words: tuple[str, ...], queries_file: TextIO | None, as_json: bool
) -> None:
    """Search the archive: words (all must match), OR, -word, "phrases", title:, section:,
    issue:2024-01..2024-06, source:, actor:, subject:, country:. The words need no quotes:
    they form one query; without words, --actor and --country are the query."""
    query = query_text(words)
    asked = query_from_options(ctx, query or "", SEARCH_NAMES)
    if query is None and queries_file is None and (asked.actors or asked.countries):
        # --actor and --country alone are the query, so the articles about the actor lead.
        query = option_query(asked.actors, asked.countries)
        asked = replace(asked, q=query, actors=(), countries=())
    if (query is None) == (queries_file is None):
        raise click.UsageError("give either WORDS or --queries FILE")
    queries = [query] if query is not None else read_queries(queries_file)
    archive = open_archive(ctx)
    refuse_unanswerable(archive, asked, ctx)
    failed = sum(
        not answer(archive, asked, text, as_json, batch=queries_file is not None)
        for text in queries
    )
    if failed:
        asked = counted(len(queries), "query", "queries")
        raise click.ClickException(f"{failed} of {asked} failed")


def answer(archive: Any, asked: SearchQuery, text: str, as_json: bool, batch: bool) -> bool:
    """Print one query's results; in a batch, report a failure and say so (False)."""
    one = replace(asked, q=text)
    try:
        with user_errors():
            read_query("query", text)  # a line of --queries is held to the web's length
            result = archive.search(
                text,
                filters=one.filters(),
                sort=one.sort,
                page=one.page,
                per_page=one.limit,
                expand=one.expand,
            )
    except EdgeError as error:
        if not batch:
            raise
        click.echo(f"error: {error.message}", err=True)
        if as_json:
            click.echo(json.dumps(error_json(error.message, error.status), ensure_ascii=False))
        return False
    if as_json:
        indent = None if batch else 2
        click.echo(json.dumps(search_json(one, result), ensure_ascii=False, indent=indent))
    else:
        click.echo("\n".join(result_lines(result, sys.stdout.isatty())))
    return True


COMMANDS = [search]
