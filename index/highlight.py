"""Snippets and matched terms from the offsets stored at index time (Kiwi is not re-run).

Measured and not kept: each field's spans of a sequence of several terms walked once and kept
for both the forms a hit holds and its snippet's marks (with PackedMarks answering `get`
itself), over the graded queries at 10,000 articles, old and new alternately in one process,
each query's fastest of three warm runs summed: 1,043.7 -> 1,044.1 CPU-ms (load 4.7)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, KeysView, Mapping

# term -> [(position, start, end), ...], as read back from a Whoosh term vector
Vector = dict[str, list[tuple[int, int, int]]]

SNIPPET_WIDTH = 160
_LEAD = 40  # characters shown before the first mark of the chosen window


def by_first_term(sequences: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """The sequences filed by their first term, for match_spans to look up only those whose
    first term a text holds (a query's forms run to hundreds; a text holds few of them)."""
    filed: dict[str, list[tuple[str, ...]]] = {}
    for sequence in sequences:
        filed.setdefault(sequence[0], []).append(sequence)
    return filed


class FieldPlaces:
    """One field's marks (term -> [(position, start, end)]: a Vector, or the stored marks
    unpacked by term), each term's places unpacked once, when first asked: a hit's snippet
    and the forms it holds (matched_forms) look up the same terms."""

    def __init__(self, marks: Mapping[str, list[tuple[int, int, int]]]) -> None:
        self.marks = marks
        self._places: dict[str, list[tuple[int, int, int]]] = {}
        self._ends: dict[str, dict[int, int]] = {}

    def keys(self) -> KeysView[str]:
        return self.marks.keys()

    def places(self, term: str) -> list[tuple[int, int, int]]:
        found = self._places.get(term)
        if found is None:
            found = self._places[term] = self.marks.get(term) or []
        return found

    def ends(self, term: str) -> dict[int, int]:
        """position -> end of the term's places there."""
        found = self._ends.get(term)
        if found is None:
            found = self._ends[term] = {pos: end for pos, _, end in self.places(term)}
        return found


def sequence_spans(field: FieldPlaces, sequence: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of each place where the sequence's terms stand at consecutive positions.
    Most sequences a field is asked about lack a further term (a form's first word is the
    query's own, "ai"), and are told so without a generator made and started for them."""
    marks = field.marks
    for term in sequence[1:]:
        if term not in marks:
            return iter(())
    return _walked(field, sequence)


def _walked(field: FieldPlaces, sequence: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    ends = [field.ends(term) for term in sequence[1:]]
    for pos, start, end in field.places(sequence[0]):
        last_end = end
        for offset, at in enumerate(ends, 1):
            last_end = at.get(pos + offset)
            if last_end is None:
                break
        if last_end is not None:
            yield start, max(end, last_end)


def match_spans(
    marks: Mapping[str, list[tuple[int, int, int]]] | FieldPlaces,
    sequences: Iterable[tuple[str, ...]] | dict[str, list[tuple[str, ...]]],
) -> list[tuple[int, int]]:
    """Character spans where a sequence of terms occurs at consecutive positions, merged;
    `sequences` as they are or filed by_first_term."""
    field = marks if isinstance(marks, FieldPlaces) else FieldPlaces(marks)
    filed = sequences if isinstance(sequences, dict) else by_first_term(sequences)
    spans = []
    for term in filed.keys() & field.keys():
        for sequence in filed[term]:
            if len(sequence) == 1:  # most of a query's forms: each place is a span
                spans.extend((start, end) for _, start, end in field.places(term))
            else:
                spans.extend(sequence_spans(field, sequence))
    return merge_spans(spans)


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, with overlapping or touching spans joined."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def best_window(text: str, spans: list[tuple[int, int]], width: int) -> tuple[int, int]:
    """The window of about `width` characters holding the most marks, cut at spaces."""
    if not spans:
        return 0, min(len(text), width)
    best_start, best_count = spans[0][0], 0
    for (anchor, _), count in zip(spans, _marks_within(spans, width - _LEAD), strict=True):
        if count > best_count:
            best_start, best_count = anchor, count
    start = max(0, best_start - _LEAD)
    space = text.rfind(" ", 0, start + 1)
    if start > 0 and space != -1 and start - space < 15:
        start = space + 1
    end = min(len(text), start + width)
    last_mark_end = max((e for s, e in spans if s < end), default=end)
    end = max(end, min(len(text), last_mark_end))
    return start, end


def _marks_within(spans: list[tuple[int, int]], reach: int) -> list[int]:
    """For each span, how many spans start at or after its start and end within `reach` of
    it. Merged spans (merge_spans: apart and in order, so their ends ascend too) are counted
    by bisection, any others one by one."""
    if all(one[1] < two[0] for one, two in zip(spans, spans[1:], strict=False)):
        ends = [end for _, end in spans]
        return [max(0, bisect_right(ends, s + reach) - i) for i, (s, _) in enumerate(spans)]
    return [sum(1 for s, e in spans if anchor <= s and e <= anchor + reach) for anchor, _ in spans]


def cut_snippet(
    text: str, spans: list[tuple[int, int]], width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around its matches, as plain text and the (start, end) spans of the
    matches within it (code-point offsets); each edge renders the marks as it must."""
    start, end = best_window(text, spans, width)
    lead = "…" if start > 0 else ""
    shift = len(lead) - start
    marks = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end
    )
    snippet = lead + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")
    return snippet, marks
