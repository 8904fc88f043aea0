"""Export as an Excel workbook (openpyxl): one sheet, one row per article.

The columns are the CSV export's. The header row is frozen and bold; long text wraps in wide
columns; the issue is a date cell shown as YYYY-MM, so that Excel sorts and filters it as a date;
the source URLs cell lists them all and links the first web address (a cell holds one link).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from archive.citations.csl import WEB_SCHEMES
from archive.export import CSV_FIELDS, ExportOptions, csv_row
from extract.model import Article

SHEET_TITLE = "articles"
ISSUE_FORMAT = "yyyy-mm"
# Characters wide per column; the long texts wrap within theirs.
WIDTHS = {"id": 12, "issue": 9, "section": 10, "title": 48, "page": 6, "pdf_pages": 9, "text": 80}
WRAPPED = {"title", "key_contents", "footnotes", "sources", "source_urls", "captions", "text"}
DEFAULT_WIDTH = 40


def issue_date(issue: str) -> date:
    """The first day of the issue's month."""
    year, month = issue.split("-")
    return date(int(year), int(month), 1)


def row_values(article: Article) -> list[Any]:
    """The article's cells, in CSV_FIELDS order, the issue as a date."""
    row = csv_row(article)
    row["issue"] = issue_date(article.issue)
    return [row[name] for name in CSV_FIELDS]


def write_xlsx(articles: Iterable[Article], out: BinaryIO, _options: ExportOptions) -> int:
    """The workbook, written to the binary stream `out`."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(list(CSV_FIELDS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    count = 0
    for count, article in enumerate(articles, start=1):
        sheet.append(row_values(article))
        style_row(sheet, count + 1, article)
    for column, name in enumerate(CSV_FIELDS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS.get(name, DEFAULT_WIDTH)
    # Saved whole first: a zip written straight to a pipe that closes early complains on exit.
    buffer = io.BytesIO()
    workbook.save(buffer)
    out.write(buffer.getvalue())
    return count


def style_row(sheet: Any, row: int, article: Article) -> None:
    """Wrap the long cells, format the issue date and link the first web address of a source."""
    for column, name in enumerate(CSV_FIELDS, start=1):
        cell = sheet.cell(row=row, column=column)
        if name in WRAPPED:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        elif name == "issue":
            cell.number_format = ISSUE_FORMAT
    web = [s.url for s in article.sources if s.url and s.url.startswith(WEB_SCHEMES)]
    if web:
        link = sheet.cell(row=row, column=CSV_FIELDS.index("source_urls") + 1)
        link.hyperlink = web[0]
        link.style = "Hyperlink"
        link.alignment = Alignment(wrap_text=True, vertical="top")
