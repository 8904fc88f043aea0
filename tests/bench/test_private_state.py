"""No bench sets another module's private state (`module._name = …`): where a bench needs a
module to run otherwise, the module offers a public way (kiwi_loader.use_one_thread)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import index.kiwi_loader as kiwi_loader

BENCH = Path(__file__).resolve().parents[2] / "bench"
SETS_PRIVATE = re.compile(r"^\s*(?!self\.)\w+\._\w+\s*=[^=]", re.MULTILINE)


def test_no_bench_sets_a_private_name_of_another_module():
    found = [
        f"{path.relative_to(BENCH)}: {match.group().strip()}"
        for path in sorted(BENCH.rglob("*.py"))
        for match in SETS_PRIVATE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found


@pytest.mark.parametrize("reload", [False, True])
def test_one_thread_is_what_the_next_kiwi_loads_with(monkeypatch, reload):
    loaded = object()
    monkeypatch.setattr(kiwi_loader, "_kiwi", loaded)
    monkeypatch.setattr(kiwi_loader, "_kiwi_threads", 2)
    kiwi_loader.use_one_thread(reload=reload)
    assert kiwi_loader._kiwi_threads == 1
    assert kiwi_loader._kiwi is (None if reload else loaded)
