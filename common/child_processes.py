"""Child processes that end with their parent, however the parent ends."""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int, sig: signal.Signals = signal.SIGKILL) -> None:
    """In a forked child: receive `sig` when the parent process ends (Linux; elsewhere a no-op
    beyond the check), and exit at once if `parent` has already ended."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, sig)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


@contextmanager
def forking_beside_threads() -> Iterator[None]:
    """Within the block, fork though other threads run, without Python 3.12's warning that the
    child may deadlock on a lock one of them held (a DeprecationWarning, an error under the
    test suite's filters). aibrief forks on purpose after loading Kiwi, so that its workers
    share the model: Kiwi's own threads wait idle between calls, holding no lock, and a
    forked worker never hands them work (index/kiwi_loader.py)."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"This process .* is multi-threaded", category=DeprecationWarning
        )
        yield
