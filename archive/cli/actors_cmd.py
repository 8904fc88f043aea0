"""`aibrief actors`: the actors with the most articles, as the /actors page lists them."""

from __future__ import annotations

import json

import click

from archive.cli.archive_access import open_archive, user_errors
from archive.cli.counts import counted
from extract.model import ACTOR_KINDS


@click.command("actors")
@click.option("--year", type=click.IntRange(1900, 2999), metavar="YYYY", help="Only this year.")
@click.option("--country", metavar="CC", help="Only articles about this country (CN or 중국).")
@click.option("--kind", type=click.Choice(ACTOR_KINDS), help="Only actors of this kind.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of /api/actors.")
@click.pass_context
def actors(
    ctx: click.Context,
    year: int | None,
    country: str | None,
    kind: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List the actors (companies, government bodies, international bodies, research
    institutes, people) with the most articles, and how many are about them."""
    archive = open_archive(ctx)
    with user_errors():
        listing = archive.actors(year=year, country=country, kind=kind, limit=limit)
    if as_json:
        click.echo(json.dumps(listing.to_json(), ensure_ascii=False, indent=2))
        return
    for actor in listing.actors:
        click.echo(
            f"{actor.articles:5d}  {actor.as_subject:5d}  {actor.kind:<13}  {actor.name}"
            + (f"  ({', '.join(actor.aliases[:3])})" if actor.aliases else "")
        )
    if not listing.actors:
        click.echo("no actor has an article with these filters")
        return
    listed = counted(len(listing.actors), "actor")
    click.echo(f"{listed} (articles, as the headline's subject, kind, name)")


COMMANDS = [actors]
