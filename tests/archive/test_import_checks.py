"""Import refuses what it cannot hold as given: PDF pages outside the issue's PDF, and a `text`
that is not the text of the article's fields (which are what is searched)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_archive_cli import run

from samples.issues import write_sample_issue

pytestmark = pytest.mark.slow  # a sample PDF is written and ingested


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("import-checks") / "2024-04.pdf"
    write_sample_issue(path, "2024-04")
    return path


@pytest.fixture
def home(tmp_path, sample_pdf) -> Path:
    home = tmp_path / "home"
    assert run(home, "ingest", str(sample_pdf)).exit_code == 0
    return home


def exported(home: Path) -> list[dict]:
    return [json.loads(line) for line in run(home, "export").output.splitlines()]


def write_lines(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles))
    return path


def test_page_ranges_outside_the_issues_pdf_import_nothing(home, tmp_path):
    pages = json.loads(run(home, "show", "2024-04", "--json").output)["pdf"]["pages"]
    articles = exported(home)
    before = run(home, "export").output
    edited = [
        articles[0],
        {**articles[1], "pdf_pages": [1, 99999]},
        {**articles[2], "pdf_pages": [3, 2]},
        {**articles[3], "pdf_pages": [pages, pages]},  # the last page: fine
    ]
    path = write_lines(tmp_path / "ranges.jsonl", edited)
    result = run(home, "import", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: line 2: pdf_pages [1, 99999] ends past the issue's PDF, which has {pages} pages",
        f"{path}: line 3: pdf_pages [3, 2] is not a range of pages (1 <= first <= last)",
        f"Error: {path}: nothing imported (2 bad lines)",
    ]
    assert run(home, "export").output == before


def test_a_page_zero_is_refused_by_the_schema(home, tmp_path):
    article = {**exported(home)[0], "pdf_pages": [0, 0]}
    path = write_lines(tmp_path / "zero.jsonl", [article])
    result = run(home, "import", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}: line 1: not an article (at pdf_pages/0: 0 is less than the minimum of 1)"
    )


def test_ranges_of_an_issue_without_a_pdf_are_checked_for_order_only(home, tmp_path):
    articles = exported(home)
    path = write_lines(tmp_path / "no-pdf.jsonl", [{**a, "pdf_pages": [40, 41]} for a in articles])
    other = tmp_path / "other"  # holds no PDF of the issue
    assert run(other, "import", str(path)).exit_code == 0


def test_an_edited_text_is_refused_and_edited_fields_are_searched(home, tmp_path):
    articles = exported(home)
    path = write_lines(tmp_path / "text.jsonl", [{**articles[0], "text": "고친 본문"}])
    result = run(home, "import", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{path}: line 1: text differs from its fields' text: edit the fields, leave text out"
    )
    # Edited where it counts, the article imports and is found by its new words.
    body = articles[0]["key_contents"] + ["피클볼 전환"]
    fixed = {k: v for k, v in articles[0].items() if k != "text"}
    path = write_lines(tmp_path / "fields.jsonl", [{**fixed, "key_contents": body}])
    assert run(home, "import", str(path)).exit_code == 0
    found = json.loads(run(home, "search", "피클볼", "--json").output)
    assert [hit["id"] for hit in found["hits"]] == [articles[0]["id"]]
