"""The marks stored with each article: for each marked field, each term's (position, start,
end) places, the whole field packed as one value and unpacked only for the terms a reader asks.

Every hit of a search reads its article's stored fields, and the marks were most of them: a
dict of lists of tuples, an object for each number, rebuilt by pickle for every term of the
article when a snippet needs the few the query holds. Packed by term (schema version 8),
unpickling still built a string and a bytes object for each term, and reading a hit's stored
fields cost 0.22 CPU-ms (0.08 of Whoosh's zlib, 0.14 of unpickling, over 273 articles of the
10,000 of bench.api_latency). Packed by field (version 9) as three values, its terms joined in
one string, the end of each term's places and the places, a 6.5 KB stored value shrinks to
4.4 KB and costs 0.10 CPU-ms, its terms split into a dict when it is read included."""

from __future__ import annotations

import struct
from collections.abc import Iterator, Mapping
from itertools import accumulate, chain

Place = tuple[int, int, int]  # position, start, end (code points)
Packed = tuple[str, bytes, bytes]  # terms joined, each term's end among the places, the places
_PLACE = struct.Struct("<3I")
_END = struct.Struct("<I")
# Between a field's terms: Kiwi splits a text at it, so no term holds it.
SEPARATOR = "\x00"


def packed(places_by_term: dict[str, list[Place]]) -> Packed:
    """A field's term -> places as one value (see PackedMarks)."""
    terms = list(places_by_term)
    if any(SEPARATOR in term for term in terms):
        raise ValueError(f"a term holds the marks' separator {SEPARATOR!r}")
    counts = [len(places_by_term[term]) for term in terms]
    places = list(chain.from_iterable(places_by_term[term] for term in terms))
    return (
        SEPARATOR.join(terms),
        struct.pack(f"<{len(terms)}I", *accumulate(counts)),
        struct.pack(f"<{3 * len(places)}I", *chain.from_iterable(places)),
    )


class PackedMarks(Mapping[str, list[Place]]):
    """One field's stored marks as term -> [(position, start, end)], unpacked on access."""

    def __init__(self, value: Packed | None) -> None:
        joined, ends, places = value or ("", b"", b"")
        self._ends, self._places = ends, places
        count = len(ends) // _END.size
        terms = joined.split(SEPARATOR) if count else ()
        self._index = dict(zip(terms, range(count), strict=True))

    def _span(self, term: str) -> tuple[int, int]:
        """Where the term's places start and end among the field's (in places)."""
        i = self._index[term]
        first = _END.unpack_from(self._ends, (i - 1) * _END.size)[0] if i else 0
        return first, _END.unpack_from(self._ends, i * _END.size)[0]

    def __getitem__(self, term: str) -> list[Place]:
        first, end = self._span(term)
        size = _PLACE.size
        return list(_PLACE.iter_unpack(self._places[first * size : end * size]))

    def occurrences(self, term: str) -> int:
        """How many places the term has."""
        first, end = self._span(term)
        return end - first

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, term: object) -> bool:
        return term in self._index

    def keys(self):  # the dict's own view: match_spans intersects it with a query's terms
        return self._index.keys()


def field_marks(stored: dict, field: str) -> PackedMarks:
    """The marks of one field of a document's stored fields (none when it has no text)."""
    return PackedMarks(stored["marks"].get(field))
