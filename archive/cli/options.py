"""The search options of `search` and `export`, made from the one parameter table.

Each option mirrors a row of `archive.parameters.PARAMETERS` (its name, its help, its
default) and is checked by the row's own reader, so the CLI accepts what the web accepts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click

from archive import BadParameter, SearchQuery
from archive.parameters import BY_NAME

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]
_GIVEN = "aibrief.search_args"  # ctx.meta key: parameter name -> the raw values given


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Keep an option's raw values under its table name, for `query_from_options`."""
    name = param.name.removeprefix("p_")
    if value in (None, (), False):
        return
    values = ["0"] if value is True and name == "expand" else value
    ctx.meta.setdefault(_GIVEN, {})[name] = [values] if isinstance(values, str) else list(values)


def _option(name: str) -> Decorator:
    parameter = BY_NAME[name]
    if name == "expand":
        return click.option(
            "--no-expand",
            "p_expand",
            is_flag=True,
            expose_value=False,
            callback=_remember,
            help="Search the words only as typed, without their related concepts.",
        )
    metavar = parameter.kind if parameter.kind[:1].isupper() else name.upper()
    show = parameter.default not in (None, [], "")
    return click.option(
        f"--{name}",
        f"p_{name}",
        multiple=parameter.repeatable,
        metavar=metavar,
        expose_value=False,
        callback=_remember,
        help=parameter.doc[:1].upper() + parameter.doc[1:] + ".",
        show_default=str(parameter.default) if show else False,
    )


def search_options(names: Sequence[str]) -> Decorator:
    """Options for the named parameters (all but q, which is the QUERY argument)."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for name in reversed([n for n in names if n not in ("q", "per_page", "format")]):
            command = _option(name)(command)
        return command

    return decorate


def query_from_options(ctx: click.Context, q: str, names: Sequence[str]) -> SearchQuery:
    """The search the command line asks for; a bad value is an error naming the option."""
    given = {**ctx.meta.get(_GIVEN, {}), "q": [q]}
    try:
        return SearchQuery.from_args(given, names)
    except BadParameter as error:
        raise click.ClickException(f"--{error}") from None
