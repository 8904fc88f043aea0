"""The archive's domain errors; the CLI and the web page translate them at their edges."""

from __future__ import annotations


class ArchiveError(Exception):
    """Something the archive cannot do; the message is one line, safe to show the user."""


class NotFound(ArchiveError):
    """No such issue or article in the archive."""


class IndexUnavailable(ArchiveError):
    """The search index cannot be read now: it is out of date while another process holds the
    archive (an ingest rebuilding it), or it cannot be opened; the web answers 503."""


class ArchiveBusy(ArchiveError):
    """Another process holds the archive's lock and did not let go in time."""


class BadExport(ArchiveError):
    """An export cannot be written as asked (unknown format, unwritable file)."""


class IndexRebuilding(IndexUnavailable):
    """There is no index to read yet: another process is building the first one (or building
    it again after it was removed); the message says how far it got."""
