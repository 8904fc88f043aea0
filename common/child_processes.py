"""Child processes that end with their parent, however the parent ends."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int, sig: signal.Signals = signal.SIGKILL) -> None:
    """In a forked child: receive `sig` when the parent process ends (Linux; elsewhere a no-op
    beyond the check), and exit at once if `parent` has already ended."""
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, sig)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
