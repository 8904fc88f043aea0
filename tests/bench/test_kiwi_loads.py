"""The bulk bench's count of Kiwi models built, in a process and its forked children."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.kiwi_loads import kiwi_loads

RUN = """
import multiprocessing, sys
from pathlib import Path
from bench.kiwi_loads import count_kiwi_loads
count_kiwi_loads(Path(sys.argv[1]))
from index.kiwi_loader import kiwi
kiwi()
child = multiprocessing.get_context("fork").Process(target=kiwi)  # shares the parent's
child.start()
child.join()
"""


def test_nothing_counted_is_no_load(tmp_path):
    assert kiwi_loads(tmp_path / "absent") == (0, 0)


@pytest.mark.slow
def test_a_model_built_is_counted_and_a_forked_worker_sharing_it_is_not(tmp_path):
    record = tmp_path / "loads"
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, "-c", RUN, str(record)], cwd=root, check=True, capture_output=True
    )
    assert kiwi_loads(record) == (1, 1)
