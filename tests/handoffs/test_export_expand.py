"""`aibrief export` lists what `aibrief search` counts, with the thesaurus or (--no-expand)
with the words typed only."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archive.cli import main

pytestmark = pytest.mark.slow


def aibrief(home, *args: str) -> str:
    result = CliRunner().invoke(main, ["--home", str(home), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("switch", [(), ("--no-expand",)], ids=["expanded", "typed-only"])
def test_export_lists_what_search_counts(sample_archive, switch):
    found = json.loads(aibrief(sample_archive, "search", "반도체", "--json", *switch))
    exported = aibrief(sample_archive, "export", "반도체", "--format", "jsonl", *switch)
    assert len(exported.splitlines()) == found["total"]


def test_no_expand_narrows_the_export(sample_archive):
    expanded = aibrief(sample_archive, "export", "반도체", "--format", "jsonl")
    typed = aibrief(sample_archive, "export", "반도체", "--format", "jsonl", "--no-expand")
    assert len(typed.splitlines()) < len(expanded.splitlines())
