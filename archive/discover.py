"""Which files an ingest should read: files, folders (recursively) and glob patterns."""

from __future__ import annotations

import errno
import glob
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

GLOB_CHARACTERS = "*?["


@dataclass(frozen=True)
class Unmatched:
    """An ingest argument that named no file, and why."""

    argument: str
    reason: str


@dataclass(frozen=True)
class Found:
    """The files named by an ingest's arguments, and the arguments that named none, in order."""

    entries: tuple[Path | Unmatched, ...]


def pdfs_in_folder(folder: Path) -> list[Path]:
    """Every *.pdf (any case) under a folder, in path order; a link to nothing is one too, so
    that it is reported rather than passed over."""
    return sorted(
        p for p in folder.rglob("*") if p.suffix.lower() == ".pdf" and (p.is_file() or _dangling(p))
    )


def _dangling(path: Path) -> bool:
    """A symbolic link whose target is missing or loops back on itself."""
    return path.is_symlink() and not path.exists()


def unreadable_reason(path: Path, error: OSError) -> str:
    """Why a file named could not be read, a link to nothing said as such."""
    if _dangling(path):
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops back on itself"
        return f"a symbolic link to a missing file ({path.readlink()})"
    return error.strerror or str(error)


def expand_argument(argument: str) -> tuple[list[Path], str]:
    """The files one argument names, or why it names none."""
    path = Path(argument)
    if path.is_dir():
        return pdfs_in_folder(path), "no PDF files in this folder"
    if path.is_file() or _dangling(path):
        return [path], ""
    if any(ch in argument for ch in GLOB_CHARACTERS):
        files: list[Path] = []
        # glob.glob, not Path.glob: the pattern may be absolute or climb out with "..".
        for match in sorted(glob.glob(argument, recursive=True)):  # noqa: PTH207
            match_path = Path(match)
            files.extend(pdfs_in_folder(match_path) if match_path.is_dir() else [match_path])
        return files, "no file matches this pattern"
    return [], "no such file or folder"


def find_files(arguments: Iterable[str | Path]) -> Found:
    """Expand ingest arguments into distinct files, keeping the order they were named in."""
    entries: list[Path | Unmatched] = []
    seen: set[Path] = set()
    for argument in arguments:
        matches, why_none = expand_argument(str(argument))
        if not matches:
            entries.append(Unmatched(str(argument), why_none))
        for match in matches:
            if _identity(match) not in seen:
                seen.add(_identity(match))
                entries.append(match)
    return Found(tuple(entries))


def _identity(path: Path) -> Path:
    """The file a path names, so that two names of one file count once; a link that loops
    is itself (Python 3.11's resolve() raises RuntimeError on it)."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()
