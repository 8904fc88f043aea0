"""The process's one Kiwi (kiwipiepy), loaded lazily with the domain dictionary.

Loading costs 1.2 to 1.7 CPU s, the constructor (its files) and the first analysis (its
model built) about half each, once a process: a bulk run loads it once, in the parent,
before its workers fork (bench.bulk_bench counts the models built: one, in one process, for
an import and for an ingest of 12 issues). The typo and multi-word dictionaries are left
out; kiwipiepy_model 0.24 holds one model, CoNg, which model_type "none" (the fastest
installed) picks, so no smaller one is to be had. The constructor holds the GIL throughout
(a thread loading Kiwi let the main thread run 1,193 turns of a loop it ran 162,660 times
alone in the same time), so a load cannot overlap Python work in another thread; an ingest
loads it while its extraction processes read the PDFs (archive/ingest.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from index.dictionary import domain_dictionary

_kiwi_lock = threading.Lock()
_kiwi = None
_kiwi_threads = 2  # batch tokenizing uses both cores; a build worker uses one (see below)
_one_text_per_call = False  # in a forked worker (see share_parent_kiwi)


def kiwi():
    """The process's one Kiwi, with the domain dictionary, loaded on first use and ready to
    analyse (its model built)."""
    global _kiwi
    if _kiwi is None:
        with _kiwi_lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                # The typo and multi-word dictionaries cost load time and memory and do not
                # help on edited text.
                instance = Kiwi(
                    num_workers=_kiwi_threads, load_typo_dict=False, load_multi_dict=False
                )
                for word in domain_dictionary().words:
                    instance.add_user_word(word.word, word.tag)
                # Kiwi builds its model on the first analysis (0.6-0.7 CPU s, as long as the
                # constructor): done here, a forked worker shares it instead of each building
                # its own, and every process that loads Kiwi analyses something next anyway.
                instance.tokenize("가")
                _kiwi = instance
    return _kiwi


def share_parent_kiwi() -> None:
    """In a forked worker process: go on with the parent's Kiwi, whose model the fork shares
    copy-on-write (nothing to load, no memory of its own), one text per call, as its batch
    calls would wait on the parent's threads, which did not survive the fork. With no Kiwi
    in the parent, the worker loads a single-threaded one on first use."""
    global _kiwi_lock, _kiwi_threads, _one_text_per_call
    _kiwi_lock, _kiwi_threads, _one_text_per_call = threading.Lock(), 1, True


def use_one_thread(reload: bool = False) -> None:
    """Kiwi on one thread, as a build worker runs it, for a bench that times its calls on the
    CPU clock: the Kiwi loaded next is, and with `reload` the one already loaded is dropped
    for it."""
    global _kiwi, _kiwi_threads
    _kiwi_threads = 1
    if reload:
        _kiwi = None


def tokenize_many(texts: list[str]) -> Iterable:
    """Kiwi's tokens of each text, in order: as one batch on Kiwi's threads (an iterator the
    caller reads while Kiwi works on), or, in a worker sharing its parent's Kiwi, one call per
    text (as fast on one core)."""
    if _one_text_per_call:
        return [kiwi().tokenize(text) for text in texts]
    return kiwi().tokenize(texts)
