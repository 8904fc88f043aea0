"""The ingest timeline's readings: runnable shares, files read while Kiwi loads, the kind of
each process, and a sample of this process."""

from __future__ import annotations

import os

import pytest

from bench.ingest_timeline import kinds, kiwi_at, read_while_kiwi_loads, runnable_shares, sample


def test_runnable_shares_count_three_and_more_together():
    shares = runnable_shares([0, 1, 1, 2, 3, 5, 2, 2])
    assert shares == {"0": 0.125, "1": 0.25, "2": 0.375, "3+": 0.25}


def test_the_files_read_while_kiwi_loads_are_those_read_by_its_end():
    events = [
        ["read", 11, 0.1, 0.5],
        ["kiwi", 10, 0.2, 1.0],
        ["read", 12, 0.1, 1.0],
        ["read", 11, 0.5, 1.2],
        ["ingest", 10, 0.0, 5.0],
    ]
    assert read_while_kiwi_loads(events) == (2, pytest.approx(0.8))
    found = kinds(events, 10)
    assert [found[pid] for pid in (10, 11, 12, 13)] == [
        "parent",
        "extraction",
        "extraction",
        "index",
    ]


def test_a_sample_of_this_process_finds_it_running():
    ticks, running = sample(os.getpid())
    assert os.getpid() in ticks and running >= 1


def test_kiwi_is_timed_from_the_start_of_the_run():
    events = [["kiwi", 10, 3.0, 4.5], ["commit", 10, 5.0, 9.0], ["run", 10, 2.0, 10.0]]
    assert kiwi_at(events, events[-1]) == pytest.approx(2.5)
