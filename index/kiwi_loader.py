"""The process's one Kiwi (kiwipiepy), loaded lazily with the domain dictionary."""

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


def tokenize_many(texts: list[str]) -> Iterable:
    """Kiwi's tokens of each text, in order: as one batch on Kiwi's threads (an iterator the
    caller reads while Kiwi works on), or, in a worker sharing its parent's Kiwi, one call per
    text (as fast on one core)."""
    if _one_text_per_call:
        return [kiwi().tokenize(text) for text in texts]
    return kiwi().tokenize(texts)
