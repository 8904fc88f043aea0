"""The one LRU cache: least recently used dropped first, by count or by a size per value."""

from __future__ import annotations

from common.lru_cache import LRUCache


def test_the_least_recently_used_entry_is_dropped_first():
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 3)
    assert list(cache) == ["a", "c"]
    assert cache.get("b") is None


def test_sizes_count_towards_the_capacity_and_the_newest_entry_stays():
    cache: LRUCache[str, list] = LRUCache(4, len)
    cache.put("three", [1, 2, 3])
    cache.put("two", [1, 2])
    assert list(cache) == ["two"]
    cache.put("five", [1, 2, 3, 4, 5])  # larger than the capacity alone: kept, the rest go
    assert list(cache) == ["five"]


def test_the_first_value_put_is_kept_and_computed_values_are_remembered():
    cache: LRUCache[str, str] = LRUCache(3)
    assert cache.put("k", "first") == "first"
    assert cache.put("k", "second") == "first"
    calls = []
    assert cache.get_or_compute("n", lambda: calls.append(1) or "made") == "made"
    assert cache.get_or_compute("n", lambda: calls.append(1) or "again") == "made"
    assert calls == [1]
    assert len(cache) == 2
    cache.clear()
    assert len(cache) == 0
