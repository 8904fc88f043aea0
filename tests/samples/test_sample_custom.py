"""write_issue lays out a test's own articles; the sample files are the same in every process."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pymupdf
import pytest

from extract.model import BodySection, Bullet, Source
from samples.issues import SampleArticle, SampleEvent, write_issue, write_sample_issue

ARTICLE = SampleArticle(
    section="기술/연구",
    title="가상의 연구소, 뷁뷁 벤치마크 공개",  # "뷁" appears in no sample issue
    key_contents=("가상의 연구소가 새 벤치마크를 공개", "벤치마크는 1,200개 문항으로 구성"),
    body=(
        BodySection("벤치마크 구성", (Bullet("문항은 수학과 코딩으로 나뉨", ("난도는 세 단계",)),)),
    ),
    sources=(
        Source(
            "Example Lab, Bwelk benchmark, 2024.05.02.",
            "Example Lab",
            "Bwelk benchmark",
            "2024-05-02",
        ),
    ),
)
EVENT = SampleEvent(
    "Example Expo", "가상의 전시회", "2024.7.1~2", "한국, 대전", "https://example.org/x"
)


@pytest.mark.parametrize("generation", ["2023", "2025"])
def test_write_issue_draws_the_callers_articles(generation, tmp_path):
    issue = write_issue(tmp_path / "own.pdf", "2024-05", [ARTICLE], [EVENT], generation)
    (article,) = issue.articles
    assert article.title == ARTICLE.title
    assert article.body == ARTICLE.body
    assert article.id == f"2024-05-{article.page:02d}"
    with pymupdf.open(tmp_path / "own.pdf") as doc:
        assert doc.page_count == issue.pdf.pages
        assert ARTICLE.title in doc[article.pdf_pages[0] - 1].get_text()


def test_write_issue_refuses_a_title_too_long_for_one_line(tmp_path):
    long = SampleArticle(**{**ARTICLE.__dict__, "title": "아주 긴 제목" * 12})
    with pytest.raises(ValueError, match="too long"):
        write_issue(tmp_path / "own.pdf", "2024-05", [long])


def test_write_issue_checks_the_continues_flag_against_the_layout(tmp_path):
    wrong = SampleArticle(**{**ARTICLE.__dict__, "continues": True})
    with pytest.raises(ValueError, match="continues=True"):
        write_issue(tmp_path / "own.pdf", "2024-05", [wrong])


@pytest.mark.slow  # a fresh interpreter
def test_a_sample_issue_has_the_same_bytes_in_a_fresh_process(tmp_path):
    here = write_sample_issue(tmp_path / "here.pdf", "2025-02")
    script = (
        "import sys; from samples.issues import write_sample_issue; "
        "print(write_sample_issue(sys.argv[1], '2025-02').pdf.sha256)"
    )
    there = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "there.pdf")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert there == here.pdf.sha256
    assert hashlib.sha256((tmp_path / "there.pdf").read_bytes()).hexdigest() == there
