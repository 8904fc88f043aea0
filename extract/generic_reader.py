"""An issue of the AI Brief whose layout is not recognised, read in a generic form.

Articles start where the contents page says (its printed pages placed in the PDF by the page
numbers the pages show or, where they show none, by the headlines that print its titles) and
on every later page that opens with a headline and has text
under it; an article runs on over the following pages that have none and carry bullets,
sources or prose. Running heads, feet and page numbers go by repetition (`repeated_lines`);
a page set in two columns is read a column after the other (`columns`).
Each article has its title (the page's headline, else the contents page's), the section the
contents page lists it under or the one section label above its headline (else None; lines
above the headline are never its text), the printed page (as
the page shows it, else as the contents page lists it, else the PDF page), and its bullets,
footnotes, captions and sources (`generic_article`). The events part (주요 행사) is left out:
the generic reader reads no table. An issue read so says layout "unknown", and names the pages
after its front matter whose text no article holds (`dropped_pages`).
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import NamedTuple

from extract.columns import in_columns
from extract.contents_page import ContentsEntry
from extract.generic_article import SOURCE_LINE, headline, read_parts
from extract.generic_contents import read_generic_contents
from extract.layouts import section_of_label
from extract.line_joins import join_wrapped_lines
from extract.model import Article
from extract.page_lines import Line, PageText
from extract.printed_pages import (
    first_article_page,
    listed_starts,
    local_offset,
    numbered_pages,
    page_offset,
)
from extract.repeated_lines import printed_number, repeated_lines, without_furniture
from extract.sources import ends_with_date

_MIN_BODY_LINES = 2  # a page with a headline and less text under it is a divider
_PROSE_LINES = 4  # a page without bullets or sources carries on an article with this many lines
# Every generation of the Brief ends with a table of events: "Ⅱ. 주요 행사", "주요행사일정"
_EVENTS = re.compile(r"^\W*(?:[ⅠⅡⅢIV]+\s*\.\s*)?주요\s*행사")
_SIMILAR = 0.7  # share of character pairs a contents title and a headline have in common


class GenericRead(NamedTuple):
    """What the generic reader found: the articles, and the PDF pages after the front matter
    whose text none of them holds."""

    articles: tuple[Article, ...]
    dropped_pages: tuple[int, ...]


def read_generic_articles(pages: list[PageText], opening: int, issue: str) -> GenericRead:
    """Every article found in the pages after the front matter (cover and contents), and the
    pages with text that no article holds."""
    repeated = repeated_lines(pages)
    bodies = {p.number: in_columns(without_furniture(p, repeated), p.width) for p in pages}
    contents, entries = read_generic_contents(pages[:opening])
    front = contents.number if contents else 1
    inner = [page for page in pages if page.number > front]
    size = _body_size([line for page in inner for line in bodies[page.number]])
    heads = {p.number: headline(bodies[p.number], size, p.height) for p in inner}
    offset = page_offset(inner)
    listed = listed_starts(inner, entries, offset)
    if not listed and entries:  # no page shows its number: place the entries by their titles
        titled = _titled_starts(entries, heads)
        offset = _common_offset(titled)
        placed = set(titled.values())
        listed = {
            **{n: e for n, e in listed_starts(inner, entries, offset).items() if e not in placed},
            **titled,
        }
    first = first_article_page(inner, offset)
    numbered = numbered_pages([page for page in inner if page.number >= first])
    starts = sorted(
        set(listed)
        | {n for n, head in heads.items() if n >= first and _opens_article(bodies[n], head)}
    )
    articles: list[Article] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else pages[-1].number + 1
        last = start
        while last + 1 < end and _continues(bodies, heads, start, last + 1):
            last += 1
        around = local_offset(numbered, start, offset)
        page = _printed_page(pages[start - 1], listed.get(start), around)
        entry = listed.get(start)
        section = _section(pages[start - 1], heads[start], entry)
        article = _article(bodies, heads, (section, entry), (start, last), (issue, page), size)
        if article is None or _EVENTS.search(article.title):
            continue  # the events part (주요 행사) is a table of events, not an article
        articles.append(_distinct_id(article, {a.id for a in articles}))
    held = {n for a in articles for n in range(a.pdf_pages[0], a.pdf_pages[1] + 1)}
    dropped = tuple(p.number for p in inner if p.number not in held and bodies[p.number])
    return GenericRead(tuple(articles), dropped)


def _distinct_id(article: Article, taken: set[str]) -> Article:
    """The article under an id no earlier article of the issue holds: a second article whose
    page prints the number of an earlier one's (a numbering that restarts, a page number read
    from a stray line) keeps its page and every line, its id marked "b" ("2026-01-05b"), a
    third "c", and so on ("ba" after "z": a file of 200 pages holds fewer than 650)."""
    if article.id not in taken:
        return article
    mark = next(m for m in _marks() if article.id + m not in taken)
    return replace(article, id=article.id + mark)


def _marks() -> Iterator[str]:
    """b … z, then ba … zz: the marks of the second and later articles on one printed page."""
    letters = string.ascii_lowercase
    yield from letters[1:]
    for first in letters[1:]:
        for second in letters:
            yield first + second


def _body_size(lines: list[Line]) -> float:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _titled_starts(
    entries: list[ContentsEntry], heads: dict[int, list[Line]]
) -> dict[int, ContentsEntry]:
    """PDF page -> the contents entry whose title its headline prints, in order: for pages
    that show no number to place the entries by."""
    placed: dict[int, ContentsEntry] = {}
    pages = sorted(n for n, head in heads.items() if head)
    for entry in entries:
        for number in pages:
            if number not in placed and same_title(entry.title, join_wrapped_lines(heads[number])):
                placed[number] = entry
                pages = [n for n in pages if n > number]
                break
    return placed


def _common_offset(titled: dict[int, ContentsEntry]) -> int | None:
    """The offset most entries placed by title share between their page in the file and the
    page the contents page lists."""
    offsets = Counter(number - entry.page for number, entry in titled.items())
    return offsets.most_common(1)[0][0] if offsets else None


def same_title(listed: str, printed: str) -> bool:
    """A contents title and a headline name one article: one starts the other once spaces and
    punctuation are gone (contents pages cut long titles short), or they share most of their
    character pairs."""
    a, b = _letters(listed), _letters(printed)
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a):
        return min(len(a), len(b)) >= 6
    pairs_a, pairs_b = _pairs(a), _pairs(b)
    return 2 * len(pairs_a & pairs_b) >= _SIMILAR * (len(pairs_a) + len(pairs_b))


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _printed_page(page: PageText, entry: ContentsEntry | None, offset: int | None) -> int:
    """The number the page shows, else the one its neighbours' offset implies, else the
    contents page's, else its place in the file."""
    if (number := printed_number(page)) is not None and number > 0:
        return number
    if offset is not None and page.number - offset > 0:
        return page.number - offset
    return entry.page if entry else page.number


