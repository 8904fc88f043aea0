"""Rejoining wrapped lines as the author wrote them.

Hancom breaks Korean text inside words. A wrapped line that ends in a space ended at a word
boundary; one that does not was usually broken inside a word and is glued to the next line.
The exceptions this module knows (each measured against hand-labelled join points, see
bench/extract_bench.py and tests/extract/test_line_joins.py):

- a line that stops well short of its column's right edge was not forced to wrap, so it
  ended at a word boundary even without a trailing space;
- a line ending in a closing bracket, quote or punctuation mark followed by text, or a
  line followed by an opening bracket, meets the next one at a word boundary.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.page_lines import Line

# A line ending this many points short of the column's right edge was not forced to wrap.
SHORT_OF_EDGE = 14.0
_CLOSERS = set(",;:)]}’”」』>%")
_OPENERS = set("([{‘“「『<△▲①②③④⑤⑥⑦⑧⑨⑩")


def needs_space(line: Line, following: Line, right_edge: float | None) -> bool:
    """Whether a space separates ``line`` from the ``following`` line it wrapped into."""
    if line.ends_with_space:
        return True
    left = line.text[-1:]
    right = following.text.lstrip()[:1]
    if not left or not right:
        return False
    if right_edge is not None and line.x1 < right_edge - SHORT_OF_EDGE:
        return True
    return left in _CLOSERS or right in _OPENERS


def plain_rule_needs_space(line: Line, following: Line) -> bool:
    """The bare trailing-space rule, kept as the baseline the join measurement compares to."""
    return line.ends_with_space


def join_wrapped_lines(lines: Sequence[Line], right_edge: float | None = None) -> str:
    """The text of a paragraph printed over ``lines``, with wrapped words rejoined."""
    if not lines:
        return ""
    parts = [lines[0].text.strip()]
    for line, following in zip(lines, lines[1:], strict=False):
        if needs_space(line, following, right_edge):
            parts.append(" ")
        parts.append(following.text.strip())
    return " ".join("".join(parts).split())
