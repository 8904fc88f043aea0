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

- Most terms of a segment have one block of postings (three quarters of the real issues' have
  one posting), and Whoosh spends more on each term (a TermInfo, a block object, its statistics,
  four writes and as many `tell`s) than on its postings: a term whose postings fit one block
  is written here in one piece, the same bytes (`_write_one_block`): writing the real
  issues' segment took 0.41 CPU s instead of 0.57.

- Whoosh's codec compresses each block of postings with zlib. A term's postings are mostly
  a few dozen bytes, which zlib does not shrink much (the index is about a quarter larger
  without it) and whose compression cost about a fifth of writing a segment; a search then
  decompresses each block it reads. The blocks are written uncompressed (POSTINGS_CODEC);
  each block records whether it is compressed, so segments written either way read alike.

Measured and not kept: a document's postings put into the pool a field at a time, past
Whoosh's `FieldType.index` generator and the pool's one call a posting (a copy of Whoosh's
`add_document` here): Whoosh taking the documents of 54 respelled issues, the collector
paused as in a build worker, 1.19 and 1.22 -> 1.09 and 1.14 CPU s (load 5 to 8), under a
hundredth of Kiwi's work over them, for a second copy of Whoosh's code to keep in step.

The same private layouts are read back a block at a time for search (`decoded_blocks`, used by
postings_reader): Whoosh's matcher hands postings out one per call, about 1.8 CPU µs each.

This is the one module that uses Whoosh's private API (`SegmentWriter._flush_segment`,
`_close_segment`, `_finalize_segment`, `_commit_toc`, `_finish`, the `_lk` argument, the
postings writer's `_blocklimit`, `_write_block` and block fields, the field writer's
`_postwriter`, `_fieldid` and `_tindex`, the terms file's hash writer, and the W3 block and
term info layouts, and the W3 leaf matcher's `_read_ids`, `_read_weights`, `_ids`, `_weights`
and `_next_block`). It was written against whoosh-reloaded WHOOSH_VERSION and refuses to load
with another: a test compares its segments byte for byte with Whoosh's own, and that test is
what to run before allowing a new version.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator

import whoosh
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3TermInfo
from whoosh.compat import dumps
from whoosh.filedb.filetables import _lengths as _KEY_VALUE_LENGTHS
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.util.numlists import delta_encode
from whoosh.writing import MERGE_SMALL, SegmentWriter

WHOOSH_VERSION = "2.7.5"

if whoosh.versionstring() != WHOOSH_VERSION:
    raise ImportError(
        f"aibrief's index writer was written for whoosh-reloaded {WHOOSH_VERSION}, and"
        f" {whoosh.versionstring()} is installed: install whoosh-reloaded=={WHOOSH_VERSION}"
    )


_TERM_INFO = W3TermInfo._struct  # flags, weight, df, min and max length bytes, max weight, ids

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

    def held_segments(self) -> bool:
        """Whether the index held segments when opened (`commit_segments` keeps or merges them)."""
        return bool(self.segments)

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

    def doc_counts(self, fieldname: str) -> list[tuple[bytes, int]]:
        """Each term of the field, in the segment's order, and how many documents hold it
        (its postings, one a document): the document frequency the segment records."""
        return sorted((t, len(p)) for (f, t), p in self._terms.items() if f == fieldname)

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
                postwriter = fieldwriter._postwriter
                # What Whoosh would do with a term of one block (see _write_one_block).
                one_block = postwriter._blocklimit
                if postwriter._compression or postwriter._inlinelimit > 1:
                    one_block = 0
                fixed_size = schema[fieldname].format.fixed_value_size()
            postings = terms.pop(key)
            postings.sort()  # in order already, unless merged segments came in out of order
            if len(postings) <= one_block:
                _write_one_block(fieldwriter, text, postings, field_lengths, fixed_size)
                continue
            fieldwriter.start_term(text)
            _write_blocks(postwriter, postings, field_lengths)
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
        postwriter._minlength, postwriter._maxlength = _length_range(lengths, ids)


