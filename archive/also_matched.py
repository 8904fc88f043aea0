"""What a search says it also matched: the few forms the thesaurus added that the hits shown
hold, most held first, and how many more were looked for (the CLI's lines and the page's
notice both read it; `--json` and /api/search carry every form in `expansions`).

딥페이크 규제 adds 87 forms on the real issues; listed whole they filled two terminal lines
and a phone's first screen before the first hit, while the hits held 13 of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SHOWN = 8  # forms named at most; the rest are counted


@dataclass(frozen=True)
class AlsoMatched:
    """The forms named, by the word typed that added them (in the query's order), each with
    the number of hits shown that hold it; `more` the forms added and not named."""

    found: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]
    more: int

    @property
    def named(self) -> int:
        """How many forms are named."""
        return sum(len(forms) for _, forms in self.found)


def also_matched(result: Any, most: int = SHOWN) -> AlsoMatched | None:
    """The forms of `result.expansions_found` most held, at most `most` of them; None when
    the thesaurus added nothing."""
    added = {(word, form) for word, forms in result.expansions.items() for form in forms}
    if not added:
        return None
    held = [
        (count, place, word, form)
        for place, (word, forms) in enumerate(result.expansions_found.items())
        for form, count in forms.items()
        if (word, form) in added
    ]
    named = sorted(held, key=lambda entry: (-entry[0], entry[1]))[:most]
    words = {word for _, _, word, _ in named}
    found = tuple(
        (word, tuple((form, count) for count, _, w, form in named if w == word))
        for word in result.expansions
        if word in words
    )
    return AlsoMatched(found, len(added) - len(named))
