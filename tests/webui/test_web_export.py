"""Export of the current results as JSON, JSON Lines or CSV downloads."""

from __future__ import annotations

import codecs
import csv
import io
import json
from datetime import date
from urllib.parse import quote

import pytest
from openpyxl import load_workbook

from archive import EXPORT_FORMATS, write_articles
from archive.cli.export_cmd import export as export_command


def test_export_json(client, fake_archive):
    response = client.get("/export?q=규제&format=json")
    assert response.status_code == 200
    today = date.today().isoformat()
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="aibrief-{today}.json"; '
        f"filename*=UTF-8''aibrief-%EA%B7%9C%EC%A0%9C-{today}.json"
    )
    data = json.loads(response.get_data(as_text=True))
    assert [a["id"] for a in data] == ["2024-01-01", "2024-04-01", "2025-02-01", "2025-02-02"]
    assert data[0] == fake_archive.article("2024-01-01").to_json()


def test_export_jsonl_respects_filters(client):
    response = client.get("/export?q=규제&format=jsonl&section=정책/법제")
    assert response.mimetype == "application/x-ndjson"
    lines = response.get_data(as_text=True).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["2024-01-01", "2024-04-01"]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        pytest.param("&year=2025", ["2025-02-01", "2025-02-02"], id="year"),
        pytest.param("&year=2023", [], id="year-not-held"),
        pytest.param("&issue=2024-04", ["2024-04-01"], id="issue"),
        pytest.param("&issue=2024-04&section=기술/연구", [], id="issue-and-section"),
    ],
)
def test_export_takes_the_issue_and_year_filters(client, args, ids):
    lines = client.get(f"/export?q=규제&format=jsonl{args}").get_data(as_text=True).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ids


def test_export_without_a_query_is_every_article(client, fake_archive):
    data = client.get("/export?format=json").get_json()
    assert len(data) == len(fake_archive.articles)


def test_export_csv(client):
    response = client.get("/export?q=딥페이크&format=csv")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith(f'attachment; filename="aibrief-{date.today()}.csv"')
    assert response.mimetype == "text/csv"
    assert response.data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert rows[0]["id"] == "2024-04-02"
    assert rows[0]["pdf_pages"] == "3-3"
    assert rows[0]["key_contents"] == "딥페이크 탐지 연구 요약 첫째\n딥페이크 탐지 연구 요약 둘째"


def test_export_of_nothing_is_an_empty_download(client):
    assert json.loads(client.get("/export?q=nothingmatches&format=json").data) == []
    assert client.get("/export?q=nothingmatches&format=jsonl").data == b""
    csv_text = client.get("/export?q=nothingmatches&format=csv").data.decode("utf-8-sig")
    assert csv_text.startswith("id,issue,section,title,page,pdf_pages,key_contents,")
    assert csv_text.count("\n") == 1


def test_results_page_has_export_buttons_for_the_current_search(client):
    page = client.get("/?q=규제&section=정책/법제&page=2&per_page=1").get_data(as_text=True)
    assert (
        'href="/export?format=csv&amp;q=%EA%B7%9C%EC%A0%9C&amp;'
        'section=%EC%A0%95%EC%B1%85/%EB%B2%95%EC%A0%9C"'
    ) in page


def comparable(data: bytes, form: str) -> object:
    """What a download holds: a workbook's cell values (its zip entries carry the time it was
    written), any other format's bytes."""
    if form != "xlsx":
        return data
    return list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


@pytest.mark.parametrize("form", list(EXPORT_FORMATS.values()), ids=list(EXPORT_FORMATS))
def test_every_registered_format_is_served_and_offered_by_the_cli(client, fake_archive, form):
    response = client.get(f"/export?q=규제&format={form.name}")
    assert response.status_code == 200
    assert response.mimetype == form.media_type
    name = quote(form.filename(f"aibrief-규제-{date.today()}"))
    assert response.headers["Content-Disposition"].endswith(f"filename*=UTF-8''{name}")
    expected = io.BytesIO()
    write_articles(fake_archive.export_articles("규제"), expected, form.name)
    assert comparable(response.data, form.name) == comparable(expected.getvalue(), form.name)
    cli_format = next(param for param in export_command.params if param.name == "form")
    assert form.name in cli_format.type.choices


def test_an_unknown_format_is_a_400_naming_the_choices(client):
    response = client.get("/export?q=규제&format=docx")
    assert response.status_code == 400
    assert response.get_json()["error"].startswith("format must be one of json, jsonl, csv")


def test_the_issue_filter_takes_several_issues(client):
    url = "/export?q=규제&format=jsonl&issue=2024-04&issue=2025-02"
    lines = client.get(url).get_data(as_text=True).splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == [
        "2024-04-01",
        "2025-02-01",
        "2025-02-02",
    ]
    answer = client.get("/api/search?q=규제&issue=2024-04&issue=2025-02").get_json()
    assert answer["query"]["issues"] == ["2024-04", "2025-02"]
    assert (answer["query"]["issue_from"], answer["query"]["issue_to"]) == ("2024-04", "2025-02")
    assert answer["total"] == 3


def test_an_export_is_bounded_as_the_search_page_and_says_what_the_bound_cut(
    client, fake_archive, monkeypatch
):
    """/export waits for the spelling index only within the request's budget, as the page
    does; the download holds articles only, so a header names what the budget cut short."""
    note = "also matched: the nearest spellings of unknown words not looked up in time"
    monkeypatch.setattr(fake_archive, "EXPORT_LIMITS", (note, "words past 규제 left out"))
    response = client.get("/export?q=규제&format=json")
    assert response.status_code == 200
    assert response.headers["X-Aibrief-Limits"] == (
        f"{note}; words past %EA%B7%9C%EC%A0%9C left out"
    )
    assert fake_archive.budgets[-1] is not None  # the request's SharedBudget
    monkeypatch.setattr(fake_archive, "EXPORT_LIMITS", ())
    assert "X-Aibrief-Limits" not in client.get("/export?q=규제&format=json").headers
