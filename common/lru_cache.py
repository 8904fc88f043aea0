"""A least-recently-used cache, safe to share between threads."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _one(value: object) -> int:
    return 1


class LRUCache(Generic[K, V]):
    """Values by key, the least recently used dropped first once their total size passes
    `capacity`; each value's size is `size(value)` (1 by default: a count of entries).
    The most recent entry is kept even when it alone is larger than the capacity."""

    def __init__(self, capacity: int, size: Callable[[V], int] = _one) -> None:
        self.capacity = capacity
        self._size = size
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The value kept for `key` (now the most recently used), or None."""
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key]

    def put(self, key: K, value: V) -> V:
        """Keep `value` for `key` unless one is kept already; returns the value kept."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key]
            self._entries[key] = value
            self._total += self._size(value)
            while self._total > self.capacity and len(self._entries) > 1:
                self._total -= self._size(self._entries.popitem(last=False)[1])
            return value

    def get_or_compute(self, key: K, compute: Callable[[], V]) -> V:
        """The kept value, else `compute()` kept and returned; computed outside the lock, so
        one slow computation does not hold up the others (two threads may both compute)."""
        found = self.get(key)
        return found if found is not None else self.put(key, compute())

    def clear(self) -> None:
        """Drop every entry."""
        with self._lock:
            self._entries.clear()
            self._total = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[K]:
        """The keys, least recently used first."""
        with self._lock:
            return iter(list(self._entries))
