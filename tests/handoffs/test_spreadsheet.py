"""The xlsx export read back with openpyxl: every cell equals the JSON export's field."""

from __future__ import annotations

import io
import json
import os
import pty
from datetime import datetime

import pytest
from handoff_articles import RICH
from openpyxl import load_workbook

from archive import export_bytes
from archive.export import CSV_FIELDS
from extract.model import Article
from tests import forked_process


def check_every_cell(articles: list[Article]) -> None:
    """The workbook of `articles` holds, cell for cell, what their JSON export holds."""
    sheet = load_workbook(io.BytesIO(export_bytes(articles, "xlsx"))).active
    exported = json.loads(export_bytes(articles, "json"))
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == CSV_FIELDS
    assert (sheet.freeze_panes, sheet.title) == ("A2", "articles")
    assert len(rows) == len(exported) + 1
    for number, (row, data) in enumerate(zip(rows[1:], exported, strict=True), start=2):
        cells = dict(zip(CSV_FIELDS, row, strict=True))
        year, month = map(int, data["issue"].split("-"))
        assert cells["issue"] == datetime(year, month, 1)
        assert sheet.cell(number, 2).number_format == "yyyy-mm"
        first, last = data["pdf_pages"]
        urls = [s["url"] for s in data["sources"] if s["url"]]
        assert cells == {
            "id": data["id"],
            "issue": cells["issue"],
            "section": data["section"],
            "title": data["title"],
            "page": data["page"],
            "pdf_pages": f"{first}-{last}",
            "key_contents": "\n".join(data["key_contents"]) or None,
            "footnotes": "\n".join(data["footnotes"]) or None,
            "sources": "\n".join(s["text"] for s in data["sources"]) or None,
            "source_urls": "\n".join(urls) or None,
            "captions": "\n".join(data["captions"]) or None,
            "text": data["text"],
        }
        link = sheet.cell(number, CSV_FIELDS.index("source_urls") + 1).hyperlink
        web = [url for url in urls if url.startswith(("https://", "http://"))]
        assert (link.target if link else None) == (web[0] if web else None)
        assert sheet.cell(number, CSV_FIELDS.index("text") + 1).alignment.wrap_text


def test_a_rich_article_reads_back_cell_for_cell():
    check_every_cell([RICH])


def test_the_header_is_bold_and_the_columns_sized():
    sheet = load_workbook(io.BytesIO(export_bytes([RICH], "xlsx"))).active
    assert all(cell.font.bold for cell in sheet[1])
    assert (sheet.column_dimensions["D"].width, sheet.column_dimensions["L"].width) == (48, 80)


@pytest.mark.corpus
def test_every_real_article_reads_back_cell_for_cell(corpus_articles):
    check_every_cell(corpus_articles)


@pytest.mark.slow  # runs aibrief in a process
def test_a_workbook_is_never_written_to_a_terminal(tmp_path):
    controller, terminal = pty.openpty()
    try:
        with forked_process.aibrief(
            "--home", tmp_path, "export", "--format", "xlsx", stdout=terminal
        ) as done:
            _, errors = done.communicate(timeout=600)
    finally:
        os.close(terminal)
        os.close(controller)
    assert done.returncode == 2
    assert errors.endswith("Error: xlsx is not text: give -o FILE.xlsx or redirect the output\n")
