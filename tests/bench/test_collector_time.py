"""The bulk bench's count of the garbage collector's time."""

from __future__ import annotations

import gc

from bench.collector_time import CollectorTime


def test_each_collection_is_counted_under_its_generation_until_stopped():
    counted = CollectorTime()
    try:
        gc.collect()
        gc.collect(0)
    finally:
        counted.stop()
    assert counted.collections[2] >= 1 and counted.collections[0] >= 1
    assert counted.seconds[2] > 0
    stopped = list(counted.collections)
    gc.collect()
    assert counted.collections == stopped
