"""Article pages -> one `Article`: headline, KEY Contents, body, footnotes, captions, sources.

The page's lines (furniture already stripped) are read top to bottom by a small state
machine: every glyph, indent and size change starts a new paragraph, and unmarked lines
continue the paragraph before them. Paragraph text is rejoined by `line_joins`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.glyphs import BULLET, HEADING, SUB
from extract.layouts import Layout
from extract.line_joins import join_wrapped_lines
from extract.model import Article, BodySection, Bullet
from extract.page_lines import Line
from extract.sources import parse_source, split_sources

_KEY_LABEL = re.compile(r"^\s*KEY\s*Contents\s*$", re.IGNORECASE)
_HEADLINE_SIZE = 14.0  # headlines are set at 15 pt; body text at 12 pt or less
_SMALL_SIZE = 10.5  # footnotes, table cells and figure labels are set at 9 pt
_FOOTNOTE = re.compile(r"^\s*\*")
_CAPTION_OPEN = re.compile(r"^\s*<")
_FOOTNOTE_GAP = 6.0  # points between a wrapped footnote's lines
_WORDS = re.compile(r"[0-9A-Za-z\uac00-\ud7a3\u4e00-\u9fff]")


@dataclass
class Paragraph:
    """A run of lines that print one paragraph of a given kind."""

    kind: str  # title, key, heading, bullet, sub, footnote, caption, source
    lines: list[Line] = field(default_factory=list)

    def text(self) -> str:
        return join_wrapped_lines(self.lines)


@dataclass(frozen=True)
class ArticleParts:
    """What an article's pages hold, before it becomes an `Article`."""

    title: str
    key_contents: tuple[str, ...]
    body: tuple[BodySection, ...]
    footnotes: tuple[str, ...]
    captions: tuple[str, ...]
    sources: tuple


def is_article_start(lines: list[Line]) -> bool:
    """A page that opens an article: it has a headline and a KEY Contents box."""
    return any(_KEY_LABEL.match(line.text) for line in lines) and any(
        line.size >= _HEADLINE_SIZE and not line.marker for line in lines
    )


def is_continuation(lines: list[Line], layout: Layout) -> bool:
    """A page with no headline that carries on the article before it (body or sources)."""
    return any(line.marker in (HEADING, BULLET, SUB) for line in lines) or any(
        layout.source_prefix.match(line.text) for line in lines
    )


def split_paragraphs(lines: list[Line], layout: Layout) -> list[Paragraph]:
    """Cut an article's lines into typed paragraphs, in reading order."""
    paragraphs: list[Paragraph] = []
    state = "title"
    for line in lines:
        kind, state = _line_kind(line, state, paragraphs, layout)
        if kind == "drop":
            continue
        if kind == "more":
            paragraphs[-1].lines.append(line)
        elif kind == "resume":
            _resume_body(paragraphs, line)
        elif kind == "source":
            text = layout.source_prefix.sub("", line.text, count=1)
            paragraphs.append(Paragraph("source", [_with_text(line, text)]))
        else:
            paragraphs.append(Paragraph(kind, [line]))
    return paragraphs


