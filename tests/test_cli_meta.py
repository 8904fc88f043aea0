"""Meta-tests that keep the command line honest: every subcommand is registered and has help."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from archive.cli import main

EXPECTED = {
    "extract",
    "ingest",
    "search",
    "export",
    "import",
    "list",
    "show",
    "remove",
    "stats",
    "serve",
    "demo",
}


def test_every_expected_command_is_registered():
    assert set(main.commands) >= EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    command = main.commands[name]
    assert isinstance(command, click.Command)
    assert command.help and command.help.strip(), f"{name} has no help text"
    assert "Usage: main" in result.output or "Usage: aibrief" in result.output


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_usage_line_names_its_arguments_as_the_help_does(name):
    # `aibrief show --help` said "Usage: aibrief show [OPTIONS] ID_": the Python name of the
    # argument, where its help says ID.
    result = CliRunner().invoke(main, [name, "--help"])
    usage = result.output.splitlines()[0]
    assert not [word for word in usage.split() if word.strip("[].").endswith("_")], usage
