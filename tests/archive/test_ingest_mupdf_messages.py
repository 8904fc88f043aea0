"""MuPDF's complaints about a file an ingest read all the same: one warning line on stderr, or
the file's "warning" in `ingest --json`, never MuPDF's own lines on stdout (issue 16)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pymupdf
import pytest

from common.mupdf_messages import MupdfMessages
from tests import forked_process

SAID = "MuPDF reported 1 problem, first: PDF stream Length incorrect"


def stream_length_short(source: Path, path: Path) -> Path:
    """A copy of `source` whose third stream's /Length is 5 bytes short: MuPDF complains, and
    reads the file whole."""
    data = source.read_bytes()
    length = list(re.finditer(rb"/Length (\d+)", data))[2]
    short = str(int(length.group(1)) - 5).encode()
    path.write_bytes(data[: length.start(1)] + short + data[length.end(1) :])
    return path


def aibrief(home: Path, *args: object) -> subprocess.CompletedProcess:
    # a process of its own, whose stdout is a pipe: MuPDF prints to the stdout it found
    return forked_process.run("--home", home, *args)


@pytest.mark.slow  # aibrief processes that ingest
def test_a_file_read_although_mupdf_complained_is_one_warning_line(sample_dir, tmp_path):
    path = stream_length_short(sample_dir / "2024-04.pdf", tmp_path / "length.pdf")
    result = aibrief(tmp_path / "home", "ingest", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(f"added: {path} -> 2024-04, ")
    assert "MuPDF" not in result.stdout
    assert result.stderr == f"Warning: {path}: {SAID}\n"


@pytest.mark.slow  # aibrief processes that ingest
def test_ingest_json_carries_the_warning_under_the_file(sample_dir, tmp_path):
    damaged = stream_length_short(sample_dir / "2024-04.pdf", tmp_path / "length.pdf")
    clean = sample_dir / "2025-02.pdf"
    result = aibrief(tmp_path / "home", "ingest", "--json", damaged, clean)
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]  # stdout is the JSON and nothing else
    assert [(f["path"], f["status"], f["warning"]) for f in files] == [
        (str(damaged), "added", SAID),
        (str(clean), "added", None),
    ]
    assert result.stderr == ""


def test_a_block_inside_another_leaves_the_messages_to_the_outer_one(sample_dir, tmp_path):
    path = stream_length_short(sample_dir / "2024-04.pdf", tmp_path / "length.pdf")
    with MupdfMessages() as outer:
        with MupdfMessages() as inner:
            pymupdf.open(path).load_page(0).get_text()
            assert inner.summary() == SAID
        assert outer.summary() == SAID  # the inner block did not empty the store
    with MupdfMessages() as after:
        assert after.summary() is None  # the outer block did when it ended
