"""The `aibrief` command: a thin edge over extract, archive and index.

Each subcommand lives in a module of this package that defines `COMMANDS`; the commands only
parse options, call the library and print. Library errors become one clear line and exit 1.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from archive import default_home

COMMAND_MODULES = (
    "extract_cmd",
    "ingest_cmd",
    "search_cmd",
    "export_cmd",
    "catalog_cmd",
    "actors_cmd",
    "serve_cmd",
    "demo_cmd",
    "mcp_cmd",
)


def home_first(args: list[str]) -> list[str]:
    """The arguments with every `--home DIR` (or `--home=DIR`) moved to the front, so the
    option works anywhere on the line; nothing after a bare `--` is touched."""
    front: list[str] = []
    rest: list[str] = []
    words = iter(args)
    for word in words:
        if word == "--":
            rest += [word, *words]
        elif word == "--home":
            front += [word, next(words, "")]
        elif word.startswith("--home="):
            front.append(word)
        else:
            rest.append(word)
    return front + rest


class AibriefGroup(click.Group):
    """The command group; global options may come after the command's name."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, home_first(args))


@click.group(cls=AibriefGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="AIBRIEF_HOME",
    default=default_home,
    show_default="$AIBRIEF_HOME, else $XDG_DATA_HOME/aibrief or ~/.local/share/aibrief",
    help="The archive's home folder (anywhere on the line).",
)
@click.version_option(package_name="aibrief")
@click.pass_context
def main(ctx: click.Context, home: Path) -> None:
    """Search the archive of the SPRi AI Brief (인공지능 산업의 최신 동향)."""
    ctx.obj = home


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"archive.cli.{_name}").COMMANDS:
        main.add_command(_command)
