"""A sample issue's PDF as it is drawn, page after page, with the furniture of its article pages:
running heads on even printed pages, section tabs on odd ones, and the printed page numbers.
"""

from __future__ import annotations

import pymupdf

from extract.model import SECTIONS
from samples.canvas import Canvas, disc_png, dotted_section
from samples.fonts import Fonts
from samples.layout import PAGE_WIDTH, Style

_TABS_2023 = (106.0, 225.0, 344.4, 461.8)
_TABS_2025 = (107.4, 227.8, 348.2, 468.7)


class Book:
    """One issue's PDF as it is drawn, page after page."""

    def __init__(self, issue: str, style: Style, charset: frozenset[str]) -> None:
        self.issue = issue
        self.style = style
        self.doc = pymupdf.open()
        self.fonts = Fonts(self.doc, charset)
        self.canvases: list[Canvas] = []
        self.drop_space = False  # see LineBreak "no-space": set from the second article on
        # cover, contents (and in 2023-2024 a part divider) come before printed page 1
        self.offset = 3 if style.name == "2023" else 2
        year, month = issue.split("-")
        self.year, self.month = int(year), int(month)

    def page(self) -> Canvas:
        """A new blank page at the end of the book."""
        canvas = Canvas(self.doc, self.fonts, PAGE_WIDTH, self.style.height)
        self.canvases.append(canvas)
        return canvas

    @property
    def pdf_page(self) -> int:
        """The 1-based PDF page being drawn."""
        return len(self.canvases)

    @property
    def printed(self) -> int:
        """The printed page number of the page being drawn."""
        return self.pdf_page - self.offset

    def issue_month(self) -> str:
        """The issue's month as the front pages print it: "2024년 4월호"."""
        return f"{self.year}년 {self.month}월호"

    def article_page(self, section: str) -> Canvas:
        """A new page with the running head (even pages) or section tabs (odd pages)."""
        canvas = self.page()
        if self.printed % 2 == 0:
            self._running_head(canvas)
        else:
            self._tabs(canvas, section)
        self.page_number(canvas)
        return canvas

    def page_number(self, canvas: Canvas) -> None:
        """The printed page number in the page's foot."""
        number = str(self.printed)
        if self.style.name == "2025":
            # the published pages set the number on a small round image
            canvas.page.insert_image(pymupdf.Rect(295, 807, 317, 828), stream=disc_png())
            canvas.centred(295, 317, 820.3, "KoPubDotumBold", 8, number)
        elif self.printed % 2:
            canvas.right_aligned(546.7, 823.1, "KoPubDotumBold", 9, number)
        else:
            canvas.text(65.4, 823.1, "KoPubDotumBold", 9, number)

    def _running_head(self, canvas: Canvas) -> None:
        """The even page's head: "SPRi AI Brief" and the issue month."""
        if self.style.name == "2025":
            canvas.text(99.4, 35.8, "KoPubDotumBold", 9, "SPRi AI Brief")
            canvas.text(220.0, 35.8, "KoPubDotumLight", 9, self.issue_month())
            return
        parts = [
            ("KoPubDotumBold", 7.9, "SPRi AI Brief |  "),
            ("KoPubDotumLight", 6.9, f"{self.year}-{self.month}월호"),
        ]
        canvas.line(55.2, canvas.in_a_row(64.3, parts))

    def _tabs(self, canvas: Canvas, current: str) -> None:
        """The odd page's head: one tab per section, the article's own in bold."""
        for number, (name, x) in enumerate(zip(SECTIONS, self._tab_xs(), strict=True), 1):
            if self.style.name == "2023":
                face, size = ("MalgunGothicBold", 7.7) if name == current else ("MalgunGothic", 7.9)
                canvas.text(x, 82.0, face, size, f"{number}. {name} ")
            else:
                face = "KoPubDotumBold" if name == current else "KoPubDotumLight"
                canvas.line(35.8, dotted_section(canvas, face, 9, x, name))

    def _tab_xs(self) -> tuple[float, ...]:
        """Where each section's tab starts, left to right."""
        return _TABS_2023 if self.style.name == "2023" else _TABS_2025