def _length_range(lengths: list[int], docnums) -> tuple[int | None, int]:
    """The least and greatest length of a block's documents in the field, as Whoosh keeps
    them: a document without the field (length 0) left out, None and 0 when none has it."""
    known = [n for n in map(lengths.__getitem__, docnums) if n]
    return (min(known), max(known)) if known else (None, 0)


def _write_one_block(
    fieldwriter, text: bytes, postings: list[tuple], lengths: list[int], fixed_size: int | None
) -> None:
    """Write a term whose postings fit one uncompressed block, never inlined: the bytes of
    Whoosh 3's `start_term`, `_write_block(last=True)`, `finish_postings` and `finish_term`
    (and of its `_mini_ids`, `_mini_weights` and `_mini_values`), in one write."""
    if len(postings) == 1:  # most terms: one posting, so one weight and one length
        ((docnum, weight, value),) = postings
        stored = array("f", (weight,))  # the block's weights, as Whoosh keeps and writes them
        total = stored[0]
        mini_ids, mini_weights = (docnum,), (None if total == 1.0 else total)
        ids, present = (docnum, docnum), ((value,) if value else ())
        maxweight = max(0, weight)
        length = lengths[docnum]
        minlength, maxlength = (length, length) if length else (None, 0)
    else:
        docnums, weights, values = zip(*postings, strict=True)
        stored = array("f", weights)
        total = sum(stored)
        mini_ids, ids = tuple(delta_encode(docnums)), (docnums[0], docnums[-1])
        if all(w == 1.0 for w in stored):
            mini_weights = None
        elif all(w == stored[0] for w in stored):
            mini_weights = stored[0]
        else:
            mini_weights = tuple(stored)
        present = [v for v in values if v]
        maxweight = max(0, *weights)
        minlength, maxlength = _length_range(lengths, docnums)
    if fixed_size is None or fixed_size < 0:
        mini_values = tuple(present)
    elif fixed_size == 0:
        mini_values = None
    else:
        mini_values = b"".join(present)
    data = dumps((mini_ids, mini_weights, mini_values), 2)
    minbyte, maxbyte = length_to_byte(minlength), length_to_byte(maxlength)
    info = dumps((len(postings), ids[1], maxweight, 0, minbyte, maxbyte), 2)
    block = WHOOSH3_HEADER_MAGIC + pack_int(-(len(info) + len(data))) + info + data
    postfile = fieldwriter._postwriter._postfile
    offset = postfile.tell()
    postfile.write(block)
    terminfo = _TERM_INFO.pack(False, total, len(postings), minbyte, maxbyte, maxweight, *ids)
    terminfo += pack_long(offset) + pack_int(len(block))
    _add_term_info(fieldwriter._tindex, pack_ushort(fieldwriter._fieldid) + text, terminfo)


def _add_term_info(tindex, key: bytes, value: bytes) -> None:
    """Whoosh's OrderedHashWriter.add (with HashWriter.add) in one write: the same bytes, key
    positions and hash buckets."""
    if key <= tindex.lastkey:
        raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{key!r}")
    dbfile = tindex.dbfile
    position = dbfile.tell()
    tindex.index.append(position)
    dbfile.write(_KEY_VALUE_LENGTHS.pack(len(key), len(value)) + key + value)
    hashed = tindex.hashfn(key)
    tindex.buckets[hashed & 255].append((hashed, position))
    tindex.lastkey = key


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


def decoded_blocks(matcher) -> Iterator[tuple[Iterable[int], Iterable[float]]] | None:
    """The ids and weights of each block of a term's postings in one segment, as Whoosh 3's
    leaf matcher decodes them (the weights are the float32 values the block stores, those
    `matcher.weight()` gives); None for a matcher of another kind (a term inlined in the terms
    file, another codec), which is read through the public calls."""
    if type(matcher) is not W3LeafMatcher:
        return None
    return _blocks(matcher)


def _blocks(matcher: W3LeafMatcher) -> Iterator[tuple[Iterable[int], Iterable[float]]]:
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        yield matcher._ids, matcher._weights
        matcher._next_block()
