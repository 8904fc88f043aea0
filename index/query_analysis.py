"""The analysis of a query word or phrase: from memory, else from the index's store of
analyses (analysis_store.py), else from Kiwi, which is then loaded.

Kiwi reads a text the same way every time, so an analysis stored by an earlier process of the
same version (see analysis_store.analysis_version) is exactly the one Kiwi would give now: a
search whose words are all stored answers exactly as one that loads Kiwi, without loading it.
Searches read the store of their index within `reading(store)`, and the words they had to ask
Kiwi about are stored when it ends; `remember` fills the store at each build.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from common.lru_cache import LRUCache
from index.analysis import Term, normalize, terms_from_morphs
from index.analysis_store import (
    BUILD_WAIT,
    AnalysisStore,
    case_forms,
    has_case,
    read_alike_by_type,
)
from index.kiwi_loader import kiwi, tokenize_many


class Analysis(NamedTuple):
    """A text's index terms, and whether Kiwi reads the whole text as one common noun of its
    own dictionary (what tells a compound typed apart, "딥 페이크", from two words)."""

    terms: tuple[Term, ...]
    noun: bool


class _Reading:
    """The store a search reads, and the analyses it had to ask Kiwi for."""

    def __init__(self, store: AnalysisStore | None) -> None:
        self.store = store
        self.missed: dict[str, Analysis] = {}


_reading: ContextVar[_Reading | None] = ContextVar("query_analysis_reading", default=None)
# Analyses held as plain tuples (see _plain), up to this many texts.
REMEMBERED = 65536
_memory: LRUCache[str, tuple] = LRUCache(REMEMBERED)
_quoted = json.encoder.encode_basestring  # a JSON string literal, as json.dumps writes one


def _analysis(text: str, tokens) -> Analysis:
    whole = len(tokens) == 1 and tokens[0].len == len(text)
    noun = whole and tokens[0].tag == "NNG" and not tokens[0].oov
    return Analysis(tuple(terms_from_morphs(text, tokens)), noun)


def kiwi_analysis(text: str) -> Analysis:
    """The analysis of one normalised text, by Kiwi."""
    if not text.strip():
        return Analysis((), False)
    return _analysis(text, kiwi().tokenize(text))


def encode(analysis: Analysis) -> str:
    """The analysis as the store keeps it: JSON [noun, [[text, pos, start, end, kind], ...]],
    the text json.dumps(..., ensure_ascii=False) writes, put together here with json's own
    string encoder (half the CPU: a build encodes the analysis of every indexed term it reads)."""
    terms = ", ".join(
        f"[{_quoted(t[0])}, {t[1]}, {t[2]}, {t[3]}, {_quoted(t[4])}]" for t in analysis.terms
    )
    return f"[{'true' if analysis.noun else 'false'}, [{terms}]]"


def decode(stored: str) -> Analysis:
    """The analysis `encode` stored."""
    noun, terms = json.loads(stored)
    return Analysis(tuple(Term(*t) for t in terms), bool(noun))


def _plain(analysis: Analysis) -> tuple:
    """The analysis as tuples of strings and numbers only, which the garbage collector stops
    tracking (one level of them at each collection that walks them); a NamedTuple it tracks
    for ever, and a long-running server's memory of 65,536 analyses, each a tuple of Terms,
    was then a few hundred thousand objects for each full collection to walk through."""
    return tuple(tuple(t) for t in analysis.terms), analysis.noun


def _from_plain(plain: tuple) -> Analysis:
    terms, noun = plain
    return Analysis(tuple(Term._make(t) for t in terms), noun)


def analysis_of(text: str) -> Analysis:
    """The analysis of a normalised query text (see the module docstring)."""
    found = _without_kiwi(text)
    if found is None:
        found = kiwi_analysis(text)
        reading = _reading.get()
        if reading is not None:
            reading.missed[text] = found
        _memory.put(text, _plain(found))
    return found


def known(text: str) -> bool:
    """Whether the analysis of a normalised text is had without Kiwi: remembered, or in the
    store the search reads (and then remembered, for the analysis that follows)."""
    return _without_kiwi(text) is not None


def _without_kiwi(text: str) -> Analysis | None:
    """The analysis remembered, else the one the store of the search holds (remembered from
    then on); None where only Kiwi can give it."""
    kept = _memory.get(text)
    if kept is not None:
        return _from_plain(kept)
    reading = _reading.get()
    store = reading.store if reading is not None else None
    stored = (store.get(text) or store.get_case_form(text)) if store else None
    if stored is None:
        return None
    found = decode(stored)
    _memory.put(text, _plain(found))
    return found


def terms_of(text: str) -> tuple[Term, ...]:
    """The index terms of a query text (NFKC-normalised here)."""
    return analysis_of(normalize(text)).terms


@contextmanager
def reading(store: AnalysisStore | None) -> Iterator[None]:
    """Within the block, analyses come from `store` before Kiwi; those Kiwi gave are stored
    when the block ends. Nested blocks read the outer one's store."""
    if _reading.get() is not None:
        yield
        return
    current = _Reading(store)
    token = _reading.set(current)
    try:
        yield
    finally:
        _reading.reset(token)
        if current.missed and store is not None:
            store.put({text: encode(a) for text, a in current.missed.items()})


def remember(store: AnalysisStore, texts: Iterable[str]) -> int:
    """Store the analysis of each text the store does not hold yet, and whether Kiwi reads the
    case forms of each stored text with cased letters alike (the proof case-folded lookups
    rest on, see analysis_store), all by Kiwi in one batch; drop the rows of other versions.
    Returns how many texts were added."""
    with _no_collections():
        return _remember(store, texts)


