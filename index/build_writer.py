"""The Whoosh writer aibrief writes with: Whoosh's own, minus two costs per posting.

- Whoosh's posting pool keeps (field, term, document, weight, value) tuples in one list and
  sorts it at commit; past its memory limit it sorts and pickles a run to disk, one posting at
  a time, and merges the runs back at commit. At 50,000 synthetic articles per build worker
  the spilling alone cost about 10 µs per posting, and made large builds slower per article
  than small ones. Documents arrive in increasing number, so grouping postings by
  (field, term) as they come leaves only the terms to sort, in memory.
- Whoosh then writes each posting with one call (type assertions, block statistics, and a
  seek and a read in the segment's length column for that document's field length). Here a
  term's postings go to Whoosh's postings writer a block at a time, with each field's lengths
  read once for all documents.

- Whoosh's codec compresses each block of postings with zlib. A term's postings are mostly
  a few dozen bytes, which zlib does not shrink much (the index is about a quarter larger
  without it) and whose compression cost about a fifth of writing a segment; a search then
  decompresses each block it reads. The blocks are written uncompressed (POSTINGS_CODEC);
  each block records whether it is compressed, so segments written either way read alike.

This is the one module that uses Whoosh's private API (`SegmentWriter._flush_segment`,
`_close_segment`, `_finalize_segment`, `_commit_toc`, `_finish`, the `_lk` argument, and the
postings writer's `_blocklimit`, `_write_block` and block fields). It was written against
whoosh-reloaded WHOOSH_VERSION and refuses to load with another: a test compares its segments
byte for byte with Whoosh's own, and that test is what to run before allowing a new version.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

import whoosh
from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import MERGE_SMALL, SegmentWriter

WHOOSH_VERSION = "2.7.5"

if whoosh.versionstring() != WHOOSH_VERSION:
    raise ImportError(
        f"aibrief's index writer was written for whoosh-reloaded {WHOOSH_VERSION}, and"
        f" {whoosh.versionstring()} is installed: install whoosh-reloaded=={WHOOSH_VERSION}"
    )


# Whoosh 3's codec with its defaults, but for the postings' compression (see above).
POSTINGS_CODEC = W3Codec(compression=0)


class BuildWriter(SegmentWriter):
    """A SegmentWriter whose postings are grouped by term and written a block at a time."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **{"codec": POSTINGS_CODEC, **kwargs})
        self.pool = TermPool()

    @classmethod
    def unlocked(cls, ix) -> BuildWriter:
        """A writer of segments for another writer to commit, without the index's write lock
        (that writer holds it)."""
        return cls(ix, _lk=False)

    def finish_segment(self):
        """Write this writer's documents as a segment and return it, uncommitted; an empty
        writer is closed and returns None."""
        if not self.doc_count():
            self._close_segment()
            return None
        return self._finalize_segment()

    def commit_segments(self, segments: list, replacing: Iterable[str] = ()) -> None:
        """Commit segments written by `unlocked` writers, as this writer's one commit, with
        the documents of the `replacing` issues deleted from the segments held before; those
        are kept, small ones merged as Whoosh's own commit does."""
        for issue in replacing:
            self.delete_by_term("issue", issue)
        kept = MERGE_SMALL(self, self.segments)
        if self._added:  # the merge read small segments into this writer
            kept.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc([*kept, *segments])
        self._finish()

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader()
        try:
            self.pool.write(self.fieldwriter, self.schema, _FieldLengths(reader))
        finally:
            reader.close()
        self.fieldwriter.close()


class TermPool:
    """Postings grouped by (field, term), kept in memory; in place of Whoosh's posting pool."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, bytes], list[tuple]] = {}

    def add(self, posting: tuple) -> None:
        """Take a (fieldname, term bytes, docnum, weight, value bytes) posting."""
        fieldname, text, docnum, weight, value = posting
        key = (fieldname, text)
        try:
            self._terms[key].append((docnum, weight, value))
        except KeyError:
            self._terms[key] = [(docnum, weight, value)]

    def postings(self) -> int:
        """How many postings the pool holds."""
        return sum(map(len, self._terms.values()))

    def write(self, fieldwriter, schema, lengths: _FieldLengths) -> None:
        """Write the postings, ordered by field, term and document, emptying the pool.

        Whoosh's field writer takes postings one call at a time (four type assertions and a
        statistics update each); here each block of a term's postings is handed to its
        postings writer whole, with the same statistics, so the segment's bytes are those
        Whoosh would write (a test compares them)."""
        terms = self._terms
        field = None
        for key in sorted(terms):
            fieldname, text = key
            if fieldname != field:
                if field is not None:
                    fieldwriter.finish_field()
                fieldwriter.start_field(fieldname, schema[fieldname])
                field, field_lengths = fieldname, lengths.of(fieldname)
            postings = terms.pop(key)
            postings.sort()  # in order already, unless merged segments came in out of order
            fieldwriter.start_term(text)
            _write_blocks(fieldwriter._postwriter, postings, field_lengths)
            fieldwriter.finish_term()
        if field is not None:
            fieldwriter.finish_field()

    def cleanup(self) -> None:
        self._terms.clear()


def _write_blocks(postwriter, postings: list[tuple], lengths: list[int]) -> None:
    """Fill Whoosh 3's postings writer a block at a time; the last block is left for its
    finish_postings, which writes it (or inlines a lone posting)."""
    size = postwriter._blocklimit
    for start in range(0, len(postings), size):
        if start:
            postwriter._write_block()
        ids, weights, values = zip(*postings[start : start + size], strict=True)
        postwriter._ids = array("I", ids)
        postwriter._weights = array("f", weights)
        postwriter._values = [v for v in values if v]
        postwriter._maxweight = max(0, *weights)
        known = [n for n in map(lengths.__getitem__, ids) if n]
        postwriter._minlength = min(known) if known else None
        postwriter._maxlength = max(known) if known else 0


class _FieldLengths:
    """Each document's length in a field, read from the segment's length column once."""

    def __init__(self, reader) -> None:
        self._reader = reader
        self._known: dict[str, list[int]] = {}

    def of(self, fieldname: str) -> list[int]:
        if fieldname not in self._known:
            reader = self._reader
            self._known[fieldname] = [
                reader.doc_field_length(n, fieldname, 0) for n in range(reader.doc_count_all())
            ]
        return self._known[fieldname]
