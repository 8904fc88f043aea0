"""The process's one Kiwi (kiwipiepy), loaded lazily with the domain dictionary."""

from __future__ import annotations

import threading

from index.dictionary import domain_dictionary

_kiwi_lock = threading.Lock()
_kiwi = None
_kiwi_threads = 2  # batch tokenizing uses both cores; a build worker uses one (see below)
_forked_kiwis: list = []


def kiwi():
    """The process's one Kiwi, with the domain dictionary, loaded on first use."""
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
                _kiwi = instance
    return _kiwi


def forget_parent_kiwi() -> None:
    """In a forked worker process: set the parent's Kiwi aside (its threads did not survive the
    fork) and load a single-threaded one on first use; the workers share the cores."""
    global _kiwi, _kiwi_lock, _kiwi_threads
    if _kiwi is not None:
        # Never freed: its destructor would wait on the parent's threads forever.
        _forked_kiwis.append(_kiwi)
    _kiwi, _kiwi_lock, _kiwi_threads = None, threading.Lock(), 1
