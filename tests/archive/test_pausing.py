"""pausing.pause_at: a process paused at a step goes on when it is sent RESUME_SIGNAL, whichever
of its threads paused and whatever threads run beside it. The signal's default action ends the
process, so a thread that does not block it, when the kernel hands it the signal, kills the
writer the test meant to resume."""

from __future__ import annotations

import sys
import threading

import pytest
from pausing import RESUME_SIGNAL, pause_at

from tests.forked_process import forked

pytestmark = pytest.mark.slow  # processes of their own


def paused_in_a_thread() -> int:
    """Paused in a thread of its own while the main thread waits for it (as a build's
    callback may be called from a worker thread)."""
    on_step = pause_at("step")
    worker = threading.Thread(target=on_step, args=("step", "2024-04"))
    worker.start()
    worker.join()
    sys.stdout.write("resumed\n")
    return 0


def paused_beside_a_thread() -> int:
    """Paused in the main thread while a thread it started waits idle (as a build's
    analysing thread does); the signal may come before the pause has begun to wait."""
    on_step = pause_at("step")
    idle = threading.Event()
    beside = threading.Thread(target=idle.wait)
    beside.start()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdin.readline()  # the signal is sent meanwhile, before the pause
    on_step("step", "")
    idle.set()
    beside.join()
    sys.stdout.write("resumed\n")
    return 0


def test_a_pause_in_a_thread_resumes_on_the_signal():
    process = forked(paused_in_a_thread)
    assert process.stderr.readline() == "aibrief: paused step 2024-04\n"
    process.send_signal(RESUME_SIGNAL)
    out, err = process.communicate(timeout=120)
    assert (process.returncode, out, err) == (0, "resumed\n", "")


def test_a_resume_sent_before_the_pause_waits_for_it_beside_other_threads():
    process = forked(paused_beside_a_thread, stdin=True)
    assert process.stdout.readline() == "ready\n"
    process.send_signal(RESUME_SIGNAL)
    out, err = process.communicate(input="go\n", timeout=120)
    assert (process.returncode, out, err) == (0, "resumed\n", "aibrief: paused step\n")
