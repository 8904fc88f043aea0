"""Rejoining wrapped lines as the author wrote them.

Hancom breaks Korean text inside words. A wrapped line that ends in a space ended at a word
boundary; one that does not was usually broken inside a word and is glued to the next line.
Measured on hand-labelled join points of the real issues (tests/extract/join_labels.tsv,
bench/extract_bench.py), the rule's errors are lines of Latin text: Hancom wraps Latin words
whole, so Latin text on both sides of a break without a trailing space is two words (but a
URL is broken anywhere).

Tried and left out, because measurement said so: treating a line that stops short of its
column's right edge as a word boundary. Real issues are justified (every broken line ends
within ~7 pt of the edge, breaks inside words included), so it never fired there, and on the
unjustified sample issues it turned breaks inside words into spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.page_lines import Line

_LATIN = re.compile(r"[A-Za-z]")
_LATIN_NEXT = re.compile(r"[A-Za-z&]")  # "Creators" + "& Kids": an English title wraps
_URL_PART = re.compile(r"://|www\.|/")  # URLs are broken anywhere, words never


def needs_space(line: Line, following: Line) -> bool:
    """Whether a space separates ``line`` from the ``following`` line it wrapped into."""
    if line.ends_with_space:
        return True
    left = line.text[-1:]
    right = following.text.lstrip()[:1]
    if _LATIN.match(left) and _LATIN_NEXT.match(right):
        last_word = line.text.split()[-1]
        return not _URL_PART.search(last_word)
    return False


def plain_rule_needs_space(line: Line, following: Line) -> bool:
    """The bare trailing-space rule, kept as the baseline the join measurement compares to."""
    return line.ends_with_space


def join_wrapped_lines(lines: Sequence[Line]) -> str:
    """The text of a paragraph printed over ``lines``, with wrapped words rejoined."""
    if not lines:
        return ""
    parts = [lines[0].text.strip()]
    for line, following in zip(lines, lines[1:], strict=False):
        if needs_space(line, following):
            parts.append(" ")
        parts.append(following.text.strip())
    return " ".join("".join(parts).split())
