"""The marks stored with each article: for each marked field, each term's (position, start,
end) places, packed as bytes per term and unpacked only for the terms a reader asks for.

Every hit of a search reads its article's stored fields, and the marks were most of them: a
dict of lists of tuples, an object for each number, rebuilt by pickle for every term of the
article when a snippet needs the few the query holds. Packed, unpickling builds one bytes
object per term (schema.SCHEMA_VERSION 8)."""

from __future__ import annotations

import struct
from collections.abc import Iterator, Mapping
from itertools import chain

Place = tuple[int, int, int]  # position, start, end (code points)
_PLACE = struct.Struct("<3I")


def packed(places_by_term: dict[str, list[Place]]) -> dict[str, bytes]:
    """term -> its places, packed (see PackedMarks)."""
    return {
        term: struct.pack(f"<{3 * len(places)}I", *chain.from_iterable(places))
        for term, places in places_by_term.items()
    }


def occurrences(packed_places: bytes) -> int:
    """How many places a term's packed places hold."""
    return len(packed_places) // _PLACE.size


class PackedMarks(Mapping[str, list[Place]]):
    """One field's stored marks as term -> [(position, start, end)], unpacked on access."""

    def __init__(self, packed_terms: dict[str, bytes]) -> None:
        self._packed = packed_terms

    def __getitem__(self, term: str) -> list[Place]:
        return list(_PLACE.iter_unpack(self._packed[term]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def keys(self):  # the dict's own view: match_spans intersects it with a query's terms
        return self._packed.keys()


def field_marks(stored: dict, field: str) -> PackedMarks:
    """The marks of one field of a document's stored fields (none when it has no text)."""
    return PackedMarks(stored["marks"].get(field, {}))
