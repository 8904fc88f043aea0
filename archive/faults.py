"""A fault-injection point for the crash tests: make a writer stop at a known moment.

With AIBRIEF_PAUSE_AT=<point> in the environment, a writer reaching that point announces it on
stderr and sleeps, so a test can kill it there with SIGKILL. Points: "before-catalog" (the
issue's new files are written, the catalog not yet committed) and "before-index" (the catalog is
committed and the files in place, the index not yet updated).
"""

from __future__ import annotations

import os
import sys
import time

PAUSE_ENV = "AIBRIEF_PAUSE_AT"
PAUSE_POINTS = ("before-catalog", "before-index")


def pause_point(point: str, detail: str = "") -> None:
    """Sleep here (for an hour) if the environment asks to pause at this point."""
    if os.environ.get(PAUSE_ENV) != point:
        return
    sys.stderr.write(f"aibrief: paused {point} {detail}\n")
    sys.stderr.flush()
    time.sleep(3600)
