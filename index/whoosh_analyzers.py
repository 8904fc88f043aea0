"""The Whoosh side of the analysis: analyzers and a postings format over `index.analysis`.

They are module-level and stateless because Whoosh pickles the schema, with them, into the
index; moving or renaming them needs a SCHEMA_VERSION bump.
"""

from __future__ import annotations

from whoosh.analysis import Analyzer, Token
from whoosh.formats import Positions

from index.analysis import analyze, weighted_terms


class WeightedAnalyzer(Analyzer):
    """Analyses "title␞key␞body␞sources" into one field, each term weighted by its part.

    Summing weighted term frequencies across parts before BM25 saturates them is what BM25F
    does; doing it in one field lets a word be one posting list instead of one per field,
    which keeps searching fast as the archive grows.
    """

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value, positions=False, chars=False, start_pos=0, mode="", **kwargs):
        token = Token(positions, chars, mode=mode, **kwargs)
        for text, pos, weight, term in weighted_terms(value):
            token.text, token.boost, token.stopped = text, weight, False
            token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = term.start, term.end
            yield token


class WeightedPositions(Positions):
    """Whoosh's Positions format for the weighted field, fed by weighted_terms directly.

    Stored exactly as Positions stores them; it only skips building a Token per term, which
    was a fifth of the time spent adding a document."""

    def word_values(self, value, analyzer, **kwargs):
        positions: dict[str, list[int]] = {}
        weights: dict[str, float] = {}
        for text, pos, weight, _ in weighted_terms(value):
            if text in positions:
                positions[text].append(pos)
                weights[text] += weight
            else:
                positions[text] = [pos]
                weights[text] = weight
        boost, encode, alone = self.field_boost, self.encode, _ALONE
        for text, places in positions.items():
            if len(places) == 1:  # most terms of an article: one place, its value made once
                value = alone.get(places[0])
                if value is None:
                    value = alone[places[0]] = encode(places)
                yield text, 1, weights[text] * boost, value
            else:
                yield text, len(places), weights[text] * boost, encode(places)


# A position -> Positions' encoding of it alone, made by Positions.encode, kept for every
# document a process writes: positions are few (an article's run to a few thousand).
_ALONE: dict[int, bytes] = {}


class KiwiAnalyzer(Analyzer):
    """Whoosh analyzer over `analyze`; module-level and stateless so the schema pickles."""

    def __eq__(self, other) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for term in analyze(value):
            token.text = term.text
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[term.start : term.end]
            if positions:
                token.pos = start_pos + term.pos
            if chars:
                token.startchar = start_char + term.start
                token.endchar = start_char + term.end
            yield token
