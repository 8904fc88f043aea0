"""The events table: ruled cells rebuilt from a page's rules, and rows read into events."""

from __future__ import annotations

import pymupdf
import pytest

from extract.events_table import events_from_rows
from extract.model import Event
from extract.page_lines import read_page
from extract.table_grid import table_rows


@pytest.fixture
def ruled_page(tmp_path):
    """A 2025-style events table: the month cell spans two rows; a URL wraps in its cell."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=858)
    xs = [65, 90, 130, 330, 410, 545]
    ys = [100, 120, 150, 180, 210]
    for y in ys:
        start = xs[0] if y in (100, 120, 180, 210) else xs[1]  # no rule across the merged month
        page.draw_line((start, y), (xs[-1], y))
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]))

    def put(x, y, text):
        page.insert_text((x, y), text, fontname="korea", fontsize=8)

    for x, text in zip(xs, ["월", "기간", "행사명", "장소", "홈페이지"], strict=False):
        put(x + 3, 113, text)
    put(68, 167, "3월")
    put(93, 137, "17~21일")
    put(133, 137, "NVIDIA GTC 2025")
    put(333, 137, "미국, 산호세")
    put(413, 132, "www.nvidia.com/ko-kr/")
    put(413, 144, "gtc")
    put(93, 167, "26일")
    put(133, 167, "Cloud Summit")
    put(333, 167, "서울, 송파")
    put(413, 167, "www.idc.com")
    put(68, 197, "4월")
    put(93, 197, "15~16일")
    put(133, 197, "World Summit AI")
    put(333, 197, "캐나다, 몬트리올")
    put(413, 197, "worldsummit.ai")
    path = tmp_path / "table.pdf"
    doc.save(path)
    doc.close()
    with pymupdf.open(path) as reopened:
        page = reopened[0]
        yield page, list(read_page(page).lines)


def test_table_rows_from_rules(ruled_page):
    page, lines = ruled_page
    assert table_rows(page, lines) == [
        ["월", "기간", "행사명", "장소", "홈페이지"],
        ["3월", "17~21일", "NVIDIA GTC 2025", "미국, 산호세", "www.nvidia.com/ko-kr/gtc"],
        ["", "26일", "Cloud Summit", "서울, 송파", "www.idc.com"],
        ["4월", "15~16일", "World Summit AI", "캐나다, 몬트리올", "worldsummit.ai"],
    ]


def test_events_by_month_carry_the_month_down(ruled_page):
    page, lines = ruled_page
    assert events_from_rows(table_rows(page, lines)) == [
        Event("NVIDIA GTC 2025", "", "3월 17~21일", "미국, 산호세", "www.nvidia.com/ko-kr/gtc"),
        Event("Cloud Summit", "", "3월 26일", "서울, 송파", "www.idc.com"),
        Event("World Summit AI", "", "4월 15~16일", "캐나다, 몬트리올", "worldsummit.ai"),
    ]


def test_events_in_blocks_of_three_rows():
    rows = [
        ["", "II. 주요 행사 일정", "", ""],
        ["행사명", "행사 주요 개요", "", ""],
        ["CES 2024", "- 세계 최대 가전 전시회\n- AI를 조명", "", ""],
        ["", "기간", "장소", "홈페이지"],
        ["", "2024.1.9~12", "미국, 라스베가스", "https://www.ces.tech/"],
    ]
    assert events_from_rows(rows) == [
        Event(
            "CES 2024",
            "세계 최대 가전 전시회 - AI를 조명",
            "2024.1.9~12",
            "미국, 라스베가스",
            "https://www.ces.tech/",
        )
    ]


def test_rows_without_events():
    assert events_from_rows([["", "II. 주요 행사 일정", ""]]) == []
    assert events_from_rows([]) == []
