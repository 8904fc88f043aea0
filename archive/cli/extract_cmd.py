"""`aibrief extract FILE... [--json]`: parse issues and print them, without an archive."""

from __future__ import annotations

import json
from pathlib import Path

import click

from archive import ExtractError, layout_note
from archive.cli.archive_access import one_line, warning_line
from extract.model import Issue


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the issues as JSON.")
def extract(files: tuple[Path, ...], as_json: bool) -> None:
    """Parse PDF issues of the AI Brief and print their outline (or JSON).

    Every file is tried; each failure is one line on stderr and the exit status is 1. A file
    read although MuPDF complained about it gets one warning line on stderr.
    """
    from archive import extract_issue  # PyMuPDF loads for this command only

    issues: list[Issue] = []
    failed = False
    for path in files:

        def warn(summary: str, path: Path = path) -> None:
            click.echo(warning_line(path, summary), err=True)

        try:
            issues.append(extract_issue(path, on_messages=warn))
        except ExtractError as error:
            click.echo(one_line(f"Error: {path}: {error.explanation}"), err=True)
            failed = True
    if as_json:
        data = [issue.to_json() for issue in issues]
        if issues:
            payload = data[0] if len(files) == 1 else data
            click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif issues:
        click.echo("\n\n".join(outline(issue) for issue in issues))
    if failed:
        raise SystemExit(1)


def outline(issue: Issue) -> str:
    """A readable outline: the issue, then each section with its titles and printed pages."""
    note = layout_note(issue.layout, issue.dropped_pages)
    lines = [
        f"{issue.title} ({issue.pdf.name}, {issue.pdf.pages} pages, "
        f"{len(issue.articles)} articles, {len(issue.events)} events"
        + (f"; {note})" if note else ")")
    ]
    section: str | None = ""
    for article in issue.articles:
        if article.section != section:
            section = article.section
            lines.append(f"  {section or '(no section)'}")
        lines.append(f"    p.{article.page:<3} {article.title}")
    return "\n".join(lines)


COMMANDS = [extract]
