"""The events page of a sample issue, a ruled table pdfplumber's ``find_tables()`` finds:
2023-2024 "행사명 / 행사 주요 개요" with 기간 / 장소 / 홈페이지 sub-rows, 2025 "월 / 기간 /
행사명 / 장소 / 홈페이지"; and the `Event` a parser should read back from each row.
"""

from __future__ import annotations

from itertools import pairwise

import pymupdf

from extract.model import Event
from samples.articles import nfkc
from samples.book import Book
from samples.canvas import Canvas, chart_png, rule
from samples.layout import wrap, wrap_cell
from samples.pages import part_heading
from samples.text import SampleEvent

Segments = list[tuple[tuple[float, float], tuple[float, float]]]

# 2023-2024 columns: event name | logo (then 기간) | summary (장소, 홈페이지)
_LEFT, _NAME_R, _LOGO_R, _PLACE_R, _RIGHT = 65.0, 167.0, 265.0, 395.0, 538.0
_CELLS_2023 = ((_NAME_R, _LOGO_R), (_LOGO_R, _PLACE_R), (_PLACE_R, _RIGHT))
_FACE, _SIZE = "KoPubDotumLight", 11.0


def draw_events_2023(book: Book, events: tuple[SampleEvent, ...]) -> None:
    """ "Ⅱ. 주요 행사 일정" and its ruled table: per event a name cell spanning three rows, a
    logo cell and the summary, then a 기간 / 장소 / 홈페이지 header row and its values."""
    canvas = book.page()
    part_heading(canvas, 197.8, 143.7, "Ⅱ", ". 주요 행사 일정", 34.77, 26.72)
    book.page_number(canvas)
    top = 227.0
    rules: Segments = [((_LEFT, top), (_RIGHT, top))]
    header_bottom = top + 26
    canvas.text(99.1, top + 17.6, "KoPubWorldDotumMedium", _SIZE, "행사명")
    canvas.text(315.8, top + 17.6, "KoPubWorldDotumMedium", _SIZE, "행사 주요 개요")
    rules.append(((_LEFT, header_bottom), (_RIGHT, header_bottom)))
    verticals: Segments = [((_NAME_R, top), (_NAME_R, header_bottom))]
    y = header_bottom
    for event in events:
        y = _event_rows_2023(canvas, event, y, rules, verticals)
    verticals += [((_LEFT, top), (_LEFT, y)), ((_RIGHT, top), (_RIGHT, y))]
    rule(canvas.page, rules + verticals)


def _event_rows_2023(
    canvas: Canvas, event: SampleEvent, y: float, rules: Segments, verticals: Segments
) -> float:
    """One event's rows from ``y`` down, adding their rules; the bottom of its last row."""
    fonts = canvas.fonts
    summary = wrap(f"- {event.summary}", fonts, _FACE, _SIZE, _RIGHT - 272 - 6, _RIGHT - 283 - 6)
    summary_bottom = y + 10 + 17.6 * len(summary)
    labels_bottom = summary_bottom + 26
    cells = [
        wrap_cell(value, fonts, _FACE, _SIZE, cell_r - cell_l - 8)
        for value, (cell_l, cell_r) in zip(
            (event.dates, event.place, event.url), _CELLS_2023, strict=True
        )
    ]
    bottom = labels_bottom + 12 + 17.6 * max(map(len, cells))
    for i, line in enumerate(summary):
        canvas.text(272.0 if i == 0 else 283.0, y + 21.6 + 17.6 * i, _FACE, _SIZE, line)
    name = wrap_cell(event.name, fonts, _FACE, _SIZE, _NAME_R - _LEFT - 10)
    _centred_lines(canvas, name, (_LEFT, _NAME_R), (y + bottom) / 2 + 4, 18.7, _SIZE)
    canvas.page.insert_image(pymupdf.Rect(182, y + 8, 250, y + 30), stream=chart_png())
    _draw_sub_rows_2023(canvas, cells, summary_bottom, labels_bottom)
    rules += [
        ((_NAME_R, summary_bottom), (_RIGHT, summary_bottom)),
        ((_NAME_R, labels_bottom), (_RIGHT, labels_bottom)),
        ((_LEFT, bottom), (_RIGHT, bottom)),
    ]
    verticals += [
        ((_NAME_R, y), (_NAME_R, bottom)),
        ((_LOGO_R, y), (_LOGO_R, bottom)),
        ((_PLACE_R, summary_bottom), (_PLACE_R, bottom)),
    ]
    return bottom


