"""A term's postings, every docnum with its weight, read a block at a time.

Whoosh's matcher hands them out one posting per call (is_active, id, weight, next, each
through a wrapper per segment): about 1.8 CPU µs a posting, which at 100,000 articles made a
common word's first read cost more than a whole search (AI: 80,000 postings). Whoosh 3's
leaf matcher decodes a block of up to 128 postings at once; here each block's decoded ids and
weights are taken whole (build_writer.decoded_blocks, with the rest of Whoosh's private API),
so the per-posting cost is numpy's. A matcher of any other kind is read one posting at a time,
as before; a test compares both reads over every term of an index.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh.matching.wrappers import FilterMatcher

from index.build_writer import decoded_blocks
from index.score_arrays import DOCNUMS, NOTHING, Found

EMPTY = (np.empty(0, DOCNUMS), np.empty(0, np.float64))


@dataclass(frozen=True)
class TermPostings:
    """A term's postings among the live articles: its BM25F scores, and the weights the
    index keeps that they are computed from (the same docnums)."""

    scored: Found
    weighed: Found

    def __len__(self) -> int:
        return len(self.scored)


UNHELD = TermPostings(NOTHING, NOTHING)


def term_postings(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(docnums ascending, weights as float64) of the term over every segment, deleted
    articles included (the caller keeps the live ones)."""
    ids, weights = [], []
    for leaf, base in reader.leaf_readers():
        if (field, text) not in leaf:
            continue
        matcher = leaf.postings(field, text)
        if isinstance(matcher, FilterMatcher):  # deleted articles: left for the caller
            matcher = matcher.child
        leaf_ids, leaf_weights = _read(matcher)
        ids.append(leaf_ids + base)
        weights.append(leaf_weights)
    if not ids:
        return EMPTY
    if len(ids) == 1:
        return ids[0], weights[0]
    return np.concatenate(ids), np.concatenate(weights)


def _read(matcher) -> tuple[np.ndarray, np.ndarray]:
    blocks = decoded_blocks(matcher)
    if blocks is None:
        return one_at_a_time(matcher)
    ids, weights = [], []
    for block_ids, block_weights in blocks:
        ids.append(np.asarray(block_ids, DOCNUMS))
        weights.append(np.asarray(block_weights, np.float64))
    if not ids:
        return EMPTY
    return np.concatenate(ids), np.concatenate(weights)


def one_at_a_time(matcher) -> tuple[np.ndarray, np.ndarray]:
    """The postings through Whoosh's public matcher calls, one posting per call."""
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.array(ids, DOCNUMS), np.array(weights, np.float64)
