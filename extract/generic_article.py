"""An article's lines -> its parts, for a layout not recognised: only what any layout shares.

The headline is the most prominent line (largest, unmarked) at the top of the first page;
after it, a line opening with a common bullet character (or a symbol-font glyph) starts a
bullet, one indented further than the bullet before it a sub-bullet, a □ or a bold line of its
own a sub-heading; "*" lines set small are footnotes, "<…>" lines captions, and from a line
opening with "출처" on, the lines are sources (split at their dates). Any other line carries
on the paragraph before it, or starts one after a gap. Wrapped lines are joined by
`line_joins`, as in a recognised layout. There is no KEY Contents box to read.
"""

from __future__ import annotations

import re

from extract.article_pages import ArticleParts, Paragraph, assemble
from extract.glyphs import BULLET, HEADING, SUB
from extract.layouts import section_of_label
from extract.page_lines import Line

# Symbols open a bullet with or without a space after them; dashes and dots only before a
# space ("-5%" and "·" inside a phrase are text).
_SYMBOLS = "•●◦○▪▫◆◇▶▷►▸‣⁃✓✔➢➤※"
_DASHES = "∙·-–—"
_BULLET = re.compile(rf"^\s*(?:[{_SYMBOLS}]\s*|[{re.escape(_DASHES)}]\s+)(?=\S)")
_HEADING_CHARS = re.compile(r"^\s*[□■▣◎◈]\s*(?=\S)")
SOURCE_LINE = re.compile(r"^\s*[☞▶※]?\s*출\s*처\s*[:：|｜]\s*")
_FOOTNOTE = re.compile(r"^\s*\*")
_CAPTION = re.compile(r"^\s*<")
_WORDS = re.compile(r"[0-9A-Za-z\uac00-\ud7a3\u4e00-\u9fff]")
_SUB_INDENT = 4.0  # points further right than the bullet before it
_PARAGRAPH_GAP = 0.9  # of the line's size: more white space above a line starts a paragraph
_HEADLINE_SCALE = 1.15  # a headline is set this much larger than the body, at least
_HEADLINE_BAND = 0.45  # and starts in this top fraction of the page


def headline(lines: list[Line], body_size: float, page_height: float) -> list[Line]:
    """The page's headline: its largest unmarked lines, set well above the body size near
    the top of the page, in one block (empty: the page starts no article)."""
    candidates = [
        line
        for line in lines
        if not line.marker
        and _WORDS.search(line.text)
        and not _BULLET.match(line.text)
        and section_of_label(line.text) is None  # a section's name set large is no headline
        and line.size >= body_size * _HEADLINE_SCALE
    ]
    if not candidates:
        return []
    size = max(line.size for line in candidates)
    top = [line for line in candidates if line.size >= size - 0.5]
    if top[0].y0 > page_height * _HEADLINE_BAND:
        return []
    block = [top[0]]
    for line in top[1:]:
        if line.y0 - block[-1].y1 > size:
            break
        block.append(line)
    return block


def read_parts(title: str, lines: list[Line], body_size: float) -> ArticleParts:
    """The parts of an article: its title, and its lines (headline left out) as paragraphs."""
    paragraphs = [Paragraph("title", [])]
    sources = False
    for line in lines:
        if sources or SOURCE_LINE.match(line.text):
            text = SOURCE_LINE.sub("", line.text, count=1) if not sources else line.text
            sources = True
            if _WORDS.search(text):
                paragraphs.append(Paragraph("source", [_with_text(line, text)]))
            continue
        if not _WORDS.search(line.text):
            continue
        _place(line, paragraphs, body_size)
    parts = assemble(paragraphs[1:])
    return ArticleParts(title, (), parts.body, parts.footnotes, parts.captions, parts.sources)


def _place(line: Line, paragraphs: list[Paragraph], body_size: float) -> None:
    """Start a paragraph with the line, or add it to the one before."""
    last = paragraphs[-1]
    kind, text = _kind(line, paragraphs, body_size)
    if kind is None:
        if last.kind in ("footnote", "caption"):
            if _continues_note(line, last, body_size):
                last.lines.append(line)
            else:
                paragraphs.append(Paragraph("bullet", [line]))
        elif last.kind == "title" or _starts_paragraph(line, last):
            paragraphs.append(Paragraph("bullet", [line]))
        else:
            last.lines.append(line)
        return
    paragraphs.append(Paragraph(kind, [_with_text(line, text)]))


def _kind(line: Line, paragraphs: list[Paragraph], body_size: float) -> tuple[str | None, str]:
    """The kind of paragraph the line starts (None: it may carry on the last), and its text
    without the bullet character."""
    text = line.text
    if line.marker == HEADING or (not line.marker and _HEADING_CHARS.match(text)):
        return "heading", _HEADING_CHARS.sub("", text, count=1)
    if line.marker in (BULLET, SUB) or _BULLET.match(text):
        text = _BULLET.sub("", text, count=1) if not line.marker else text
        bullet = next((p for p in reversed(paragraphs) if p.kind in ("bullet", "heading")), None)
        indented = bullet and bullet.kind == "bullet" and line.x0 > bullet.lines[0].x0 + _SUB_INDENT
        return ("sub" if indented else "bullet"), text
    if _FOOTNOTE.match(text) and line.size < body_size - 0.5:
        return "footnote", text
    if _CAPTION.match(text):
        return "caption", text
    last = paragraphs[-1]
    if line.bold and last.kind != "heading" and _starts_paragraph(line, last):
        return "heading", text
    return None, text


def _starts_paragraph(line: Line, last: Paragraph) -> bool:
    """An unmarked line starts a paragraph after white space, or when set unlike the last;
    one at the top of the next page carries on the last."""
    if not last.lines or last.kind in ("footnote", "caption"):
        return True
    previous = last.lines[-1]
    gap = line.y0 - previous.y1
    return gap > line.size * _PARAGRAPH_GAP or previous.bold != line.bold


def _continues_note(line: Line, last: Paragraph, body_size: float) -> bool:
    """A footnote's wrapped line (set small, close below), or a caption not yet closed."""
    if last.kind == "caption":
        return ">" not in "".join(x.text for x in last.lines)
    gap = line.y0 - last.lines[-1].y1
    return line.size < body_size - 0.5 and 0 <= gap < line.size


def _with_text(line: Line, text: str) -> Line:
    return Line(text, line.x0, line.y0, line.x1, line.y1, line.size, line.bold, line.marker)
