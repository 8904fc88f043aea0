"""The one place index text becomes markup: snippets whose matched words are in <mark>."""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

MARK_RE = re.compile(r"(</?mark>)")


def safe_snippet(snippet: str) -> Markup:
    """Markup for a snippet: only <mark>/</mark> survive as tags, all other text is escaped.

    The index sends HTML-escaped text with <mark> around matches. Rather than trust that, each
    piece between the tags is unescaped and escaped again, so a stray "<" can never become a tag
    and an entity is not escaped twice. Unbalanced marks are dropped.
    """
    parts: list[str] = []
    open_mark = False
    for piece in MARK_RE.split(snippet or ""):
        if piece == "<mark>" and not open_mark:
            parts.append(piece)
            open_mark = True
        elif piece == "</mark>" and open_mark:
            parts.append(piece)
            open_mark = False
        elif piece not in ("<mark>", "</mark>"):
            parts.append(str(escape(html.unescape(piece))))
    if open_mark:
        parts.append("</mark>")
    return Markup("".join(parts))
