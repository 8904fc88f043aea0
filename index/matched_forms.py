"""Which of the forms the thesaurus added the hits of a page hold, and how many hold each.

A query's words may add a hundred forms (딥페이크 규제 adds 97 on the real issues); a reader
needs the few that matched something shown, most frequent first. Each hit's fields are read
for it from the marks its snippet is cut from (index/hits.py), so no article is read twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from index.highlight import FieldPlaces, by_first_term, sequence_spans
from index.query_words import SEQUENCES, query_word

Pair = tuple[str, str]  # (word as typed, form added)


@lru_cache(maxsize=65536)
def form_sequences(form: str) -> tuple[tuple[str, ...], ...]:
    """The term sequences a form added is highlighted by (query_words.SEQUENCES)."""
    analysed = query_word(form)
    if not analysed.parts:
        return ()
    return tuple(dict.fromkeys(marked(analysed) for marked in SEQUENCES))


class FormsFound:
    """The forms `expansions` added (word -> forms), counted over the hits `seen`."""

    def __init__(self, expansions: Mapping[str, Sequence[str]]) -> None:
        self._pairs: dict[tuple[str, ...], list[Pair]] = {}
        self._order: dict[Pair, int] = {}  # ties keep the order the thesaurus added them in
        for word, forms in expansions.items():
            for form in forms:
                self._order.setdefault((word, form), len(self._order))
                for sequence in form_sequences(form):
                    self._pairs.setdefault(sequence, []).append((word, form))
        # first term -> (each sequence it begins, its further terms, its pairs)
        self._filed = {
            first: [(seq, frozenset(seq[1:]), self._pairs[seq]) for seq in seqs]
            for first, seqs in by_first_term(self._pairs).items()
        }
        self._counts: dict[Pair, int] = {}

    def see(self, fields: Iterable[FieldPlaces]) -> None:
        """Count once each form that one hit's fields hold."""
        if not self._filed:
            return
        held: set[Pair] = set()
        for field in fields:
            self._add_held(field, held)
        for pair in held:
            self._counts[pair] = self._counts.get(pair, 0) + 1

    def _add_held(self, field: FieldPlaces, held: set[Pair]) -> None:
        """Add to `held` the forms one field holds: a sequence's terms at consecutive
        positions (highlight.sequence_spans, as the snippet marks them)."""
        terms = field.keys()
        for first in self._filed.keys() & terms:
            for sequence, further, pairs in self._filed[first]:
                # a form's further terms are most often missing from the field: asked of the
                # field's terms at once, before a walk (or a test of what is held already)
                if not terms >= further or held.issuperset(pairs):
                    continue
                if len(sequence) == 1 or next(sequence_spans(field, sequence), None):
                    held.update(pairs)

    def counts(self) -> dict[str, dict[str, int]]:
        """word -> {form: hits holding it}, the forms most held first (ties as the thesaurus
        lists them); a word none of whose forms a hit holds is left out."""
        found: dict[str, dict[str, int]] = {}
        for (word, form), count in sorted(
            self._counts.items(), key=lambda item: (-item[1], self._order[item[0]])
        ):
            found.setdefault(word, {})[form] = count
        return found
