"""A snippet's marks and the forms a hit holds find a term sequence at consecutive positions
by one function (highlight.sequence_spans), as each found it by its own loops before."""

from __future__ import annotations

import random

import pytest

from index.highlight import FieldPlaces, by_first_term, match_spans, merge_spans, sequence_spans
from index.stored_marks import PackedMarks, packed

TERMS = ("ai", "안전", "연구소", "법", "딥페이크")


def spans_as_before(vector, sequences) -> list[tuple[int, int]]:
    """match_spans as it was: each further term's places made a dict anew for each sequence."""
    filed = by_first_term(sequences)
    spans = []
    for term in filed.keys() & vector.keys():
        first = vector[term]
        for sequence in filed[term]:
            rest = [{pos: end for pos, _, end in vector.get(t, ())} for t in sequence[1:]]
            for pos, start, end in first:
                last_end = end
                for offset, ends in enumerate(rest, 1):
                    last_end = ends.get(pos + offset)
                    if last_end is None:
                        break
                if last_end is not None:
                    spans.append((start, max(end, last_end)))
    return merge_spans(spans)


def held_as_before(vector, sequence) -> bool:
    """matched_forms' test as it was: positions as sets, every term present first."""
    if not vector.keys() >= set(sequence):
        return False
    at = {t: {place[0] for place in vector[t]} for t in sequence}
    rest = tuple(enumerate(sequence[1:], 1))
    return not rest or any(all(p + i in at[t] for i, t in rest) for p in at[sequence[0]])


def random_vector(draw: random.Random) -> dict[str, list[tuple[int, int, int]]]:
    """Terms at positions 0..11, one a position, each spanning two characters (repeated
    terms and gaps included)."""
    vector: dict[str, list[tuple[int, int, int]]] = {}
    for pos in range(12):
        if draw.random() < 0.8:
            vector.setdefault(draw.choice(TERMS), []).append((pos, 3 * pos, 3 * pos + 2))
    return vector


@pytest.mark.parametrize("seed", range(40))
def test_sequences_are_found_where_the_loops_before_found_them(seed):
    draw = random.Random(seed)
    vector = random_vector(draw)
    sequences = [tuple(draw.choices(TERMS, k=draw.randint(1, 3))) for _ in range(8)]
    marks = PackedMarks(packed(vector))
    assert match_spans(vector, sequences) == spans_as_before(vector, sequences)
    assert match_spans(FieldPlaces(marks), by_first_term(sequences)) == spans_as_before(
        vector, sequences
    )
    for sequence in sequences:
        found = next(sequence_spans(FieldPlaces(marks), sequence), None) is not None
        assert found == held_as_before(vector, sequence) or len(sequence) == 1


def test_a_field_s_terms_are_unpacked_once_for_every_look():
    asked: list[str] = []

    class Counted(dict):
        def get(self, term, default=None):
            asked.append(term)
            return super().get(term, default)

    field = FieldPlaces(Counted({"ai": [(0, 0, 2)], "안전": [(1, 3, 5)], "법": [(2, 6, 7)]}))
    assert match_spans(field, [("ai", "안전"), ("안전", "법"), ("ai",)]) == [(0, 7)]
    assert list(sequence_spans(field, ("ai", "안전", "법"))) == [(0, 7)]
    assert sorted(asked) == ["ai", "법", "안전"]


def windows_as_before(spans, reach) -> list[int]:
    """best_window's count as it was: every span against every other."""
    return [sum(1 for s, e in spans if anchor <= s and e <= anchor + reach) for anchor, _ in spans]


@pytest.mark.parametrize("seed", range(40))
def test_the_marks_a_window_holds_are_counted_as_one_by_one(seed):
    from index.highlight import _marks_within

    draw = random.Random(seed)
    raw = [(s, s + draw.randint(0, 30)) for s in draw.sample(range(2_000), draw.randint(1, 60))]
    for spans in (merge_spans(raw), raw):  # merged, by bisection; as they come, one by one
        for reach in (0, 5, 120):
            assert _marks_within(spans, reach) == windows_as_before(spans, reach)
