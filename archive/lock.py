"""One writer at a time: an advisory lock on home/.lock that names the process holding it."""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from archive.errors import ArchiveBusy

POLL_SECONDS = 0.2


def describe_this_process() -> str:
    """What another process is told about the holder: pid, command line and start time."""
    command = " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]) if sys.argv else "python"
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"pid {os.getpid()} ({command[:120]}) since {started}"


class ArchiveLock:
    """An exclusive fcntl.flock on a file; released when the process dies, however it dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._file is not None

    def fileno(self) -> int | None:
        """The descriptor holding the lock, or None when not held."""
        return self._file.fileno() if self._file is not None else None

    def holder(self) -> str:
        """Who holds the lock, as that process wrote it (best effort)."""
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except OSError:
            text = ""
        return text or "another process"

    def try_acquire(self) -> bool:
        """Take the lock if it is free; never wait."""
        if self._file is not None:
            return True
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(describe_this_process() + "\n")
        handle.flush()
        self._file = handle
        return True

    def acquire(
        self, timeout: float | None = None, on_wait: Callable[[str], None] | None = None
    ) -> None:
        """Take the lock, waiting up to `timeout` seconds (None: forever); raise ArchiveBusy."""
        if self.try_acquire():
            return
        if on_wait is not None:
            on_wait(f"waiting for the archive lock, held by {self.holder()}")
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.try_acquire():
            if deadline is not None and time.monotonic() >= deadline:
                raise ArchiveBusy(
                    f"the archive is busy: {self.path} is held by {self.holder()}; "
                    f"gave up after {timeout:g} s"
                )
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        """Let go of the lock (closing the file releases the flock)."""
        if self._file is None:
            return
        self._file.seek(0)
        self._file.truncate()
        self._file.close()
        self._file = None
