"""A command run in-process (as the tests run them) leaves no database of the home open when it
ends, however it ends: a process that then forks another onto the same home may do so."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from archive import Archive
from archive.cli import main
from archive.issue_files import PENDING
from tests.forked_process import open_databases


def unopenable_store(home: Path) -> None:
    (home / "issues").write_text("not a folder")


def unsettleable_files(home: Path) -> None:
    Archive(home).close()  # a catalog to open, then a pending JSON that cannot be removed
    (home / "issues" / f"2024-01.json{PENDING}").mkdir()


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        pytest.param(unopenable_store, "issues: File exists", id="store"),
        pytest.param(
            unsettleable_files, f"issues/2024-01.json{PENDING}: Is a directory", id="settling"
        ),
    ],
)
def test_an_archive_that_cannot_be_opened_leaves_no_database_open(tmp_path, spoil, reason):
    home = tmp_path / "home"
    home.mkdir()
    spoil(home)
    result = CliRunner().invoke(main, ["--home", str(home), "list"])
    assert (result.exit_code, result.output) == (1, f"Error: {home}/{reason}\n")
    # The result, kept as a test keeps it, refers to the frames the error passed through.
    assert open_databases(home) == []


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["list"], id="list"),
        pytest.param(["stats", "--json"], id="stats"),
        pytest.param(["actors"], id="actors"),
        pytest.param(["show", "2024-01-99"], id="error"),
        pytest.param(["search", "딥페이크"], id="hint"),
        pytest.param(["remove", "2024-01"], id="writer"),
    ],
)
def test_a_command_closes_the_archive_it_opened_when_it_ends(tmp_path, monkeypatch, args):
    home = tmp_path / "home"
    closed = []
    close = Archive.close
    monkeypatch.setattr(Archive, "close", lambda archive: closed.append(close(archive)))
    result = CliRunner().invoke(main, ["--home", str(home), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert closed and open_databases(home) == []
