"""Source lines: outlet, title, ISO date and URL."""

from __future__ import annotations

import pytest

from extract.page_lines import Line
from extract.sources import ends_with_date, iso_date, parse_source, split_sources


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        pytest.param("2024.02.08.", "2024-02-08", id="dotted"),
        pytest.param("2024.2.8", "2024-02-08", id="unpadded"),
        pytest.param("2024. 02. 08.", "2024-02-08", id="spaced"),
        pytest.param("2025.01.", "2025-01", id="month-only"),
        pytest.param("no date here", None, id="none"),
        pytest.param("2024.13.01.", None, id="not-a-month"),
    ],
)
def test_iso_date(printed, iso):
    assert iso_date(printed) == iso


def test_parse_source_fields():
    source = parse_source("The White House, Fact Sheet: Key AI Actions, Part 2, 2024.01.29.")
    assert source.outlet == "The White House"
    assert source.title == "Fact Sheet: Key AI Actions, Part 2"
    assert source.date == "2024-01-29"
    assert source.url is None
    assert source.text == "The White House, Fact Sheet: Key AI Actions, Part 2, 2024.01.29."


def test_parse_source_keeps_url():
    source = parse_source(
        "과기정통부, 보도자료(https://www.msit.go.kr/bbs/view.do?id=1), 2024.03.02."
    )
    assert source.url == "https://www.msit.go.kr/bbs/view.do?id=1"
    assert source.outlet == "과기정통부"
    assert source.date == "2024-03-02"


def test_parse_source_without_date():
    source = parse_source("Omnihuman, What is it?")
    assert (source.outlet, source.title, source.date) == ("Omnihuman", "What is it?", None)


def test_parse_source_printed_without_outlet():
    source = parse_source("EU launches InvestAI to mobilise €200 billion, 2025.02.11.")
    assert (source.outlet, source.title, source.date) == (
        None,
        "EU launches InvestAI to mobilise €200 billion",
        "2025-02-11",
    )


def _line(text: str) -> Line:
    return Line(text=text, x0=0, y0=0, x1=0, y1=0, size=9.0, bold=False)


def test_split_sources_at_each_date():
    lines = [
        _line("Reuters, A long title that wraps "),
        _line("onto a second line, 2024.05.28."),
        _line("FT, Second, 2024.05.29."),
        _line("Blog, Undated"),
    ]
    groups = split_sources(lines)
    assert [[x.text for x in g] for g in groups] == [
        ["Reuters, A long title that wraps ", "onto a second line, 2024.05.28."],
        ["FT, Second, 2024.05.29."],
        ["Blog, Undated"],
    ]
    assert ends_with_date("FT, Second, 2024.05.29. ")
    assert not ends_with_date("2024.05.29. FT")
