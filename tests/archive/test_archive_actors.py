"""Actors in the archive: derived when an issue is committed, and derived again for every held
issue when the rules or the table change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import index.article_actors
from archive.cli import main
from archive.collection import Archive
from extract.model import Article
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


ARTICLES = (
    Article(
        "2024-01-01",
        "2024-01",
        "기업/산업",
        "메타, 새 언어모델 공개",
        1,
        (3, 3),
        ("메타가 구글과 경쟁",),
    ),
    Article(
        "2025-02-01", "2025-02", "정책/법제", "중국 정부, AI 표준 발표", 1, (3, 3), ("메타도 언급",)
    ),
)


@pytest.fixture(scope="module")
def imported_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("home")
    lines = home.parent / "articles.jsonl"
    lines.write_text("".join(json.dumps(a.to_json()) + "\n" for a in ARTICLES), encoding="utf-8")
    assert CliRunner().invoke(main, ["--home", str(home), "import", str(lines)]).exit_code == 0
    return home


def run(home: Path, *args: str):
    return CliRunner().invoke(main, ["--home", str(home), *args])


def test_aibrief_actors_lists_them_as_the_api_does(imported_home):
    listed = run(imported_home, "actors", "--json")
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.output)
    assert [(a["name"], a["articles"], a["as_subject"]) for a in data["actors"]] == [
        ("메타", 2, 1),
        ("구글", 1, 0),
        ("중국 정부", 1, 1),
    ]
    assert (data["year"], data["country"], data["kind"]) == (None, None, None)
    text = run(imported_home, "actors", "--year", "2025", "--kind", "government")
    assert text.output.splitlines() == [
        "    1      1  government     중국 정부  (중국 행정부)",
        "1 actor (articles, as the headline's subject, kind, name)",  # it said "1 actors"
    ]
    none = run(imported_home, "actors", "--year", "2020")
    assert (none.exit_code, none.output) == (0, "no actor has an article with these filters\n")


def test_aibrief_actors_names_a_bad_country(imported_home):
    result = run(imported_home, "actors", "--country", "Atlantis")
    assert result.exit_code == 1
    assert "unknown country 'Atlantis'" in result.output


def test_search_and_export_take_actor_and_country(imported_home):
    found = json.loads(run(imported_home, "search", "--actor", "Meta", "--json").output)
    assert [h["id"] for h in found["hits"]] == ["2024-01-01", "2025-02-01"]  # about it first
    narrowed = json.loads(
        run(imported_home, "search", "AI", "--actor", "메타", "--country", "중국", "--json").output
    )
    assert [h["id"] for h in narrowed["hits"]] == ["2025-02-01"]
    assert narrowed["query"]["country"] == ["CN"]
    exported = run(imported_home, "export", "--actor", "Meta", "--country", "CN")
    assert [json.loads(line)["id"] for line in exported.output.splitlines()] == ["2025-02-01"]
    bad = run(imported_home, "export", "--country", "Atlantis")
    # One parameter table for search and export: a bad value is exit 1 on both, naming the option.
    assert bad.exit_code == 1 and "--country: unknown country 'Atlantis'" in bad.output


def test_new_rules_and_an_index_of_another_version_at_once(tmp_path, monkeypatch):
    """A new version of aibrief may bring both: the index is rebuilt before the issues are
    derived again into it (the stale index had stopped every command with an error)."""
    from index import SearchIndex
    from index.schema import STAMP_NAME

    home = tmp_path / "home"
    archive = Archive(home, extractor=fake_extract)
    archive.ingest([write_fake_pdf(tmp_path / "a.pdf", "2024-01")])
    archive.close()
    stamp = SearchIndex.open(home / "index").live / STAMP_NAME
    versions = json.loads(stamp.read_text(encoding="utf-8"))
    stamp.write_text(json.dumps({**versions, "analyzer": versions["analyzer"] - 1}))
    monkeypatch.setattr(
        index.article_actors, "RULES_VERSION", index.article_actors.RULES_VERSION + 1
    )
    archive = Archive(home, extractor=fake_extract)
    try:
        assert archive.reconcile()
        row = archive.catalog.issue("2024-01")
        assert archive.issue("2024-01").actors_version == actors_version()
        assert not archive.index.needs_rebuild()
        assert archive.index.fingerprints() == {"2024-01": row.fingerprint}
        assert archive.search("기사").total > 0
    finally:
        archive.close()
