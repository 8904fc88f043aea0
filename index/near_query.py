"""The query of words near one another, apart from its evaluation (phrase_positions.near_found)
so that the query builder, which makes it, loads no numpy: a command that does not search
imports the builder but not the scorer."""

from __future__ import annotations

from whoosh import query as wq


class Near(wq.Phrase):
    """Words within `window` positions of one another, in any order (see near_found); only
    the postings scorer evaluates it."""

    def __init__(self, fieldname: str, words, window: int, boost: float = 1.0) -> None:
        super().__init__(fieldname, words, slop=window, boost=boost)
        self.window = window

    def __eq__(self, other) -> bool:
        return super().__eq__(other) and isinstance(other, Near)

    def __hash__(self) -> int:
        return super().__hash__() ^ 0x4E454152
