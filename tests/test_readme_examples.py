"""The README's first example does what the README says of it: on the sample archive that
`make demo` builds and on the real issues, its search finds articles matching every word, and
says which forms of the concept the hits hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def first_example() -> str:
    """The code block of "Your own PDFs", the commands a new user runs first."""
    section = README.read_text(encoding="utf-8").split("## Your own PDFs", 1)[1]
    return section.split("```sh", 1)[1].split("```", 1)[0]


def search_words(line: str) -> list[str]:
    """The words of a printed `aibrief search` command, as the shell passes them."""
    command = line.split("#", 1)[0].split()
    return command[command.index("search") + 1 :]


def run_search(home: Path, words: list[str]) -> list[str]:
    result = CliRunner().invoke(main, ["--home", str(home), "search", *words])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_the_first_example_is_a_search_of_plain_words():
    (line,) = [line for line in first_example().splitlines() if " search " in line]
    assert search_words(line) == ["AI", "칩"]


def check_full_matches(lines: list[str], query: str, at_least: int) -> None:
    summary = re.fullmatch(rf"(\d+) articles match '{query}'", lines[0])
    assert summary is not None, lines[0]  # every hit matches every word: no partial matches
    assert int(summary[1]) >= at_least
    assert lines[1].startswith(f"  also matched for {query}: ")


@pytest.mark.slow
def test_the_first_example_finds_full_matches_on_the_sample_archive(sample_home):
    printed = re.search(
        r"`\.venv/bin/aibrief --home \.demo-home (search [^`]*)`", README.read_text()
    )
    assert printed is not None
    lines = run_search(sample_home, search_words(printed[1]))
    check_full_matches(lines, "AI 칩", at_least=5)
    assert "AI 반도체" in lines[1]  # the concept's form the sample articles write


@pytest.mark.corpus
def test_the_first_example_finds_full_matches_on_the_real_issues(corpus_home):
    (line,) = [line for line in first_example().splitlines() if " search " in line]
    lines = run_search(corpus_home, search_words(line))
    check_full_matches(lines, "AI 칩", at_least=10)
    named = [form.rsplit(" ×", 1)[0] for form in lines[1].split(": ", 1)[1].split(", ")]
    assert {"AI 반도체", "GPU"} <= set(named)