def _line_kind(
    line: Line, state: str, paragraphs: list[Paragraph], layout: Layout
) -> tuple[str, str]:
    """(kind of paragraph the line starts, or "more"/"drop"; the new state)."""
    last = paragraphs[-1] if paragraphs else None
    if not _WORDS.search(line.text) and not line.marker:
        return "drop", state  # arrows and rules of a diagram
    if line.marker and line.size <= _SMALL_SIZE:
        return "drop", state  # a □ or ■ inside a figure box, set small: not the article's list
    if _KEY_LABEL.match(line.text):
        return "drop", "key"
    if state == "sources":
        return ("more" if last and last.kind == "source" else "source"), state
    if layout.source_prefix.match(line.text):
        return "source", "sources"
    if state == "title":
        if line.size >= _HEADLINE_SIZE and not line.marker:
            return ("more" if last else "title"), state
        if line.marker is None:
            return "drop", state
        state = "key" if line.marker != HEADING else "body"
    if line.marker == HEADING:
        return "heading", "body"
    if line.marker in (BULLET, SUB):
        return ("key" if state == "key" else line.marker), state
    if _FOOTNOTE.match(line.text) and line.size <= _SMALL_SIZE:
        return "footnote", state
    if _CAPTION_OPEN.match(line.text):
        return "caption", state
    if last is None:
        return "drop", state
    if last.kind == "caption" and ">" not in "".join(x.text for x in last.lines):
        return "more", state
    if line.size <= _SMALL_SIZE:
        return ("more" if _continues_footnote(line, last) else "drop"), state
    if last.kind in ("footnote", "caption"):
        return "resume", state
    return "more", state


def _continues_footnote(line: Line, last: Paragraph) -> bool:
    previous = last.lines[-1]
    return (
        last.kind == "footnote"
        and line.y0 - previous.y1 < _FOOTNOTE_GAP
        and line.x0 >= last.lines[0].x0 - 1
    )


def _resume_body(paragraphs: list[Paragraph], line: Line) -> None:
    """A full-size line after a footnote or caption carries on the body paragraph before
    them: move that paragraph last (footnotes and captions are collected apart, so their
    place among the paragraphs does not matter) and continue it."""
    for index in range(len(paragraphs) - 1, -1, -1):
        if paragraphs[index].kind in ("bullet", "sub", "heading", "key"):
            body = paragraphs.pop(index)
            body.lines.append(line)
            paragraphs.append(body)
            return


def _with_text(line: Line, text: str) -> Line:
    return Line(text, line.x0, line.y0, line.x1, line.y1, line.size, line.bold, line.marker)


def assemble(paragraphs: list[Paragraph]) -> ArticleParts:
    """Build the article's parts from its paragraphs."""
    title = " ".join(p.text() for p in paragraphs if p.kind == "title")
    keys: list[str] = []
    sections: list[tuple[str, list[tuple[str, list[str]]]]] = []
    footnotes: list[str] = []
    captions: list[str] = []
    source_lines: list[Line] = []
    for paragraph in paragraphs:
        kind = paragraph.kind
        text = paragraph.text()
        if kind == "source":
            source_lines.extend(paragraph.lines)
        elif not text:
            continue
        elif kind == "key":
            keys.append(text)
        elif kind == "heading":
            sections.append((text, []))
        elif kind == "bullet":
            _current_section(sections).append((text, []))
        elif kind == "sub":
            _current_bullets(sections)[-1][1].append(text)
        elif kind == "footnote":
            footnotes.append(text)
        elif kind == "caption":
            captions.append(text)
    sources = tuple(
        parse_source(join_wrapped_lines(group)) for group in split_sources(source_lines)
    )
    body = tuple(
        BodySection(heading, tuple(Bullet(text, tuple(subs)) for text, subs in bullets))
        for heading, bullets in sections
    )
    return ArticleParts(title, tuple(keys), body, tuple(footnotes), tuple(captions), sources)


def _current_section(sections: list) -> list:
    if not sections:
        sections.append(("", []))
    return sections[-1][1]


def _current_bullets(sections: list) -> list:
    bullets = _current_section(sections)
    if not bullets:
        bullets.append(("", []))
    return bullets


def build_article(
    parts: ArticleParts, *, issue: str, section: str, page: int, pdf_pages: tuple[int, int]
) -> Article:
    """The `Article` for parts read from its pages and its contents-page entry."""
    return Article(
        id=f"{issue}-{page:02d}",
        issue=issue,
        section=section,
        title=parts.title,
        page=page,
        pdf_pages=pdf_pages,
        key_contents=parts.key_contents,
        body=parts.body,
        footnotes=parts.footnotes,
        sources=parts.sources,
        captions=parts.captions,
    )
