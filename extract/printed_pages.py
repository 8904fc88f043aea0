"""Where printed pages fall in the PDF, for an issue read generically: the offset most pages
share between their place in the file and the number they show, the page printed page 1 falls
on (the end of the front matter), and the page each contents entry starts on.

Numbers are taken as printed (`repeated_lines.printed_number`) and trusted page by page before
the common offset: a number printed twice (1, 2, 2, 3, 4) shifts the offset of every later page
by one, and placing by the offset alone would put page 1 a page late and lose its article.
"""

from __future__ import annotations

from collections import Counter

from extract.contents_page import ContentsEntry
from extract.page_lines import PageText
from extract.repeated_lines import printed_number


def page_offset(inner: list[PageText]) -> int | None:
    """The offset most pages share between their place in the file and the number they show
    (None: no page shows one)."""
    offsets: Counter[int] = Counter()
    for page in inner:
        if (number := printed_number(page)) is not None:
            offsets[page.number - number] += 1
    return offsets.most_common(1)[0][0] if offsets else None


def first_article_page(inner: list[PageText], offset: int | None) -> int:
    """The PDF page printed page 1 falls on: pages before it are front matter, whatever their
    headlines. Placed by the first two numbered pages that agree (one offset, or next-door
    pages printing one number), not by the common offset alone: once a number repeats
    (1, 2, 2, 3, 4) most pages share an offset one higher, which would put page 1 one page
    late and drop its article without a word. A lone number (one a contents page prints,
    say) places nothing."""
    first = 1 + (offset or 0)
    numbered = numbered_pages(inner)
    for (page, number), (later, later_number) in zip(numbered, numbered[1:], strict=False):
        if later - page == later_number - number or (later - page, later_number) == (1, number):
            return min(first, page - number + 1)
    return first


def numbered_pages(pages: list[PageText]) -> list[tuple[int, int]]:
    """(PDF page, printed number) of every page that shows a number above 0."""
    found = [(page.number, printed_number(page)) for page in pages]
    return [(page, number) for page, number in found if number is not None and number > 0]


def listed_starts(
    inner: list[PageText], entries: list[ContentsEntry], offset: int | None
) -> dict[int, ContentsEntry]:
    """PDF page -> the contents entry that starts there: on the first article page that
    prints the entry's page number, else counted from the nearest page that prints one
    (the one before it, else the one after), so that a number printed twice moves none."""
    if offset is None:
        return {}
    first = first_article_page(inner, offset)
    printing: dict[int, int] = {}
    for page, number in numbered_pages([page for page in inner if page.number >= first]):
        printing.setdefault(number, page)
    numbers = {page.number for page in inner}
    starts = {printing[e.page]: e for e in entries if e.page in printing}
    for entry in entries:
        at = _counted_place(entry.page, printing, offset)
        if entry.page not in printing and at in numbers and at not in starts:
            starts[at] = entry
    return starts


def _counted_place(listed: int, printing: dict[int, int], offset: int) -> int:
    """The PDF page of a printed page no page shows, counted from the nearest that does."""
    before = [n for n in printing if n < listed]
    if before:
        return printing[max(before)] + listed - max(before)
    after = [n for n in printing if n > listed]
    return printing[min(after)] - (min(after) - listed) if after else listed + offset


def local_offset(numbered: list[tuple[int, int]], pdf_page: int, offset: int | None) -> int | None:
    """The offset of the numbered page nearest before `pdf_page` (else after it, else the
    common one): what an unnumbered page's number is counted from."""
    before = [p - n for p, n in numbered if p < pdf_page]
    after = [p - n for p, n in numbered if p > pdf_page]
    return before[-1] if before else after[0] if after else offset
