"""The events table (주요 행사 / 주요행사일정): rows of ruled cells, read into `Event`s.

The cells come from `table_grid`, which rebuilds them from the page's rules and the lines
PyMuPDF already read. On the six real issues it yields exactly what pdfplumber's table
finder yields (tests/extract/test_corpus.py checks this), at a tenth of the cost.
"""

from __future__ import annotations

import re

import pymupdf

from extract.model import Event
from extract.page_lines import PageText
from extract.table_grid import table_rows
from extract.text_forms import squeeze_spaces

_URL = re.compile(r"^(https?://|www\.)|\.[a-z]{2,}(/|$)", re.IGNORECASE)


def read_events(doc: pymupdf.Document, pages: list[PageText]) -> tuple[Event, ...]:
    """The rows of the events table on the given pages."""
    events: list[Event] = []
    for page in pages:
        events.extend(events_from_rows(table_rows(doc[page.number - 1], list(page.lines))))
    return tuple(events)


def events_from_rows(rows: list[list[str]]) -> list[Event]:
    """Events from a table's rows, in either generation's shape."""
    if rows and len(rows[0]) >= 5 and "행사명" in rows[0]:
        return _events_by_month(rows)
    return _events_in_blocks(rows)


def _events_by_month(rows: list[list[str]]) -> list[Event]:
    """2025: one row per event, [월, 기간, 행사명, 장소, 홈페이지]; the month is printed once."""
    header = rows[0]
    col = {name: header.index(name) for name in ("월", "기간", "행사명", "장소", "홈페이지")}
    month = ""
    events = []
    for row in rows[1:]:
        month = _one_line(row[col["월"]]) or month
        name = _one_line(row[col["행사명"]])
        if not name:
            continue
        events.append(
            Event(
                name=name,
                dates=squeeze_spaces(f"{month} {_one_line(row[col['기간']])}"),
                place=_one_line(row[col["장소"]]),
                url=_url(row[col["홈페이지"]]),
            )
        )
    return events


def _events_in_blocks(rows: list[list[str]]) -> list[Event]:
    """2023-2024: three rows per event: [name, summary], [기간, 장소, 홈페이지], [values]."""
    events = []
    for index, row in enumerate(rows):
        cells = [c for c in row if c]
        if "기간" not in cells or index == 0 or index + 1 >= len(rows):
            continue
        head = [c for c in rows[index - 1] if c]
        values = [c for c in rows[index + 1] if c]
        if len(head) < 1 or len(values) < 2:
            continue
        summary = _one_line(head[1]) if len(head) > 1 else ""
        events.append(
            Event(
                name=_one_line(head[0]),
                summary=summary.removeprefix("- ").removeprefix("-"),
                dates=_one_line(values[0]),
                place=_one_line(values[1]),
                url=_url(values[2]) if len(values) > 2 else None,
            )
        )
    return events


def _one_line(cell: str) -> str:
    return squeeze_spaces(cell.replace("\n", " "))


def _url(cell: str) -> str | None:
    value = "".join(cell.split())  # a URL never holds a space; its lines broke anywhere
    return value if value and _URL.search(value) else None
