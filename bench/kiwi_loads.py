"""Counting the Kiwi models a run builds: every process (a forked worker included) that
constructs a `kiwipiepy.Kiwi` appends its process id to a file.

The count is taken without importing kiwipiepy ahead of the run (an import the run would
otherwise make inside the timed call): a finder on `sys.meta_path` wraps `Kiwi.__init__`
when the run itself first imports kiwipiepy.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import sys
from pathlib import Path


class _KiwiImportHook(importlib.abc.MetaPathFinder):
    """Wraps Kiwi's constructor as kiwipiepy is imported; then steps out of the way."""

    def __init__(self, record: Path) -> None:
        self.record = record

    def find_spec(self, name, path, target=None):
        if name != "kiwipiepy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        load, record = spec.loader.exec_module, self.record

        def exec_module(module) -> None:
            load(module)
            constructor = module.Kiwi.__init__

            def counted(self, *args, **kwargs) -> None:
                with record.open("a", encoding="ascii") as out:
                    out.write(f"{os.getpid()}\n")
                constructor(self, *args, **kwargs)

            module.Kiwi.__init__ = counted

        spec.loader.exec_module = exec_module
        return spec


def count_kiwi_loads(record: Path) -> None:
    """From now on, each Kiwi constructed in this process or its children is one line of
    `record`."""
    sys.meta_path.insert(0, _KiwiImportHook(record))


def kiwi_loads(record: Path) -> tuple[int, int]:
    """(Kiwi models built, distinct processes that built them) as `record` counted them."""
    if not record.exists():
        return 0, 0
    pids = record.read_text(encoding="ascii").split()
    return len(pids), len(set(pids))
