"""A fault-injection point for the crash tests: make a writer stop at a known moment.

With AIBRIEF_PAUSE_AT=<point> in the environment, a writer reaching that point (the first time
only) announces it on stderr ("aibrief: paused <point> <issue>") and waits for SIGUSR1 (up to an
hour), so a test can kill it there with SIGKILL, or let it go on. Points: "before-catalog"
(the issue's new files are written, the catalog not yet committed) and "before-index" (the
catalog is committed and the files are in place, the index not yet updated).
"""

from __future__ import annotations

import os
import signal
import sys

PAUSE_ENV = "AIBRIEF_PAUSE_AT"
PAUSE_POINTS = ("before-catalog", "before-index")
RESUME_SIGNAL = signal.SIGUSR1

_paused: set[str] = set()


def pause_point(point: str, detail: str = "") -> None:
    """Wait here for RESUME_SIGNAL if the environment asks to pause at this point."""
    if os.environ.get(PAUSE_ENV) != point or point in _paused:
        return
    _paused.add(point)
    signal.pthread_sigmask(signal.SIG_BLOCK, {RESUME_SIGNAL})
    sys.stderr.write(f"aibrief: paused {point} {detail}\n")
    sys.stderr.flush()
    signal.sigtimedwait({RESUME_SIGNAL}, 3600)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {RESUME_SIGNAL})
