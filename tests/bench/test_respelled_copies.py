"""The bulk bench's respelled copies: new words, the same shape, the same issue on every path."""

from __future__ import annotations

import json

import pytest

from archive.schema import first_error
from bench import bulk_bench
from bench.respelled_copies import heaps_fit, respelled, respelled_text
from extract.model import (
    Article,
    BodySection,
    Bullet,
    Issue,
    PdfInfo,
    Source,
    article_text,
    issue_title,
)

TEXT = "기업들이 OpenAI의 GPT-4o를 2024년에 발표했다. 기업들이 다시 발표했다."


def an_issue() -> Issue:
    article = Article(
        id="2024-03-05",
        issue="2024-03",
        section="정책/법제",
        title="미국 정부, AI 안전연구소 설립 발표",
        page=5,
        pdf_pages=(7, 7),
        key_contents=("미국 상무부가 AI 안전연구소를 세운다고 2024년 2월 발표",),
        body=(BodySection("설립 배경", (Bullet(TEXT, ("OpenAI와 구글이 참여",)),)),),
        footnotes=("* 국립표준기술연구소(NIST)",),
        sources=(Source("☞ 출처: NIST, 2024.02.08.", "NIST", None, "2024-02-08", None),),
        captions=("<연구소 조직도>",),
    )
    return Issue("2024-03", issue_title("2024-03"), PdfInfo("x.pdf", "", 24), (article,))


@pytest.mark.parametrize("k", [pytest.param(1, id="copy-1"), pytest.param(8, id="copy-8")])
def test_a_respelled_run_is_the_same_wherever_it_occurs(k):
    respelled_words = respelled_text(TEXT, k, share=1.0).split()
    assert respelled_words[0] == respelled_words[5] != "기업들이"
    assert len(respelled_text(TEXT, k, share=1.0)) == len(TEXT)
    assert respelled_text(TEXT, k, share=1.0).count(".") == TEXT.count(".")


def test_copy_zero_is_the_real_text():
    issue = an_issue()
    assert respelled(issue, 0) is issue
    assert respelled_text(TEXT, 0, share=1.0) == TEXT


def test_copies_differ_from_each_other_and_the_share_bounds_what_changes():
    words = [f"단어{n}" for n in range(400)]
    text = " ".join(words)
    one, two = respelled_text(text, 1, 0.33).split(), respelled_text(text, 2, 0.33).split()
    assert one != two
    changed = sum(a != b for a, b in zip(words, one, strict=True)) / len(words)
    assert 0.25 < changed < 0.41


def test_a_respelled_issue_is_still_an_issue_of_the_schema_with_its_text_derived():
    issue = respelled(an_issue(), 3)
    article = issue.articles[0]
    assert article.title != an_issue().articles[0].title
    assert article.text == article_text(article)
    assert first_error("issue", issue.to_json()) is None
    assert article.sources[0].date == "2024-02-08"


def test_the_copies_extractor_reads_each_copy_as_the_export_and_the_bound_hold_it(
    monkeypatch, tmp_path
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("2024-03", "2024-04"):
        (corpus / f"{name}.pdf").write_bytes(b"%PDF-1.7 stand-in")
    monkeypatch.setattr(bulk_bench, "extract_issue", lambda path, sha256=None: an_issue())
    (tmp_path / "scratch").mkdir()
    export, pdfs, issues = bulk_bench.synthesise(corpus, 3, tmp_path / "scratch")
    assert [bulk_bench.renumbered_extract(path, "") for path in pdfs] == issues
    assert len({issue.articles[0].title for issue in issues}) == 3  # one title a copy
    exported = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    assert exported == [a.to_json() for issue in issues for a in issue.articles]


def test_heaps_fit_recovers_the_law_it_is_given():
    # issue n adds the terms that take the total from K * (n-1) ** beta to K * n ** beta
    # in one order; every order is averaged, so draw sets with that law of growth
    sets, start = [], 0
    for n in range(1, 7):
        total = round(1000 * n**0.7)
        sets.append(set(range(start, total)) | set(range(0, 300)))
        start = total
    k, beta = heaps_fit(sets)
    assert 0.5 < beta < 0.9
    assert 800 < k < 1300
