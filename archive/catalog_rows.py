"""The catalog's rows as the archive reads them: a held issue, a file seen, an ingest run
(re-exported by archive.catalog, where importers read them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IssueRow:
    """What the catalog knows about one held issue."""

    issue: str
    title: str
    origin: str  # "pdf" or "imported"
    source_path: str | None
    source_sha256: str | None
    articles: int
    fingerprint: str  # sha256 of the issue's JSON file
    updated_at: str
    layout: str | None = None  # as extract read it ("2023", "2025", "unknown"); None: imported
    layout_version: int | None = None  # extract.layouts.LAYOUTS_VERSION when it was read


@dataclass(frozen=True)
class FileRow:
    """One file an ingest has seen: by content, or by path where it has no content of its own
    (a copy of one seen under another path, or a link to nothing)."""

    sha256: str | None  # None: its content could not be read
    path: str
    issue: str | None
    status: str  # ok | failed | replaced | removed; skipped (a copy)
    error: str | None
    seen_at: str

    def to_json(self) -> dict[str, str | None]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class IngestRow:
    """One finished ingest run."""

    started_at: str
    finished_at: str
    added: int
    replaced: int
    skipped: int
    failed: int
