"""`aibrief extract`: exact exit codes, outlines, JSON and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import main
from tests import forked_process


def run(*args: str):
    return CliRunner().invoke(main, ["extract", *args])


def test_needs_a_file():
    result = run()
    assert result.exit_code == 2
    assert "Missing argument 'FILES...'" in result.stderr


def test_bad_file_is_one_line_on_stderr(tmp_path):
    path = tmp_path / "page.pdf"
    path.write_text("<html></html>")
    result = run(str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {path}: not a PDF file (it does not start with a %PDF- header)\n"
    )


def test_every_failure_is_reported(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.pdf"
    result = run(str(empty), str(missing), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: {empty}: the file is empty",
        f"Error: {missing}: no such file or folder",
    ]


@pytest.mark.corpus
def test_outline_of_a_real_issue(corpus_pdfs):
    result = run(str(corpus_pdfs["2024-03"]))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "SPRi AI Brief 2024년 3월호 (2024-03.pdf, 24 pages, 19 articles, 3 events)"
    assert [ln.strip() for ln in lines if not ln.startswith("    ")][1:] == [
        "정책/법제",
        "기업/산업",
        "기술/연구",
        "인력/교육",
    ]
    assert sum(1 for ln in lines if ln.startswith("    p.")) == 19


@pytest.mark.corpus
def test_json_of_one_file_is_an_object(corpus_pdfs):
    result = run(str(corpus_pdfs["2025-03"]), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["issue"] == "2025-03"
    assert len(data["articles"]) == 20


@pytest.mark.corpus
def test_json_of_several_files_is_an_array_and_failures_still_exit_1(corpus_pdfs, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    result = run(str(corpus_pdfs["2023-12"]), str(bad), str(corpus_pdfs["2024-01"]), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [issue["issue"] for issue in data] == ["2023-12", "2024-01"]
    assert result.stderr == f"Error: {bad}: the file is empty\n"


def test_outline_of_sample_issues(sample_dir):
    from samples.issues import sample_issue_articles

    result = run(str(sample_dir / "2024-04.pdf"), str(sample_dir / "2025-02.pdf"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    first, second = result.stdout.split("\n\n")
    expected = sample_issue_articles("2024-04")
    lines = first.splitlines()
    assert lines[0].startswith("SPRi AI Brief 2024년 4월호 (2024-04.pdf, ")
    assert lines[0].endswith(f" pages, {len(expected)} articles, 3 events)")
    titles = [ln for ln in lines if ln.startswith("    p.")]
    assert titles == [f"    p.{a.page:<3} {a.title}" for a in expected]
    assert second.startswith("SPRi AI Brief 2025년 2월호 (2025-02.pdf, ")


def test_json_of_sample_issues_with_a_bad_file(sample_dir, tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_text("plain text, not a PDF")
    result = run(
        "--json", str(sample_dir / "2024-01.pdf"), str(bad), str(sample_dir / "2025-06.pdf")
    )
    assert result.exit_code == 1
    assert [issue["issue"] for issue in json.loads(result.stdout)] == ["2024-01", "2025-06"]
    assert result.stderr == (
        f"Error: {bad}: not a PDF file (it does not start with a %PDF- header)\n"
    )


def write_damaged_copy(pdf: Path, damaged: Path) -> Path:
    """The PDF with three bytes flipped near the start of every stream, as a bad disk or a broken
    download leaves it."""
    data = bytearray(pdf.read_bytes())
    for match in re.finditer(rb"(?<!end)stream\r?\n", bytes(data)):
        for offset in (20, 21, 22):
            data[match.end() + offset] ^= 0xFF
    damaged.write_bytes(bytes(data))
    return damaged


@pytest.mark.slow  # an aibrief process: MuPDF prints to the stdout it found at import
def test_mupdf_messages_on_a_damaged_file_stay_off_stdout(sample_dir, tmp_path):
    damaged = write_damaged_copy(sample_dir / "2024-01.pdf", tmp_path / "flipped.pdf")
    result = forked_process.run("extract", "--json", sample_dir / "2024-01.pdf", damaged)
    assert result.returncode == 1
    assert [issue["issue"] for issue in json.loads(result.stdout)] == ["2024-01"]
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"Error: {damaged}: the PDF is damaged or truncated (MuPDF reported "), (
        line
    )
    assert " problems, first: " in line


def test_a_newline_in_a_file_name_does_not_split_the_error_line(tmp_path):
    path = tmp_path / "two\nlines.pdf"
    path.write_bytes(b"")
    result = run(str(path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}/two\\nlines.pdf: the file is empty\n"


@pytest.mark.slow  # an aibrief process: MuPDF prints to the stdout it found at import
def test_mupdf_messages_on_a_file_read_whole_are_one_warning_line(sample_dir, tmp_path):
    data = (sample_dir / "2024-01.pdf").read_bytes()
    length = list(re.finditer(rb"/Length (\d+)", data))[2]  # a page's stream, 5 bytes short
    short = str(int(length.group(1)) - 5).encode()
    path = tmp_path / "length.pdf"
    path.write_bytes(data[: length.start(1)] + short + data[length.end(1) :])
    result = forked_process.run("extract", "--json", path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["issue"] == "2024-01"
    assert result.stderr == (
        f"Warning: {path}: MuPDF reported 1 problem, first: PDF stream Length incorrect\n"
    )
