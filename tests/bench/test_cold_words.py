"""bench.cold_words: which graded queries it asks a cold search."""

from __future__ import annotations

from types import SimpleNamespace

from bench import cold_words
from bench.graded_queries import BLIND, HELD_OUT_SETS


def test_it_reads_the_main_set_and_every_held_out_group_but_the_blind_ones(monkeypatch):
    def load_queries(path=None, held_out=""):
        return [SimpleNamespace(text=held_out or "main set")]

    monkeypatch.setattr(cold_words, "load_queries", load_queries)
    open_groups = [group for group in HELD_OUT_SETS if group not in BLIND]
    assert BLIND
    assert cold_words.graded_texts() == ["main set", *open_groups]
