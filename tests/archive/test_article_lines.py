"""`aibrief show` prints an article as a reader sees it: a section without a sub-heading (the
opening bullets of an issue read generically) gets no empty "□" line."""

from __future__ import annotations

from archive.cli.catalog_cmd import article_lines
from extract.model import Article, BodySection, Bullet


def article(*body: BodySection, key_contents: tuple[str, ...] = ()) -> Article:
    return Article(
        id="2026-01-01",
        issue="2026-01",
        section=None,
        title="가상국, 인공지능 기본법 시행령 공개",
        page=1,
        pdf_pages=(3, 3),
        key_contents=key_contents,
        body=body,
    )


def test_bullets_under_no_heading_print_no_heading_line():
    lines = article_lines(
        article(
            BodySection("", (Bullet("첫 항목", ()),)),
            BodySection("세부 내용", (Bullet("둘째 항목", ("하위 항목",)),)),
        )
    )
    assert lines == [
        "가상국, 인공지능 기본법 시행령 공개",
        "2026-01-01 · - · p. 1 · PDF page 3",
        "",
        "  ■ 첫 항목",
        "",
        "□ 세부 내용",
        "  ■ 둘째 항목",
        "    ∙ 하위 항목",
    ]


def test_a_heading_follows_key_contents_after_one_blank_line():
    lines = article_lines(article(BodySection("개요", ()), key_contents=("요약",)))
    assert lines[2:] == ["", "  ▶ 요약", "", "□ 개요"]
