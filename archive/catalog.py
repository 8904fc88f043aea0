"""The catalog (home/catalog.sqlite3): which issues are held, from which file, and every file seen.

An issue's row and its JSON file are the truth about the archive; the row is committed after the
JSON is on disk, so the row's commit is the moment an issue (or its replacement) comes into being.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from archive.catalog_rows import FileRow, IngestRow, IssueRow  # noqa: F401 (importers read them here)
from archive.errors import ArchiveError

SCHEMA_VERSION = 2

# Columns added since version 1, which an older catalog gains when it is opened: (table,
# column, type). An issue held from before has no layout recorded (NULL): it was read in a
# recognised layout or imported.
ADDED_COLUMNS = (("issues", "layout", "TEXT"), ("issues", "layout_version", "INTEGER"))

SCHEMA = """
CREATE TABLE IF NOT EXISTS issues (
    issue TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('pdf', 'imported')),
    source_path TEXT,
    source_sha256 TEXT,
    articles INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    layout TEXT,
    layout_version INTEGER
);
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    issue TEXT,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'replaced', 'removed')),
    error TEXT,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS paths (
    path TEXT PRIMARY KEY,
    sha256 TEXT,
    issue TEXT,
    status TEXT NOT NULL CHECK (status IN ('skipped', 'failed')),
    error TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ingests (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    added INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    failed INTEGER NOT NULL
);
"""


def now() -> str:
    """The current time as stored in the catalog (UTC, ISO 8601, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


# How long a new connection waits for another process to finish creating the catalog.
WAL_WAIT_SECONDS = 60.0


def _use_wal(connection: sqlite3.Connection) -> None:
    """Put the catalog in WAL mode. Switching needs the database to itself, and sqlite answers
    "database is locked" at once, without its busy timeout, while another process is creating
    the catalog (two ingests started together on a new home): wait for it instead."""
    deadline = time.monotonic() + WAL_WAIT_SECONDS
    while True:
        try:
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _add_missing_columns(db: sqlite3.Connection) -> None:
    """Give a catalog made by an older version the columns added since (ADDED_COLUMNS)."""
    for table, column, kind in ADDED_COLUMNS:
        held = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if column not in held:
            try:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            except sqlite3.OperationalError as error:  # another process added it first
                if "duplicate column" not in str(error):
                    raise


class Catalog:
    """The sqlite catalog; each method is one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        try:
            with self.db:
                self.db.executescript(SCHEMA)
                _add_missing_columns(self.db)
                self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.DatabaseError as error:
            self.close()
            raise ArchiveError(f"{path}: the catalog cannot be opened ({error})") from None

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (the web server reads the catalog from many threads)."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(
                self.path, timeout=60, isolation_level=None, check_same_thread=False
            )
            connection.row_factory = sqlite3.Row
            _use_wal(connection)
            connection.execute("PRAGMA synchronous=FULL")
            self._local.connection = connection
            self._connections.append(connection)
        return connection

    def close(self) -> None:
        """Close every connection."""
        for connection in self._connections:
            connection.close()
        self._connections.clear()
        self._local = threading.local()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the catalog."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def issues(self) -> list[IssueRow]:
        """Every held issue, oldest first."""
        rows = self.db.execute("SELECT * FROM issues ORDER BY issue")
        return [IssueRow(**dict(row)) for row in rows]

    def issue(self, issue: str) -> IssueRow | None:
        """The row of one issue, or None."""
        row = self.db.execute("SELECT * FROM issues WHERE issue = ?", (issue,)).fetchone()
        return IssueRow(**dict(row)) if row else None

    def file(self, sha256: str) -> FileRow | None:
        """What the catalog knows about a file with this content, or None."""
        row = self.db.execute("SELECT * FROM files WHERE sha256 = ?", (sha256,)).fetchone()
        return FileRow(**dict(row)) if row else None

    def files(self, issue: str | None = None) -> list[FileRow]:
        """Every file seen (or those of one issue), by path: each content's file, and the paths
        seen without content of their own (copies, links to nothing; see record_path)."""
        where = "" if issue is None else " WHERE issue = :issue"
        rows = self.db.execute(
            f"SELECT sha256, path, issue, status, error, seen_at FROM files{where} UNION ALL"
            " SELECT sha256, path, issue, status, error, seen_at FROM paths"
            f"{where or ' WHERE 1'} AND path NOT IN (SELECT path FROM files) ORDER BY path",
            {"issue": issue},
        )
        return [FileRow(**dict(row)) for row in rows]

    def record_path(
        self, path: str, sha256: str | None, issue: str | None, status: str, error: str
    ) -> None:
        """Remember a path seen that is no content of its own: a copy of a file seen under
        another path ("skipped", `sha256` its content) or one that could not be read ("failed",
        a link to nothing: no sha256)."""
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO paths VALUES (?, ?, ?, ?, ?, ?)",
                (path, sha256, issue, status, error, now()),
            )

    def commit_issue(self, row: IssueRow) -> None:
        """Record an issue (new or replacing the one held) and, for a PDF, its file as held."""
        self.commit_issues([row])

    def commit_issues(self, rows: list[IssueRow]) -> None:
        """Record these issues as commit_issue does, all in one transaction."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            for row in rows:
                self._record_issue(row)

    def _record_issue(self, row: IssueRow) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO issues (issue, title, origin, source_path, source_sha256,"
            " articles, fingerprint, updated_at, layout, layout_version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.issue,
                row.title,
                row.origin,
                row.source_path,
                row.source_sha256,
                row.articles,
                row.fingerprint,
                row.updated_at,
                row.layout,
                row.layout_version,
            ),
        )
        self.db.execute(
            "UPDATE files SET status = 'replaced' WHERE issue = ? AND status = 'ok'"
            " AND sha256 IS NOT ?",
            (row.issue, row.source_sha256),
        )
        if row.origin == "pdf":
            self.db.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, 'ok', NULL, ?)",
                (row.source_sha256, row.source_path, row.issue, row.updated_at),
            )

    def record_failure(self, sha256: str, path: str, error: str) -> None:
        """Remember that a file failed, unless the same content is held as an issue."""
        with self.db:
            self.db.execute(
                "INSERT INTO files VALUES (?, ?, NULL, 'failed', ?, ?)"
                " ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, error = excluded.error,"
                " seen_at = excluded.seen_at, status = 'failed', issue = NULL"
                " WHERE files.status != 'ok'",
                (sha256, path, error, now()),
            )

    def remove_issue(self, issue: str) -> None:
        """Forget an issue; its files stay listed as removed."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM issues WHERE issue = ?", (issue,))
            self.db.execute(
                "UPDATE files SET status = 'removed' WHERE issue = ? AND status = 'ok'", (issue,)
            )

    def record_ingest(self, row: IngestRow) -> None:
        """Remember a finished ingest run."""
        with self.db:
            self.db.execute(
                "INSERT INTO ingests (started_at, finished_at, added, replaced, skipped, failed)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row.started_at, row.finished_at, row.added, row.replaced, row.skipped, row.failed),
            )

    def last_ingest(self) -> IngestRow | None:
        """The most recent finished ingest run, or None."""
        row = self.db.execute(
            "SELECT started_at, finished_at, added, replaced, skipped, failed FROM ingests"
            " ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return IngestRow(**dict(row)) if row else None
