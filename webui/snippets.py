"""The one place a hit's snippet becomes markup: its text escaped, its matches in <mark>."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from archive.contract import snippet_pieces


def marked_snippet(snippet: str, marks: Iterable[Sequence[int]]) -> Markup:
    """Markup for a plain-text snippet: every piece escaped, each marked one in <mark>."""
    return Markup("").join(
        Markup("<mark>{}</mark>").format(text) if marked else escape(text)
        for text, marked in snippet_pieces(snippet, marks)
    )
