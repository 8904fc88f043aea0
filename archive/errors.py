"""The archive's domain errors; the CLI and the web page translate them at their edges."""

from __future__ import annotations

from archive.messages import Message, translatable
from common.echo import echoed


class ArchiveError(Exception):
    """Something the archive cannot do; the message is one line, safe to show the user."""


class NotFound(ArchiveError):
    """No such issue or article in the archive. Its `message` keeps the template and values,
    for an edge that shows it in another language."""

    def __init__(self, message: Message | str) -> None:
        self.message = message if isinstance(message, Message) else Message(message)
        super().__init__(str(self.message))


def no_article(article_id: str) -> NotFound:
    """The error of an article id the archive does not hold."""
    return NotFound(
        translatable("no article %(article)s in the archive", article=echoed(article_id))
    )


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
