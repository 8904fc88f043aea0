"""The CPU seconds a process spends in the garbage collector's collections, by generation,
counted from `gc.callbacks` (what a bulk run's parent pays for the objects it holds)."""

from __future__ import annotations

import gc
import time


class CollectorTime:
    """Counts the collections from its creation on: `seconds` and `collections` per
    generation (0, 1, 2; 2 is a full collection)."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.collections = [0, 0, 0]
        self._started = 0.0
        gc.callbacks.append(self._count)

    def _count(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.process_time()
            return
        generation = info["generation"]
        self.seconds[generation] += time.process_time() - self._started
        self.collections[generation] += 1

    def stop(self) -> None:
        """Count no more."""
        gc.callbacks.remove(self._count)
