"""Where the tests' temporary folders go: the machine's RAM file system, where it has one.

The temporary folders hold every home, index and store the tests write. What the product
commits it syncs, as it must: SQLite's commits, the issue files, the index's segments. On a
disk each sync waits for it; over the quick tier about 3,000 of them waited 8.6 s of the two
workers' time, 2.9 ms each (strace -f -w, load 11). On tmpfs they return at once, and are
still made: a test that kills a writer kills a process, not the machine, and none depends on
a sync reaching a disk. A root the caller chose (PYTEST_DEBUG_TEMPROOT, pytest's own setting,
or TMPDIR) is kept, and a RAM file system with less than RAM_ROOM free (a container's 64 MB)
is passed over.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

RAM_FOLDER = Path("/dev/shm")
RAM_ROOM = 2 << 30  # a run of the whole suite leaves 170 MB there, and pytest keeps three


def chosen() -> str | None:
    """The root of pytest's temporary folders: the caller's, else RAM_FOLDER if it has room
    (set in the environment, where pytest reads it when it makes its first folder), else None
    (the system's temporary folder)."""
    root = os.environ.get("PYTEST_DEBUG_TEMPROOT") or os.environ.get("TMPDIR")
    if root is None and ram_folder_has_room():
        os.environ["PYTEST_DEBUG_TEMPROOT"] = root = str(RAM_FOLDER)
    return root


def ram_folder_has_room() -> bool:
    """Whether RAM_FOLDER is a folder this process may write in, with RAM_ROOM free."""
    if not (RAM_FOLDER.is_dir() and os.access(RAM_FOLDER, os.W_OK | os.X_OK)):
        return False
    return shutil.disk_usage(RAM_FOLDER).free >= RAM_ROOM
