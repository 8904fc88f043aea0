"""Export of the current results as JSON, JSON Lines or CSV downloads."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest


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
    text = response.get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    assert rows[0]["id"] == "2024-04-02"
    assert rows[0]["pdf_pages"] == "3-3"
    assert rows[0]["key_contents"] == "딥페이크 탐지 연구 요약 첫째\n딥페이크 탐지 연구 요약 둘째"


def test_export_of_nothing_is_an_empty_download(client):
    assert json.loads(client.get("/export?q=nothingmatches&format=json").data) == []
    assert client.get("/export?q=nothingmatches&format=jsonl").data == b""
    csv_text = client.get("/export?q=nothingmatches&format=csv").get_data(as_text=True)
    assert csv_text.startswith("id,issue,section,title,page,pdf_pages,key_contents,")
    assert csv_text.count("\n") == 1


def test_results_page_has_export_buttons_for_the_current_search(client):
    page = client.get("/?q=규제&section=정책/법제&page=2&per_page=1").get_data(as_text=True)
    assert (
        'href="/export?format=csv&amp;q=%EA%B7%9C%EC%A0%9C&amp;'
        'section=%EC%A0%95%EC%B1%85/%EB%B2%95%EC%A0%9C"'
    ) in page
