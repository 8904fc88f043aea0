"""The demo: sample issues written, ingested into an archive, ready to be served."""

from __future__ import annotations

from pathlib import Path

from archive.collection import Archive
from archive.ingest import IngestReport, ProgressCallback


def ingest_sample_issues(
    archive: Archive, folder: Path, progress: ProgressCallback | None = None
) -> IngestReport:
    """Write the project's sample issues (PDFs) into `folder` and ingest them."""
    from samples.issues import write_sample_archive

    paths = write_sample_archive(folder)
    return archive.ingest(paths, progress=progress)
