"""`aibrief list`, `show`, `remove` and `stats`: what the archive holds."""

from __future__ import annotations

import json

import click

from archive import CITATION_FORMATS, export_bytes, layout_note
from archive.cli.archive_access import open_archive, user_errors, wait_option
from archive.cli.counts import counted
from extract.model import UNKNOWN_LAYOUT, Article, is_issue


def echo_json(data: object) -> None:
    """Print data as indented JSON, Korean left readable."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def article_lines(article: Article) -> list[str]:
    """An article as a reader sees it, for the terminal."""
    first, last = article.pdf_pages
    pages = f"PDF page {first}" if first == last else f"PDF pages {first}-{last}"
    section = article.section or "-"
    lines = [article.title, f"{article.id} · {section} · p. {article.page} · {pages}", ""]
    lines += [f"  ▶ {line}" for line in article.key_contents]
    for section in article.body:
        if lines[-1]:
            lines.append("")
        if section.heading:  # an issue read generically opens with bullets under no heading
            lines.append(f"□ {section.heading}")
        for bullet in section.bullets:
            lines.append(f"  ■ {bullet.text}")
            lines += [f"    ∙ {sub}" for sub in bullet.sub]
    if article.footnotes:
        lines += ["", *article.footnotes]
    if article.sources:
        lines += ["", "출처:", *[f"  {source.text}" for source in article.sources]]
    return lines


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--files", is_flag=True, help="List every file ingest has seen, with its status.")
@click.pass_context
def list_(ctx: click.Context, as_json: bool, files: bool) -> None:
    """List the issues held: article counts and the files they came from."""
    archive = open_archive(ctx)
    summaries = archive.issues()
    seen = archive.files_seen() if files else []
    if files:
        if as_json:
            echo_json([row.to_json() for row in seen])
        for row in [] if as_json else seen:
            detail = f": {row.error}" if row.error else f" -> {row.issue}"
            click.echo(f"{row.status:<8} {row.path}{detail}")
        return
    if as_json:
        echo_json([summary.to_json() for summary in summaries])
        return
    for summary in summaries:
        source = summary.source_path if summary.origin == "pdf" else "(imported)"
        note = layout_note(summary.layout)
        generic = f"  ({note})" if note else ""
        click.echo(f"{summary.issue}  {summary.articles:3d} articles  {source}{generic}")
    total = sum(s.articles for s in summaries)
    click.echo(f"{counted(len(summaries), 'issue')}, {counted(total, 'article')}")


@click.command("show")
@click.argument("id_", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the article (or issue) as JSON.")
@click.option(
    "--cite",
    type=click.Choice(CITATION_FORMATS),
    help="Print the citation in this format (of every article, for an issue).",
)
@click.pass_context
def show(ctx: click.Context, id_: str, as_json: bool, cite: str | None) -> None:
    """Show one article by ID (2024-04-07), or one issue's articles by YYYY-MM."""
    archive = open_archive(ctx)
    with user_errors():
        found = archive.issue(id_) if is_issue(id_) else archive.article(id_)
    if cite:
        articles = [found] if isinstance(found, Article) else found.articles
        click.echo(export_bytes(articles, cite), nl=False)
    elif as_json:
        echo_json(found.to_json())
    elif isinstance(found, Article):
        click.echo("\n".join(article_lines(found)))
    else:
        click.echo(f"{found.title} ({found.issue}): {counted(len(found.articles), 'article')}")
        for article in found.articles:
            click.echo(f"  {article.id}  {article.section or '-'}  {article.title}")


@click.command("remove")
@click.argument("issue")
@wait_option
@click.pass_context
def remove(ctx: click.Context, issue: str, wait_seconds: float) -> None:
    """Remove an issue (YYYY-MM): its articles, its PDF copy and its index entries."""
    archive = open_archive(ctx, wait_seconds)
    with user_errors():
        archive.remove(issue)
    click.echo(f"removed {issue}")


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Show how much the archive holds and when it last ingested files."""
    archive = open_archive(ctx)
    with user_errors():
        numbers = archive.stats()
    if as_json:
        echo_json(numbers.to_json())
        return
    last = numbers.last_ingest
    click.echo(f"home: {numbers.home}")
    click.echo(f"issues: {numbers.issues}")
    click.echo(f"articles: {numbers.articles}")
    click.echo(f"index: {numbers.index_documents} documents, {numbers.index_bytes} bytes")
    if numbers.read_generically:
        generic = ", ".join(numbers.read_generically)
        click.echo(f"{layout_note(UNKNOWN_LAYOUT)}: {generic}")
    if last is None:
        click.echo("last ingest: never")
    else:
        click.echo(
            f"last ingest: {last.finished_at} ({last.added} added, {last.replaced} replaced, "
            f"{last.skipped} skipped, {last.failed} failed)"
        )


COMMANDS = [list_, show, remove, stats]
