"""The Whoosh writer aibrief writes with: Whoosh's own, minus a read per posting.

When Whoosh writes a segment's postings it asks, for every posting, the length of that field
in that document (for its per-block statistics), and answers each time with a seek and a read
in the segment's length column: about a fifth of the time a commit takes. The lengths are
few (documents x fields), so they are remembered after the first read.
"""

from __future__ import annotations

from whoosh.writing import SegmentWriter


class BuildWriter(SegmentWriter):
    """A SegmentWriter whose postings pass reads each document's field length once."""

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = _RememberedLengths(self.per_document_reader())
        try:
            self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        finally:
            lengths.close()
        self.fieldwriter.close()


class _RememberedLengths:
    """A per-document reader's doc_field_length, each answer read once."""

    def __init__(self, reader) -> None:
        self._reader = reader
        self._known: dict[tuple[int, str], int] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        key = (docnum, fieldname)
        try:
            return self._known[key]
        except KeyError:
            length = self._known[key] = self._reader.doc_field_length(docnum, fieldname, default)
            return length

    def close(self) -> None:
        self._reader.close()
