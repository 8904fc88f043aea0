"""A commit step that stops the writer, for the crash tests to kill it at a known moment.

Passed to `Archive(on_commit_step=pause_at(step))`: the first time the writer reaches `step`
it says so on stderr ("aibrief: paused <step> <issue>") and waits for SIGUSR1 (up to an hour),
so a test can kill it there with SIGKILL, or let it go on. Steps: archive.store.COMMIT_STEPS
and index.REBUILD_STEPS; "<step> <issue>" pauses at that step of one issue only.

SIGUSR1's default action ends the process, and the kernel hands a signal sent to a process to
any of its threads that does not block it: blocked in the pausing thread alone, it killed the
writer whenever it came to another thread (a pause in a thread other than the main one, or a
signal sent before the pause had begun to wait, beside a build's analysing thread). So it is
blocked from the moment pause_at is called, in the thread calling it and in every thread that
thread starts later, and stays blocked: sent early, it waits pending for the pause to take it.
Call pause_at before the process starts its threads, as the writers below do.
"""

from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Callable

RESUME_SIGNAL = signal.SIGUSR1


def pause_at(step: str) -> Callable[[str, str], None]:
    """A commit-step callback that pauses at `step` (or "step issue"), once; RESUME_SIGNAL is
    blocked from now on (see the module's docstring)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {RESUME_SIGNAL})
    paused: list[str] = []

    def on_commit_step(reached: str, issue: str) -> None:
        if step not in (reached, f"{reached} {issue}") or paused:
            return
        paused.append(reached)
        signal.pthread_sigmask(signal.SIG_BLOCK, {RESUME_SIGNAL})  # a thread started before
        sys.stderr.write(f"aibrief: paused {reached} {issue}".rstrip() + "\n")
        sys.stderr.flush()
        signal.sigtimedwait({RESUME_SIGNAL}, 3600)

    return on_commit_step


def aibrief_paused_at(step: str, argv: list[str]) -> int:
    """The aibrief command (in a process of its own: see tests/forked_process.py), its archive
    given pause_at(step) as its commit-step callback."""
    import archive.cli.archive_access as access
    from archive.cli import main

    access.Archive = functools.partial(access.Archive, on_commit_step=pause_at(step))
    return main(argv, prog_name="aibrief")
