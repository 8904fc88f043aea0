"""The ingest's quick check of an issue against jsonschema, its oracle: whatever it accepts
jsonschema accepts, over every value of an issue put out of place, and it accepts the issues
the reader makes of the real PDFs."""

from __future__ import annotations

import json

import pytest

from archive.schema import first_error, validator
from archive.schema.plain_issue import plainly_an_issue
from extract.model import Article, Event, Issue, PdfInfo
from tests.archive.test_plain_article import RICH, variants

PLAIN = Article("2023-12-01", "2023-12", None, "t", 1, (3, 3))
ISSUE = Issue(
    issue="2024-04",
    title="SPRi AI Brief 2024년 4월호",
    pdf=PdfInfo("2024-04.pdf", "ab" * 32, 24),
    articles=(PLAIN,),
    events=(Event("행사", "요약", "2024.5.1~2", "서울", "https://x.y"), Event("행사 둘")),
    actors_version=3,
    layout="unknown",
    layout_version=2,
    dropped_pages=(4, 9),
)


def test_an_issue_read_generically_and_an_imported_one_are_plainly_issues():
    data = ISSUE.to_json()
    assert validator("issue").is_valid(data) and plainly_an_issue(data)
    imported = Issue("2023-12", "SPRi AI Brief 2023년 12월호", PdfInfo("", "", 0), (RICH,))
    assert plainly_an_issue(imported.to_json())


def test_what_the_check_accepts_jsonschema_accepts():
    checked = accepted = 0
    for instance in variants(ISSUE.to_json()):
        checked += 1
        if plainly_an_issue(instance):
            accepted += 1
            assert validator("issue").is_valid(instance), json.dumps(instance)
    assert checked > 2000 and accepted > 100


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"issue": "2024-04\n"}, id="trailing-newline"),
        pytest.param({"pdf": {"name": "x.pdf", "sha256": "AB" * 32, "pages": 3}}, id="sha256"),
        pytest.param({"layout": "2023-24"}, id="layout"),
        pytest.param({"layout_version": 0}, id="layout-version"),
        pytest.param({"dropped_pages": [0]}, id="dropped-page"),
        pytest.param({"events": [{"name": "n"}]}, id="event"),
        pytest.param({"articles": [{**RICH.to_json(), "page": 0}]}, id="article"),
        pytest.param({"extra": 1}, id="extra"),
    ],
)
def test_bad_issues_are_left_to_jsonschema(change):
    bad = {**ISSUE.to_json(), **change}
    assert not plainly_an_issue(bad)
    assert first_error("issue", bad) is not None


def test_every_real_issue_is_plainly_an_issue(corpus_issues):
    for issue in corpus_issues.values():
        assert plainly_an_issue(issue.to_json()), issue.issue
