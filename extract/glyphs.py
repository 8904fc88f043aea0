"""Bullet glyphs: which symbol-font characters mark a heading, a bullet or a sub-bullet.

Hancom sets the AI Brief's list markers in symbol fonts: Wingdings "n" prints as ■ (a body
bullet), Wingdings "£" as □ (a sub-heading), and Haansoft Batang "∙" is a sub-bullet. The
characters themselves must never reach an article's text.
"""

from __future__ import annotations

import re

HEADING = "heading"  # □
BULLET = "bullet"  # ■
SUB = "sub"  # ∙

_WINGDINGS = {"n": BULLET, "£": HEADING, "q": BULLET, "o": HEADING}
_PRINTED = {"■": BULLET, "□": HEADING, "∙": SUB, "•": SUB}
# A bare "n " opening a line is a Wingdings bullet whose font name was lost: Korean prose
# never starts a line with the English word "n", and Hancom never wraps inside Latin words.
_BARE_N = re.compile(r"^n\s+(?=\S)")


def span_marker(font: str, text: str) -> str | None:
    """The list marker a span stands for, if it is nothing but a glyph."""
    stripped = text.strip()
    if "wingdings" in font.lower():
        return _WINGDINGS.get(stripped, BULLET if stripped else None)
    return _PRINTED.get(stripped)


def split_leading_marker(text: str) -> tuple[str | None, str]:
    """Split a glyph that was set in an ordinary font off the start of a line's text."""
    stripped = text.lstrip()
    if stripped[:1] in _PRINTED:
        return _PRINTED[stripped[0]], stripped[1:]
    match = _BARE_N.match(stripped)
    if match:
        return BULLET, stripped[match.end() :]
    return None, text
