"""The command line loads only what a command needs (bench/cold_search.py): PyMuPDF and
openpyxl each take longer to import than the rest of a search, which reads neither; numpy
(the scorer's arrays) waits for a first search, jsonschema for a first check, citeproc,
bibtexparser and rispy for a first reference, so that `aibrief list` or `--help` pays none."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pymupdf", "openpyxl", "numpy", "jsonschema", "citeproc", "bibtexparser", "rispy")


@pytest.mark.slow
def test_loading_the_commands_leaves_the_heavy_libraries_unloaded():
    probe = (
        "import sys, archive.cli, archive.collection, archive.contract;"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert loaded == ""


def test_the_parser_is_still_there_on_first_use():
    import extract

    assert extract.extract_issue.__module__ == "extract.issue_reader"
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = extract.nothing
