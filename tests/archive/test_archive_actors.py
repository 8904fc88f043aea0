"""Actors in the archive: derived when an issue is committed, and derived again for every held
issue when the rules or the table change."""

from __future__ import annotations

from pathlib import Path

import index.article_actors
from archive.collection import Archive
from index import actors_version
from tests.archive.archive_fakes import FakeIndex, fake_extract, write_fake_pdf


def open_archive(home: Path) -> Archive:
    return Archive(home, extractor=fake_extract, index_opener=FakeIndex.open)


def test_an_ingested_issue_is_stored_with_its_actors_derived(tmp_path):
    archive = open_archive(tmp_path / "home")
    archive.ingest([write_fake_pdf(tmp_path / "a.pdf", "2024-01")])
    issue = archive.issue("2024-01")
    assert issue.actors_version == actors_version()
    assert all(a.actors == () and a.countries == () for a in issue.articles)
    assert (tmp_path / "home" / "actors-version").read_text() == f"{actors_version()}\n"


def test_new_rules_derive_every_held_issue_again(tmp_path, monkeypatch):
    home = tmp_path / "home"
    archive = open_archive(home)
    archive.ingest([write_fake_pdf(tmp_path / "a.pdf", "2024-01")])
    before = archive.catalog.issue("2024-01").fingerprint
    archive.close()
    monkeypatch.setattr(
        index.article_actors, "RULES_VERSION", index.article_actors.RULES_VERSION + 1
    )
    archive = open_archive(home)
    archive.ingest([])  # any write settles the archive first
    row = archive.catalog.issue("2024-01")
    assert archive.issue("2024-01").actors_version == actors_version()
    assert row.fingerprint != before
    assert archive.index.fingerprints() == {"2024-01": row.fingerprint}
    assert (home / "actors-version").read_text() == f"{actors_version()}\n"
