"""Export and import: the JSON forms, the schema, CSV rows, bad lines, and the round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from archive_fakes import FakeIndex, fake_extract, write_fake_pdf
from rich_article import RICH

from archive import Archive, ArchiveError, ArticleFilter, BadExport, write_articles
from archive.schema import first_error, validator
from extract.model import Issue
from index import actors_version, derive_actors


def open_archive(home: Path) -> Archive:
    return Archive(home, extractor=fake_extract, index_opener=FakeIndex.open)


@pytest.fixture
def filled(tmp_path: Path) -> Archive:
    archive = open_archive(tmp_path / "home")
    archive.ingest(
        [
            write_fake_pdf(tmp_path / "in/a.pdf", "2024-01", articles=3),
            write_fake_pdf(tmp_path / "in/b.pdf", "2024-02", articles=2),
        ]
    )
    return archive


def export_text(articles, form: str) -> str:
    out = io.BytesIO()
    write_articles(articles, out, form)
    return out.getvalue().decode("utf-8-sig")


def test_every_exported_article_matches_the_schema(filled):
    lines = export_text(filled.export_articles(), "jsonl").splitlines()
    assert len(lines) == 5
    for line in lines:
        assert first_error("article", json.loads(line)) is None
    assert first_error("article", RICH.to_json()) is None


def test_every_stored_issue_matches_the_schema(filled, tmp_path):
    paths = sorted((tmp_path / "home/issues").iterdir())
    assert [path.name for path in paths] == ["2024-01.json", "2024-02.json"]
    for path in paths:
        validator("issue").validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"section": "정책"}, "at section: '정책' is not one of", id="section"),
        pytest.param({"page": 0}, "at page: 0 is less than the minimum of 1", id="page"),
        pytest.param({"pdf_pages": [1]}, "at pdf_pages: [1] is too short", id="pdf-pages"),
        pytest.param({"extra": 1}, "Additional properties are not allowed", id="extra"),
        pytest.param({"issue": "2024-13"}, "at issue: '2024-13' does not match", id="issue"),
    ],
)
def test_the_schema_refuses_malformed_articles(change, message):
    assert message in first_error("article", {**RICH.to_json(), **change})


def test_json_export_is_one_array_of_the_documented_form(filled):
    data = json.loads(export_text(filled.export_articles(), "json"))
    assert [a["id"] for a in data] == [
        "2024-01-01",
        "2024-01-02",
        "2024-01-03",
        "2024-02-01",
        "2024-02-02",
    ]
    assert data[0] == filled.article("2024-01-01").to_json()
    assert json.loads(export_text([], "json")) == []


def test_csv_export_has_one_flat_row_per_article():
    rows = list(csv.DictReader(io.StringIO(export_text([RICH], "csv"))))
    assert rows == [
        {
            "id": "2024-04-07",
            "issue": "2024-04",
            "section": "기술/연구",
            "title": "구글, 차세대 모델 공개",
            "page": "7",
            "pdf_pages": "9-10",
            "key_contents": "첫째 요약\n둘째 요약",
            "footnotes": "* 각주",
            "sources": "Google, Gemini, 2024.03.14.\n출처 없는 줄",
            "source_urls": "https://x.y/z",
            "captions": "<모델 구조 예시>",
            "text": RICH.text,
        }
    ]


def test_an_unknown_format_is_refused():
    with pytest.raises(BadExport, match=r"^unknown export format 'xml' \(choose from json, jsonl"):
        export_text([RICH], "xml")


def test_export_filters_by_issue_section_and_query(filled):
    by_issue = filled.export_articles(filters=ArticleFilter(issues=("2024-02",)))
    assert [a.id for a in by_issue] == ["2024-02-01", "2024-02-02"]
    by_section = filled.export_articles(filters=ArticleFilter(sections=("기업/산업",)))
    assert [a.id for a in by_section] == ["2024-01-01", "2024-02-01"]
    by_query = filled.export_articles("기사 2 본문")
    assert [a.id for a in by_query] == ["2024-01-02", "2024-02-02"]


def test_export_then_import_elsewhere_gives_the_same_articles(filled, tmp_path):
    first = export_text(filled.export_articles(), "jsonl")
    (tmp_path / "out.jsonl").write_text(first, encoding="utf-8")
    other = open_archive(tmp_path / "other")
    report = other.import_jsonl(tmp_path / "out.jsonl")
    assert report.to_json() == {
        "ok": True,
        "articles": 5,
        "issues": ["2024-01", "2024-02"],
        "bad_lines": [],
    }
    assert export_text(other.export_articles(), "jsonl") == first
    assert [(s.issue, s.origin, s.articles) for s in other.issues()] == [
        ("2024-01", "imported", 3),
        ("2024-02", "imported", 2),
    ]
    assert FakeIndex(tmp_path / "other/index").doc_count() == 5
    assert not (tmp_path / "other/pdfs/2024-01.pdf").exists()
    validator("issue").validate(json.loads((tmp_path / "other/issues/2024-01.json").read_text()))


def test_a_rich_article_survives_the_round_trip(tmp_path):
    (tmp_path / "one.jsonl").write_text(export_text([RICH], "jsonl"), encoding="utf-8")
    archive = open_archive(tmp_path / "home")
    archive.import_jsonl(tmp_path / "one.jsonl")
    assert archive.article("2024-04-07") == derive_actors([RICH])[0]
    assert isinstance(archive.issue("2024-04"), Issue)


def test_an_article_exported_before_actors_gains_them_on_import(tmp_path):
    assert "actors" not in RICH.to_json()
    (tmp_path / "one.jsonl").write_text(export_text([RICH], "jsonl"), encoding="utf-8")
    archive = open_archive(tmp_path / "home")
    archive.import_jsonl(tmp_path / "one.jsonl")
    imported = archive.article("2024-04-07")
    assert (imported.subject, imported.actors[0].name) == (RICH.title.split(",")[0], "구글")
    assert first_error("article", imported.to_json()) is None
    assert archive.issue("2024-04").actors_version == actors_version()


def test_bad_lines_are_reported_by_number_and_nothing_is_imported(filled, tmp_path):
    good = RICH.to_json()
    lines = [
        json.dumps(good, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({**good, "page": "7"}),
        json.dumps({**good, "id": "2024-05-07"}),
        json.dumps(good),
        json.dumps({**good, "id": "2024-04-08", "title": "\ud800"}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({**good, "id": "2024-04-09"})[:-1] + ', "page": ' + "9" * 5001 + "}",
        json.dumps({**good, "id": "2024-04-10", "page": float("nan")}),
        json.dumps({**good, "id": "2024-04-11", "section": "가" * 5000}),
    ]
    raw = "\n".join(lines).encode("utf-8").replace(b"{not json", b"{not \xffjson")
    (tmp_path / "mixed.jsonl").write_bytes(raw + b"\n")
    before = export_text(filled.export_articles(), "jsonl")
    report = filled.import_jsonl(tmp_path / "mixed.jsonl")
    assert [str(bad) for bad in report.bad_lines] == [
        "line 2: not UTF-8 (byte 0xFF at column 6)",
        "line 4: not an article (at page: '7' is not of type 'integer')",
        "line 5: id 2024-05-07 does not belong to issue 2024-04",
        "line 6: duplicate id 2024-04-07 (first on line 1)",
        "line 7: a string is not valid Unicode (a lone surrogate)",
        "line 8: nested more than 16 deep",
        "line 9: a number of 5001 digits",
        "line 10: NaN is not a JSON number",
        "line 11: not an article (at section: '" + "가" * 70 + "…",
    ]
    assert (report.articles, report.issues, report.ok) == (0, (), False)
    assert export_text(filled.export_articles(), "jsonl") == before
    assert [summary.issue for summary in filled.issues()] == ["2024-01", "2024-02"]


def test_a_byte_order_mark_on_the_first_line_is_accepted(tmp_path):
    text = "\ufeff" + export_text([RICH], "jsonl")
    (tmp_path / "bom.jsonl").write_text(text, encoding="utf-8")
    report = open_archive(tmp_path / "home").import_jsonl(tmp_path / "bom.jsonl")
    assert (report.articles, report.issues, report.ok) == (1, ("2024-04",), True)


def test_imported_articles_replace_those_of_a_held_issue_by_id(filled, tmp_path):
    held = filled.article("2024-01-02").to_json()
    del held["text"]  # derived from the fields, which are what is edited
    changed = held | {"title": "고친 제목", "key_contents": ["고친 본문"]}
    (tmp_path / "fix.jsonl").write_text(json.dumps(changed) + "\n", encoding="utf-8")
    filled.import_jsonl(tmp_path / "fix.jsonl")
    assert [a.title for a in filled.issue("2024-01").articles] == [
        "기사 1 (2024-01)",
        "고친 제목",
        "기사 3 (2024-01)",
    ]
    summary = filled.issues()[0]
    assert (summary.origin, summary.source_path) == ("pdf", str(tmp_path / "in/a.pdf"))
    assert filled.pdf_path("2024-01").is_file()
    assert filled.export_articles("고친 본문").__next__().id == "2024-01-02"


def test_importing_a_missing_file_is_an_archive_error(tmp_path):
    with pytest.raises(ArchiveError, match=r"nope.jsonl: no such file$"):
        open_archive(tmp_path / "home").import_jsonl(tmp_path / "nope.jsonl")