def _opens_article(lines: list[Line], head: list[Line]) -> bool:
    """A page with a headline and text under it (not a divider holding a name alone)."""
    return bool(head) and len(lines) - len(head) >= _MIN_BODY_LINES


def _continues(
    bodies: dict[int, list[Line]], heads: dict[int, list[Line]], start: int, page: int
) -> bool:
    """A page without a headline that carries on the article begun on `start`: it has
    bullets, sources or prose, or it ends the sources begun on the pages before."""
    lines = bodies[page]
    if heads[page] or not lines:
        return False
    if any(line.marker or SOURCE_LINE.match(line.text) for line in lines):
        return True
    in_sources = any(SOURCE_LINE.match(line.text) for n in range(start, page) for line in bodies[n])
    return len(lines) >= _PROSE_LINES or (in_sources and ends_with_date(lines[-1].text))


def _section(page: PageText, head: list[Line], entry: ContentsEntry | None) -> str | None:
    """The section the contents page lists the article under, else the one label printed
    above its headline (a row of tabs naming them all names none)."""
    if entry is not None and entry.section is not None:
        return entry.section
    top = head[0].y0 if head else 0.0
    labels = {section_of_label(line.text) for line in page.lines if line.y1 <= top + 1}
    labels.discard(None)
    return labels.pop() if len(labels) == 1 else None


def _article(
    bodies: dict[int, list[Line]],
    heads: dict[int, list[Line]],
    section_entry: tuple[str | None, ContentsEntry | None],
    pdf_pages: tuple[int, int],
    place: tuple[str, int],
    size: float,
) -> Article | None:
    """One article from its pages (lines above the headline left out), or None when it has
    no title at all."""
    section, entry = section_entry
    first, last = pdf_pages
    head = heads[first]
    title = join_wrapped_lines(head) if head else (entry.title if entry else "")
    top = head[0].y0 if head else 0.0
    lines = [
        line
        for n in range(first, last + 1)
        for line in bodies[n]
        if line not in head and (n > first or line.y1 > top + 1)
    ]
    if not title:
        return None
    issue, page = place
    parts = read_parts(title, lines, size)
    return Article(
        id=f"{issue}-{page:02d}",
        issue=issue,
        section=section,
        title=title,
        page=page,
        pdf_pages=pdf_pages,
        body=parts.body,
        footnotes=parts.footnotes,
        sources=parts.sources,
        captions=parts.captions,
    )
