"""The read-only connection a store of query analyses keeps for its lookups (analysis_store),
read anew when the file at its path is no longer the one it opened.

A kept connection reads the file it opened whatever becomes of its path. Its index closes it
when it sees another generation, which every build makes (SearchIndex._use), and before a
build reads the store; a store file removed alone, or replaced, is noticed by the first
lookup that finds no row, which compares the path's file with the one opened (one stat) and
asks the path's. A warm search looks nothing up: its words are in memory (query_analysis;
198 warm searches of the graded queries at 10,000 articles made no lookup), and a miss costs
1.4 CPU-µs more for the stat (3.7 -> 5.1, load 10), a hit nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class KeptReader:
    """Lookups in the sqlite file at `path`, through one connection opened read-only on first
    use; none while there is no file (a lookup never creates one). Not locked: its store
    holds a lock around each call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._opened: tuple[int, int] | None = None  # the file the connection has open

    def rows(self, sql: str, parameters: tuple) -> list[tuple]:
        """The rows the query answers (sqlite3.Error where the file cannot be read); a query
        that finds none asks the path's file again if it is another than the one open."""
        found = self._rows(sql, parameters)
        if not found and self._replaced():
            self.close()
            found = self._rows(sql, parameters)
        return found

    def close(self) -> None:
        """Close the connection; the next lookup opens the path's file."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            self._opened = None

    def _rows(self, sql: str, parameters: tuple) -> list[tuple]:
        connection = self._open()
        return [] if connection is None else connection.execute(sql, parameters).fetchall()

    def _open(self) -> sqlite3.Connection | None:
        if self._connection is None:
            try:
                # Taken before the file is opened: a file put in place in between is the one
                # held, opened again at the next miss for nothing, never an older one taken
                # for the newer.
                opened = _identity(self.path)
            except OSError:
                return None
            uri = f"{self.path.resolve().as_uri()}?mode=ro"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._opened = opened
        return self._connection

    def _replaced(self) -> bool:
        """Whether the connection's file is no longer the path's (removed, or another in its
        place); False when none is open."""
        if self._connection is None:
            return False
        try:
            return _identity(self.path) != self._opened
        except OSError:
            return True


def _identity(path: Path) -> tuple[int, int]:
    """The file at `path`, told apart from any other while one of them is open: its device and
    inode (a removed file's inode is not given again while a connection holds it open)."""
    found = path.stat()
    return found.st_dev, found.st_ino
