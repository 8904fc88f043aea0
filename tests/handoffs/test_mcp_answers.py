"""The MCP server's answers computed in this process, against /api/search's for the same search:
where the search cannot find anything whatever its words, both say why."""

from __future__ import annotations

import pytest

from archive import Archive
from mcp_server import answers
from webui import create_app


@pytest.mark.parametrize(
    ("issue_from", "issue_to"),
    [
        pytest.param("2020-01", "2020-12", id="a-range-holding-none"),
        pytest.param("2024-02", "2024-03", id="a-month-between-two-held"),
    ],
)
def test_a_search_of_issues_not_held_gives_the_hint_the_api_gives(
    sample_archive, issue_from, issue_to
):
    archive = Archive(sample_archive)
    try:
        asked = answers.search_query("AI", None, issue_from, issue_to, 10)
        answer = answers.search_answer(archive, asked)
        client = create_app({"TESTING": True, "AIBRIEF_ARCHIVE": archive}).test_client()
        api = client.get(f"/api/search?q=AI&from={issue_from}&to={issue_to}").get_json()
    finally:
        archive.close()
    assert answer["total"] == api["total"] == 0
    assert answer["hint"] == api["hint"]
    assert answer["hint"].startswith(f"no issue from {issue_from} to {issue_to} in this archive")


def test_a_search_of_held_issues_has_no_hint(sample_archive):
    archive = Archive(sample_archive)
    try:
        answer = answers.search_answer(archive, answers.search_query("AI", None, None, None, 10))
    finally:
        archive.close()
    assert answer["total"] > 0
    assert answer["hint"] is None
