"""The archive's domain errors; the CLI and the web page translate them at their edges."""

from __future__ import annotations


class ArchiveError(Exception):
    """Something the archive cannot do; the message is one line, safe to show the user."""


class NotFound(ArchiveError):
    """No such issue or article in the archive."""


class ArchiveBusy(ArchiveError):
    """Another process holds the archive's lock and did not let go in time."""


class BadExport(ArchiveError):
    """An export cannot be written as asked (unknown format, unwritable file)."""
