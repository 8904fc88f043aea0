"""An issue in a layout not recognised (the sample's invented third layout), end to end:
ingested with a note, marked in list, stats and the issue JSON, and searched, exported and
shown like any other."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.catalog import Catalog
from archive.cli import main
from samples.issues import write_plain_issue

pytestmark = pytest.mark.slow  # the real parser and index


def run(home: Path, *args: str):
    result = CliRunner().invoke(main, ["--home", str(home), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def generic_home(tmp_path_factory) -> tuple[Path, Path, object]:
    folder = tmp_path_factory.mktemp("generic")
    pdf = folder / "2026-01.pdf"
    write_plain_issue(pdf)
    home = folder / "home"
    return home, pdf, run(home, "ingest", str(pdf))


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    return write_plain_issue(tmp_path_factory.mktemp("again") / "2026-01.pdf")


def about(expected, word: str) -> str:
    (article,) = [a for a in expected.articles if word in a.title]
    return article.id


def test_ingest_says_the_layout_was_read_generically_and_succeeds(generic_home):
    _, pdf, result = generic_home
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"added: {pdf} -> 2026-01, 6 articles"
        " (layout not recognised: read generically; PDF page 10 in no article)"
    )


def test_ingest_json_names_the_pages_no_article_holds(tmp_path, expected):
    pdf = tmp_path / "2026-01.pdf"
    write_plain_issue(pdf)
    (outcome,) = json.loads(run(tmp_path / "home", "ingest", "--json", str(pdf)).output)["files"]
    assert (outcome["layout"], outcome["dropped_pages"]) == ("unknown", [10])
    assert expected.dropped_pages == (10,)  # the back page's disclaimer


def test_list_and_stats_mark_the_issue(generic_home):
    home, pdf, _ = generic_home
    assert run(home, "list").output.splitlines()[0] == (
        f"2026-01    6 articles  {pdf}  (layout not recognised: read generically)"
    )
    listed = json.loads(run(home, "list", "--json").output)
    assert [(i["issue"], i["layout"]) for i in listed] == [("2026-01", "unknown")]
    assert "layout not recognised: read generically: 2026-01" in run(home, "stats").output
    assert json.loads(run(home, "stats", "--json").output)["read_generically"] == ["2026-01"]


def test_the_issue_json_says_unknown_and_the_articles_are_searchable(generic_home, expected):
    home, _, _ = generic_home
    issue = json.loads(run(home, "show", "2026-01", "--json").output)
    assert (issue["layout"], len(issue["articles"])) == ("unknown", 6)
    assert issue["dropped_pages"] == [10]
    assert [a["section"] for a in issue["articles"]][-1] is None
    found = json.loads(run(home, "search", "패키징", "--json").output)
    assert found["hits"][0]["id"] == about(expected, "TSMC")
    exported = run(home, "export", "--issue", "2026-01", "--format", "jsonl").output
    assert len(exported.splitlines()) == 6
    jsonl = home.parent / "generic.jsonl"
    jsonl.write_text(exported, encoding="utf-8")
    other = home.parent / "imported-home"
    assert run(other, "import", str(jsonl)).exit_code == 0
    assert run(other, "export", "--format", "jsonl").output == exported
    assert "2026-01-" in run(home, "export", "--issue", "2026-01", "--format", "csv").output
    unsectioned = expected.articles[-1].id
    assert f"{unsectioned}  -  " in run(home, "show", "2026-01").output


def test_show_prints_no_empty_heading_for_bullets_under_none(generic_home, expected):
    home, _, _ = generic_home
    first = expected.articles[0]
    assert first.body[0].heading == ""  # its opening bullets stand under no sub-heading
    shown = run(home, "show", first.id).output.splitlines()
    assert not any(line.strip() == "□" for line in shown)
    assert shown[2:4] == ["", f"  ■ {first.body[0].bullets[0].text}"]
    assert f"□ {first.body[1].heading}" in shown


def test_an_older_catalog_gains_the_layout_columns(tmp_path):
    path = tmp_path / "catalog.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE issues (issue TEXT PRIMARY KEY, title TEXT NOT NULL, origin TEXT NOT"
            " NULL, source_path TEXT, source_sha256 TEXT, articles INTEGER NOT NULL, fingerprint"
            " TEXT NOT NULL, updated_at TEXT NOT NULL);"
            "INSERT INTO issues VALUES ('2024-01', 't', 'pdf', 'a.pdf', 'x', 3, 'f', 'now');"
        )
    db.close()
    catalog = Catalog(path)
    try:
        (row,) = catalog.issues()
        assert (row.issue, row.layout, row.layout_version) == ("2024-01", None, None)
    finally:
        catalog.close()


def test_the_web_and_the_mcp_answers_mark_the_issue_and_serve_its_articles(generic_home, expected):
    from archive import Archive
    from mcp_server import answers
    from webui import create_app

    home, _, _ = generic_home
    archive = Archive(home)
    try:
        client = create_app({"TESTING": True, "AIBRIEF_ARCHIVE": archive}).test_client()
        listed = client.get("/api/issues").get_json()["issues"]
        assert [(i["issue"], i["layout"]) for i in listed] == [("2026-01", "unknown")]
        assert client.get("/api/issues/2026-01").get_json()["layout"] == "unknown"
        assert 'id="layout-unknown"' in client.get("/issues/2026-01").get_data(as_text=True)
        assert "일반 형식으로 읽음" in client.get("/issues").get_data(as_text=True)
        first, last = expected.articles[0], expected.articles[-1]
        article = client.get(f"/api/articles/{first.id}").get_json()
        assert (article["section"], article["page"]) == (first.section, first.page)
        assert client.get(f"/api/articles/{last.id}").get_json()["section"] is None
        page = client.get(f"/articles/{last.id}").get_data(as_text=True)
        assert "None" not in page
        assert "분야 없음" in client.get("/issues/2026-01").get_data(as_text=True)
        found = client.get("/api/search?q=패키징").get_json()
        assert found["hits"][0]["id"] == about(expected, "TSMC")
        assert client.get("/feed.atom").status_code == 200
        assert answers.issues_answer(archive)["issues"][0]["layout"] == "unknown"
    finally:
        archive.close()
