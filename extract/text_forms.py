"""Character-level clean-up: Unicode NFKC, with the few characters whose folding loses meaning."""

from __future__ import annotations

import re
import unicodedata

# NFKC would turn ① into "1" and ² into "2" (so 10² would read 102); keep the enclosed
# numbers as printed and write superscript digits as "^n".
_KEEP = re.compile(r"[\u2460-\u24ff\u2776-\u2793\u3200-\u32ff]")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def normalize_text(text: str) -> str:
    """NFKC-fold compatibility characters (⼤ -> 大, ･ -> ・), keeping circled numbers and
    writing superscript digits as ``^n``."""
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^" + m.group().translate(_SUPERSCRIPTS), text)
    if not _KEEP.search(text):
        return unicodedata.normalize("NFKC", text)
    parts = []
    last = 0
    for match in _KEEP.finditer(text):
        parts.append(unicodedata.normalize("NFKC", text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(parts)


def squeeze_spaces(text: str) -> str:
    """Collapse runs of whitespace into one space and strip the ends."""
    return " ".join(text.split())