@contextmanager
def _no_collections() -> Iterator[None]:
    """No garbage collection within the block (as it was before, after it). A build's store
    makes a few hundred thousand tuples and strings that live until it ends and form no
    cycles, and the collector's full collections walked them, and everything else the
    process holds, again and again: in the parent of an import of 54 issues (1,062 articles,
    bulk_bench's respelled copies), 7 full collections cost 0.88 CPU s, 0.73 of them while
    it stored the query analyses; with none there, 2 cost 0.11 (load 9 to 11)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_ahead(store: AnalysisStore, texts: Iterable[str]) -> int:
    """Have Kiwi read what `remember(store, texts)` would ask it, held in this process's
    memory only (where `remember` then finds it, exact): a build reads ahead while its
    workers still write (parallel_build), so that Kiwi's work for the store fills cores that
    would idle. Returns how many texts Kiwi read.

    Measured and not kept: the read ahead on one thread, one call a text, where the workers
    hold the cores (`python -m bench.ingest_timeline --copies 9 --import`, in turn, load 3.5
    to 5): the parent's CPU 5.33 and 5.02 s -> 4.94 and 4.89, but at most one of the run's
    threads runnable in 14.9% and 19.8% of the samples -> 19.1% and 25.8%, and the call 19.80
    and 10.49 s -> 17.17 and 10.72: no clear gain."""
    with _no_collections():
        return len(_kiwi_readings(_Asking(store, texts).asked))


class _Asking:
    """What `remember` asks Kiwi about `texts` for a store: the texts it lacks, and the case
    forms of each text with cased letters whose proof neither the store nor the character
    types give (see analysis_store)."""

    def __init__(self, store: AnalysisStore, texts: Iterable[str]) -> None:
        known = store.known()
        normalized = dict.fromkeys(normalize(t) for t in texts)
        self.new = [t for t in normalized if t.strip() and t not in known]
        keys = {t.lower() for t in (*known, *self.new) if has_case(t)} - store.proven()
        self.by_type = {key for key in keys if read_alike_by_type(key)}  # no need to ask Kiwi
        self.forms = {key: case_forms(key) for key in sorted(keys - self.by_type)}
        # a stored text's analysis is read back rather than asked of Kiwi again (as exact)
        stored = store.get_many(sorted(self.forms.keys() & known))
        self.analysed = {text: decode(row) for text, row in stored.items()}
        spellings = (f for s in self.forms.values() for f in s if f not in self.analysed)
        lower_rows = sorted(self.by_type - known)  # the rows a case-folded lookup reads
        self.asked = list(dict.fromkeys([*self.new, *spellings, *lower_rows]))
        self.known = known


def _remember(store: AnalysisStore, texts: Iterable[str]) -> int:
    asking = _Asking(store, texts)
    new, forms, by_type, known = asking.new, asking.forms, asking.by_type, asking.known
    analysed = asking.analysed
    analysed.update(_kiwi_readings(asking.asked))
    alike = {key: len({analysed[f] for f in spellings}) == 1 for key, spellings in forms.items()}
    alike.update(dict.fromkeys(by_type, True))
    # with the lower-case text's own row, which a case-folded lookup reads
    rows = [*new, *(key for key, same in alike.items() if same and key not in known)]
    store.put(
        {text: encode(analysed[text]) for text in rows}, wait=BUILD_WAIT, tidy=True, alike=alike
    )
    return len(new)


def _kiwi_readings(texts: list[str]) -> dict[str, Analysis]:
    """Kiwi's analysis of each text, those this process holds in memory read from there: Kiwi
    reads a text alike every time, so a process that fills several stores (a test run, a
    benchmark building several archives) asks it about the thesaurus's forms and the texts
    they share once. Nothing left to ask (an ingest whose files were all held, say): Kiwi is
    not loaded for nothing.

    Measured and not kept (`python -m bench.joined_readings --copies 1` and `--copies 2`,
    the 11,319 and 18,485 texts a store of the real issues and of 12 respelled ones asks,
    CPU s on one thread, load 8): one batch is no cheaper than one call a text (0.92 against
    0.69, 1.14 against 0.99), and the cost is Kiwi's reading, not the call: at 12 issues a
    text of ASCII letters costs 13 µs, one of Hangul 72. Joined 1,000 texts a call by a
    separator ("\n", "\n\n", "\t", U+2029, NUL, " | ", ".\n") they cost 0.47 to 0.67 and
    0.84 to 1.15, but Kiwi reads across the separator: 1,127 to 3,645 and 5,292 to 6,229
    texts came out otherwise ("0조" as SN NR, not SN NNB), so no joined call is exact. Nor
    are the readings made in the build workers: each would read the terms of its own issues,
    and terms in both halves are read twice (3,470 of 18,902 at 12 issues, 10,834 of 67,346
    at 54), while here Kiwi already reads them on both cores."""
    readings = {}
    for text in texts:
        kept = _memory.get(text)
        if kept is not None:
            readings[text] = _from_plain(kept)
    asked = [text for text in texts if text not in readings]
    for text, tokens in zip(asked, tokenize_many(asked) if asked else (), strict=True):
        readings[text] = _analysis(text, tokens)
        _memory.put(text, _plain(readings[text]))
    return readings


def forget() -> None:
    """Drop the analyses held in memory (for tests and benchmarks comparing their sources)."""
    global _memory
    _memory = LRUCache(REMEMBERED)
