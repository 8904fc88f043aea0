"""Index generations: a rebuild is written beside the index readers use, then switched to.

An index directory holds one sub-directory per build (`g000001-5f0c2ab1`, `g000002-9e41d7c0`,
…) and a file, CURRENT, naming the one readers use. A rebuild writes a new generation while
readers go on with the current one, and the switch is the atomic replacement of CURRENT: a
reader sees the old index or the new, never half of one. Until a first build has switched,
there is no index; a rebuild in progress says how far it got in REBUILDING, so that a reader
can answer "being rebuilt (n of m issues)" rather than partial totals.

The generation before the current one is kept, so that a reader in another process that has
just read CURRENT can still open it; older ones, and builds a killed process left unfinished,
are deleted by the next build.

A generation's name is never given twice, so that a reader that kept an index open tells any
build from the one it read by name alone: the number orders the builds of one directory, and a
random suffix tells apart two builds of the same number, as after the directory was removed
under a running server (the next build is number 1 again). Names without a suffix, written
before it, are still read.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
from pathlib import Path

from common.atomic_files import write_atomic

CURRENT = "CURRENT"
REBUILDING = "rebuilding.json"
PREFIX = "g"
_NAME = re.compile(rf"{PREFIX}(\d+)(?:-[0-9a-f]+)?")


def current(directory: Path) -> Path | None:
    """The generation readers use, or None before a first build has switched."""
    try:
        name = (directory / CURRENT).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    live = directory / name
    return live if _is_generation(name) and live.is_dir() else None


def start(directory: Path) -> Path:
    """A new, empty generation to build in, after deleting any other than the current one
    and the one before it (unfinished builds, old generations)."""
    directory.mkdir(parents=True, exist_ok=True)
    live = current(directory)
    kept = _kept(directory, live)
    for path in _generations(directory):
        if path not in kept:
            shutil.rmtree(path, ignore_errors=True)
    number = max(map(_number, _generations(directory)), default=0) + 1
    fresh = directory / f"{PREFIX}{number:06d}-{secrets.token_hex(4)}"
    fresh.mkdir()
    return fresh


def switch(directory: Path, generation: Path) -> None:
    """Make `generation` the one readers use: CURRENT replaced in one rename, made durable."""
    write_atomic(directory / CURRENT, (generation.name + "\n").encode("ascii"))


def tidy(directory: Path, previous: Path | None, legacy: tuple[str, ...] = ()) -> None:
    """After a switch: delete the generations older than `previous`, the progress of the
    finished build, and an index written before generations (Whoosh's files and the `legacy`
    names directly in `directory`)."""
    live = current(directory)
    kept = _kept(directory, live) | ({previous} if previous else set())
    for path in _generations(directory):
        if path not in kept and live is not None and _number(path) < _number(live):
            shutil.rmtree(path, ignore_errors=True)
    patterns = (REBUILDING, "MAIN_*", "_MAIN_*", *legacy)
    for pattern in patterns:
        for path in directory.glob(pattern):
            if path.is_file():
                path.unlink(missing_ok=True)


class Progress:
    """A rebuild's issues written so far, recorded in REBUILDING for readers (not fsynced: a
    crash leaves a build to redo anyway)."""

    def __init__(self, directory: Path, total: int | None) -> None:
        self.directory = directory
        self.total = total
        self.done = 0
        self._write()

    def advance(self) -> None:
        """One more issue written."""
        self.done += 1
        self._write()

    def _write(self) -> None:
        tmp = self.directory / f".{REBUILDING}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"done": self.done, "total": self.total}), encoding="utf-8")
        tmp.replace(self.directory / REBUILDING)


def progress(directory: Path) -> tuple[int, int | None] | None:
    """(issues done, issues in all) of a rebuild under way or killed, or None."""
    try:
        data = json.loads((directory / REBUILDING).read_text(encoding="utf-8"))
        return int(data["done"]), data["total"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _kept(directory: Path, live: Path | None) -> set[Path]:
    """The current generation and the one before it, which a reader may still be opening."""
    if live is None:
        return set()
    earlier = [p for p in _generations(directory) if _number(p) < _number(live)]
    return {live, *earlier[-1:]}


def _generations(directory: Path) -> list[Path]:
    """The generations in `directory`, oldest first."""
    found = (p for p in directory.iterdir() if p.is_dir() and _is_generation(p.name))
    return sorted(found, key=_number)


def _number(generation: Path) -> int:
    return int(_NAME.fullmatch(generation.name)[1])


def _is_generation(name: str) -> bool:
    return name.isascii() and _NAME.fullmatch(name) is not None
