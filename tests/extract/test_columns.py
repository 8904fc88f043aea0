"""Two columns on a page are read one after the other, band by band; one column is left as it
is."""

from __future__ import annotations

from extract.columns import in_columns
from extract.page_lines import Line

WIDTH = 595.0


def line(text: str, x0: float, y0: float, x1: float) -> Line:
    return Line(text, x0, y0, x1, y0 + 12, 11.0, False, spans=((x0, x1, text),))


def texts(lines: list[Line]) -> list[str]:
    return [x.text for x in lines]


def rows(count: int, y0: float, left: str, right: str) -> list[Line]:
    """`count` rows of a left-column and a right-column line, as a page reads them."""
    found = []
    for i in range(count):
        y = y0 + 16 * i
        found += [line(f"{left}{i}", 56, y, 287), line(f"{right}{i}", 308, y, 539)]
    return found


def test_two_columns_are_read_one_after_the_other_band_by_band():
    head = [line("headline across both columns", 56, 60, 539)]
    across = [line("a caption across the page", 100, 300, 495)]
    page = head + rows(4, 100, "L", "R") + across + rows(2, 340, "l", "r")
    assert texts(in_columns(page, WIDTH)) == [
        "headline across both columns",
        *("L0", "L1", "L2", "L3", "R0", "R1", "R2", "R3"),
        "a caption across the page",
        *("l0", "l1", "r0", "r1"),
    ]


def test_the_right_column_is_moved_to_the_left_columns_edge():
    page = rows(3, 100, "L", "R") + [line("indented", 326, 148, 539)]
    moved = {x.text: x for x in in_columns(page, WIDTH)}
    assert (moved["R0"].x0, moved["R0"].spans[0][0]) == (56, 56)
    assert moved["indented"].x0 == 74  # indented as far within its column


def test_one_column_and_a_right_side_of_page_numbers_are_left_as_they_are():
    one = [line(f"body line {i}", 56, 100 + 16 * i, 539 - (i % 3) * 40) for i in range(12)]
    assert in_columns(one, WIDTH) == one
    dated = [*one[:6], line("2026.01.15.", 470, 100, 539), line("- 3 -", 280, 810, 310)]
    assert in_columns(dated, WIDTH) == dated
    short = [line("short", 56, 100 + 16 * i, 150) for i in range(8)]  # nothing on the right
    assert in_columns(short, WIDTH) == short
