"""The pages of a sample issue around its articles, per layout generation: the cover, the
contents page, the part (2023-2024) or section (2025) dividers and the back cover.
"""

from __future__ import annotations

from extract.model import SECTIONS
from samples.book import Book
from samples.canvas import Canvas, Span, dotted_section
from samples.text import SampleEvent

_PAPER = (246, 248, 252)  # the full-page background image of the front pages
_COVER = (226, 234, 250)

# (section, title, printed page) of each article, in order
Entries = list[tuple[str, str, int]]


def draw_cover(book: Book) -> None:
    """The cover: the issue month ("2024년 4월호") on a background image."""
    canvas = book.page()
    canvas.background(_COVER)
    if book.style.name == "2025":
        canvas.text(484.9, 111.9, "KoPubDotumBold", 14, f"{book.year}년")
        canvas.text(484.1, 134.6, "KoPubDotumBold", 19, f"{book.month}월호")
        canvas.text(206.2, 212.5, "KoPubDotumBold", 20, "인공지능 산업의 최신 동향")
        return
    parts = [
        ("KoPubDotumBold", 14, f"{book.year}년 "),
        ("KoPubDotumBold", 21, str(book.month)),
        ("KoPubDotumBold", 14, "월호"),
    ]
    canvas.line(299.2, canvas.in_a_row(262.6, parts))


def draw_divider_2023(book: Book) -> None:
    """The 2023-2024 part divider: "Ⅰ. 인공지능 산업 동향 브리프" alone on a page."""
    canvas = book.page()
    part_heading(canvas, 133.6, 348.8, "Ⅰ", ". 인공지능 산업 동향 브리프", 34.77, 26.72)


def draw_divider_2025(book: Book, section: str) -> None:
    """A 2025 section divider: the section name in 34 pt ("정책", "･", "법제") alone."""
    canvas = book.page()
    _front_page_2025(book, canvas, 108.1)
    canvas.line(355.7, dotted_section(canvas, "KoPubDotumBold", 34, 238.2, section))


def draw_back_cover(book: Book) -> None:
    """The back cover: a line saying the issue is a sample; no page number."""
    canvas = book.page()
    canvas.text(
        69.1,
        733.8,
        "KoPubWorldDotumMedium",
        11,
        "이 호는 aibrief 프로젝트가 시험용으로 만든 견본이며 실제 발행본이 아닙니다.",
    )
    canvas.text(244.3, 716.1, "KoPubWorldDotumMedium", 11, "홈페이지 : https://example.org/")


def draw_contents_2023(
    book: Book, canvas: Canvas, entries: Entries, events_page: int, events: tuple[SampleEvent, ...]
) -> None:
    """Contents: "Ⅰ. 인공지능 산업 동향 브리프", a header per section, "▹ title ···· N" lines,
    then "Ⅱ. 주요 행사" with one line per event."""
    canvas.background(_PAPER)
    canvas.text(494.3, 67.0, "KoPubDotumBold", 10.55, book.issue_month())
    part_heading(canvas, 199.6, 234.0, "Ⅰ", ". 인공지능 산업 동향 브리프", 23.2, 17.8)
    baseline = _article_entries_2024(canvas, entries, 270.0) + 30.0
    part_heading(canvas, 198.7, baseline, "Ⅱ", ". 주요 행사", 23.2, 17.8)
    baseline += 30.0
    for event in events:
        baseline += 16.0
        leader = _leader(canvas, event.name, events_page, 177.6)
        _entry_line(canvas, baseline, 9.96, ("▹", 167.6), ("KoPubDotumMedium", 177.6, leader))


def _article_entries_2024(canvas: Canvas, entries: Entries, baseline: float) -> float:
    """A header per section with a "▹ title ···· N" line per article; the last baseline."""
    for number, name, listed in _by_section(entries):
        baseline += 10.0
        canvas.text(157.6, baseline, "KoPubDotumBold", 11.04, f" {number}. {name} ")
        for title, page in listed:
            baseline += 16.0
            leader = _leader(canvas, title, page, 187.6)
            _entry_line(canvas, baseline, 9.96, ("▹ ", 172.6), ("KoPubDotumLight", 187.6, leader))
        baseline += 9.0
    return baseline


def part_heading(
    canvas: Canvas,
    x: float,
    baseline: float,
    numeral: str,
    text: str,
    numeral_size: float,
    size: float,
) -> None:
    """A 2023-2024 part heading: the Roman numeral in KoPubBatangBold, then its title."""
    parts = [("KoPubBatangBold", numeral_size, numeral), ("KoPubDotumBold", size, text)]
    canvas.line(baseline, canvas.in_a_row(x, parts))


def _by_section(entries: Entries) -> list[tuple[int, str, list[tuple[str, int]]]]:
    """(number, section, [(title, page), ...]) for each section, in order, that has articles."""
    out = []
    for number, name in enumerate(SECTIONS, 1):
        listed = [(title, page) for section, title, page in entries if section == name]
        if listed:
            out.append((number, name, listed))
    return out


def _entry_line(
    canvas: Canvas,
    baseline: float,
    size: float,
    glyph: tuple[str, float],
    entry: tuple[str, float, str],
) -> None:
    """A contents line: a Haansoft Batang glyph (text, x), then the entry (face, x, text)."""
    (mark, mark_x), (face, x, text) = glyph, entry
    canvas.line(baseline, [Span("Haansoft Batang", size, mark_x, mark), Span(face, size, x, text)])


def _leader(canvas: Canvas, title: str, page: int, x: float) -> str:
    """ "title ······· N", the dots filling the line to the right margin."""
    room = 559.9 - x - canvas.width(f"{title}  {page}", 9.96)
    dots = max(3, int(room / canvas.width("·", 9.96)))
    return f"{title} {'·' * dots} {page}"


def draw_contents_2025(book: Book, canvas: Canvas, entries: Entries, events_page: int) -> None:
    """Contents: "CONTENTS", each section name ("정책", "･", "법제") with "∙ title" lines and
    the page number as a span of its own at the right, then "주요행사일정 N"."""
    _front_page_2025(book, canvas, 106.7)
    canvas.text(65.1, 140.8, "KoPubDotumBold", 21.5, "CONTENTS")
    baseline = 179.0
    for _, name, listed in _by_section(entries):
        canvas.line(baseline, dotted_section(canvas, "KoPubDotumBold", 14.7, 66.6, name))
        for title, page in listed:
            _entry_line(canvas, baseline, 10, ("∙", 209.2), ("KoPubDotumLight", 216.8, title))
            canvas.right_aligned(541.2, baseline, "KoPubDotumBold", 10, str(page))
            baseline += 18.0
        baseline += 38.0
    canvas.text(66.6, baseline, "KoPubDotumBold", 14.7, "주요행사일정")
    canvas.right_aligned(541.2, baseline, "KoPubDotumBold", 10, str(events_page))


def _front_page_2025(book: Book, canvas: Canvas, baseline: float) -> None:
    """The background and the "| 2025년 2월호 |" line of a 2025 contents or divider page."""
    canvas.background(_PAPER)
    canvas.text(461.5, baseline, "KoPubDotumBold", 11, f"| {book.issue_month()} |")