def _draw_sub_rows_2023(
    canvas: Canvas, cells: list[list[str]], summary_bottom: float, labels_bottom: float
) -> None:
    """The 기간 / 장소 / 홈페이지 labels under the summary, then each cell's lines."""
    for label, lines, (cell_l, cell_r) in zip(
        ("기간", "장소", "홈페이지"), cells, _CELLS_2023, strict=True
    ):
        rows = [(label, summary_bottom + 17.6)]
        rows += [(line, labels_bottom + 19.6 + 17.6 * i) for i, line in enumerate(lines)]
        for text, baseline in rows:
            canvas.centred(cell_l, cell_r, baseline, _FACE, _SIZE, text)


def _centred_lines(
    canvas: Canvas,
    lines: list[str],
    cell: tuple[float, float],
    middle: float,
    leading: float,
    size: float,
) -> None:
    """Lines in KoPubDotumLight centred in a cell, across and about the baseline ``middle``."""
    for i, line in enumerate(lines):
        baseline = middle + leading * (i - (len(lines) - 1) / 2)
        canvas.centred(cell[0], cell[1], baseline, "KoPubDotumLight", size, line)


_COLUMNS_2025 = (65.0, 88.0, 130.0, 325.0, 405.0, 545.0)  # 월 | 기간 | 행사명 | 장소 | 홈페이지


def draw_events_2025(book: Book, events: tuple[SampleEvent, ...]) -> None:
    """ "주요행사일정" and a ruled table 월 / 기간 / 행사명 / 장소 / 홈페이지, one row per event,
    the month cell spanning that month's rows."""
    canvas = book.page()
    canvas.text(65.1, 86.4, "KoPubDotumBold", 15, "주요행사일정")
    book.page_number(canvas)
    columns = _COLUMNS_2025
    top = 96.0
    for label, (cell_l, cell_r) in zip(
        ("월", "기간", "행사명", "장소", "홈페이지"), pairwise(columns), strict=True
    ):
        canvas.centred(cell_l, cell_r, top + 15, "KoPubDotumBold", 10, label)
    y = top + 22
    rules: Segments = [((columns[0], top), (columns[-1], top)), ((columns[0], y), (columns[-1], y))]
    month_top = y
    for i, event in enumerate(events):
        month, _ = month_and_days(event.dates)
        y = _event_row_2025(canvas, event, y)
        following = month_and_days(events[i + 1].dates)[0] if i + 1 < len(events) else None
        rules.append(((columns[0] if following != month else columns[1], y), (columns[-1], y)))
        if following != month:
            _centred_lines(canvas, [month], columns[:2], (month_top + y) / 2 + 3.2, 10.8, 9)
            month_top = y
    rules += [((x, top), (x, y)) for x in columns]
    rule(canvas.page, rules)


def _event_row_2025(canvas: Canvas, event: SampleEvent, y: float) -> float:
    """One event's 기간 / 행사명 / 장소 / 홈페이지 cells from ``y`` down; the row's bottom."""
    _, days = month_and_days(event.dates)
    cells = list(pairwise(_COLUMNS_2025[1:]))
    texts = [
        wrap_cell(text, canvas.fonts, "KoPubDotumLight", 9, right - left - 6)
        for text, (left, right) in zip(
            (days, event.name, event.place, event.url), cells, strict=True
        )
    ]
    height = 8 + 10.8 * max(map(len, texts))
    for lines, cell in zip(texts, cells, strict=True):
        _centred_lines(canvas, lines, cell, y + height / 2 + 3.2, 10.8, 9)
    return y + height


def month_and_days(dates: str) -> tuple[str, str]:
    """ "2025.6.11~13" -> ("6월", "11~13일"), the 2025 table's month and 기간 cells."""
    _, month, days = dates.split(".", 2)
    return f"{int(month)}월", f"{days}일"


def expected_event(event: SampleEvent, generation: str) -> Event:
    """The event as a parser should read it from the generation's table."""
    if generation == "2025":
        month, days = month_and_days(event.dates)
        return Event(event.name, "", f"{month} {days}", event.place, event.url)
    return Event(event.name, nfkc(event.summary), event.dates, event.place, event.url)
