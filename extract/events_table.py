"""The events table (주요 행사): read with pdfplumber, which finds table cells far better than
span geometry does, but is slow, so only on the page(s) that hold the table."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pdfplumber

from extract.model import Event
from extract.text_forms import normalize_text, squeeze_spaces

_URL = re.compile(r"^(https?://|www\.)|\.[a-z]{2,}(/|$)", re.IGNORECASE)


def read_events(path: Path, page_numbers: list[int]) -> tuple[Event, ...]:
    """The rows of the events table on the given 1-based pages."""
    events: list[Event] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pdfplumber.open(path) as pdf:
            for number in page_numbers:
                for table in pdf.pages[number - 1].extract_tables():
                    rows = [[_cell(c) for c in row] for row in table]
                    events.extend(events_from_rows(rows))
    return tuple(events)


def _cell(value: str | None) -> str:
    if not value:
        return ""
    # A cell's lines wrap inside words as often as between them; URLs never contain spaces.
    return normalize_text(value)


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
                summary=summary.removeprefix("- "),
                dates=_one_line(values[0]),
                place=_one_line(values[1]),
                url=_url(values[2]) if len(values) > 2 else None,
            )
        )
    return events


def _one_line(cell: str) -> str:
    return squeeze_spaces(cell.replace("\n", " "))


def _url(cell: str) -> str | None:
    value = cell.replace("\n", "").strip()
    return value if value and _URL.search(value) else None
