"""An issue of the AI Brief in a layout not recognised is read generically, not refused."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from extract import extract_issue
from extract.errors import LayoutError, NotAnAiBriefError
from extract.generic_reader import same_title
from extract.page_lines import Line, PageText
from extract.repeated_lines import page_number_line
from samples.issues import write_plain_issue as write_third_layout
from samples.issues import write_sample_issue

ARTICLES = [
    ("정책·법제", "가상국, 인공지능 기본법 시행령 공개", 1),
    ("기업·산업", "가상전자, 온디바이스 AI 칩 출시", 2),
    ("기업·산업", "가상소프트, 오픈소스 언어모델 공개", 3),
    ("기술·연구", "가상연구소, 다국어 평가 지표 발표", 4),
]


def write_plain_issue(
    path: Path, cover: list[str], articles=ARTICLES, numbers: bool = True, kicker: float = 0
) -> Path:
    """Cover, a contents page ("title ······ N" under section names), one article a page with
    "•" bullets, a running head and a page number (unless not `numbers`; a section label set
    `kicker` points large above the headline, if given): a design no known generation has."""
    doc = pymupdf.open()

    def text(page, x, y, line, size=11):
        page.insert_text((x, y), line, fontname="korea", fontsize=size)

    page = doc.new_page()
    for row, line in enumerate(cover):
        text(page, 72, 120 + 40 * row, line, 22)
    page = doc.new_page()
    text(page, 72, 80, "목차", 20)
    y = 120
    for section, title, number in articles:
        text(page, 72, y, section, 13)
        text(page, 90, y + 20, f"{title} ······ {number}")
        y += 48
    for section, title, number in articles:
        page = doc.new_page()
        text(page, 72, 40, "AI 브리프 2026-01", 8)
        if kicker:
            text(page, 72, 70, section, kicker)
        text(page, 72, 100, title, 18)
        name = title.split(",")[0]
        text(page, 72, 140, f"• {name}이(가) 새 계획을 발표하고 의견을 모으기로 함")
        text(page, 90, 162, f"– {name}의 세부 내용은 다음 달에 공개할 예정")
        text(page, 72, 190, f"• 업계는 {name}의 발표를 대체로 환영하는 분위기")
        text(page, 72, 230, f"출처: Example News, {name} story, 2026.01.{number:02d}.", 9)
        if numbers:
            text(page, 290, 810, str(number), 9)
    doc.save(path)
    doc.close()
    return path


NAMED_COVER = ["SPRi AI Brief", "2026년 1월호", "인공지능 산업의 최신 동향"]


def test_an_issue_in_an_unknown_layout_is_read_generically(tmp_path):
    issue = extract_issue(write_plain_issue(tmp_path / "new.pdf", NAMED_COVER))
    assert (issue.issue, issue.layout, len(issue.articles)) == ("2026-01", "unknown", 4)
    first = issue.articles[0]
    assert (first.id, first.title, first.page, first.pdf_pages) == (
        "2026-01-01",
        "가상국, 인공지능 기본법 시행령 공개",
        1,
        (3, 3),
    )
    sections = ["정책/법제", "기업/산업", "기업/산업", "기술/연구"]
    assert [a.section for a in issue.articles] == sections
    assert first.key_contents == ()
    bullets = first.body[0].bullets
    assert [b.text for b in bullets] == [
        "가상국이(가) 새 계획을 발표하고 의견을 모으기로 함",
        "업계는 가상국의 발표를 대체로 환영하는 분위기",
    ]
    assert bullets[0].sub == ("가상국의 세부 내용은 다음 달에 공개할 예정",)
    (source,) = first.sources
    assert (source.outlet, source.title, source.date) == (
        "Example News",
        "가상국 story",
        "2026-01-01",
    )
    assert "AI 브리프" not in first.text  # the running head is gone, found by repetition


def test_a_pdf_that_does_not_name_the_brief_is_still_refused(tmp_path):
    path = write_plain_issue(tmp_path / "other.pdf", ["월간 기술 소식", "2026년 1월호"])
    with pytest.raises(NotAnAiBriefError, match=r"^other\.pdf: not an issue of the SPRi AI"):
        extract_issue(path)


def test_the_brief_named_in_the_metadata_is_enough(tmp_path):
    path = write_plain_issue(tmp_path / "meta.pdf", ["월간 기술 소식", "2026년 1월호"])
    with pymupdf.open(path) as doc:
        doc.set_metadata({"title": "SPRi AI Brief 2026년 1월호"})
        doc.save(tmp_path / "named.pdf")
    assert extract_issue(tmp_path / "named.pdf").layout == "unknown"


def test_a_named_issue_without_an_issue_month_is_refused(tmp_path):
    path = write_plain_issue(tmp_path / "undated.pdf", ["SPRi AI Brief"])
    with pytest.raises(NotAnAiBriefError, match="no issue month"):
        extract_issue(path)


def test_a_named_issue_without_article_pages_is_a_layout_error(tmp_path):
    path = write_plain_issue(tmp_path / "hollow.pdf", NAMED_COVER, articles=[])
    with pytest.raises(LayoutError, match="no article page was found"):
        extract_issue(path)


def test_without_a_contents_page_each_headline_page_is_an_article(tmp_path):
    path = write_plain_issue(tmp_path / "new.pdf", NAMED_COVER)
    with pymupdf.open(path) as doc:
        doc.delete_page(1)
        doc.save(tmp_path / "no-contents.pdf")
    issue = extract_issue(tmp_path / "no-contents.pdf")
    assert [(a.page, a.section, a.pdf_pages) for a in issue.articles] == [
        (1, None, (2, 2)),
        (2, None, (3, 3)),
        (3, None, (4, 4)),
        (4, None, (5, 5)),
    ]
    assert [a.title for a in issue.articles] == [title for _, title, _ in ARTICLES]


def test_the_invented_third_layout_reads_back_as_drawn(tmp_path):
    expected = write_third_layout(tmp_path / "2026-01.pdf")
    got = extract_issue(tmp_path / "2026-01.pdf")
    assert got.to_json() == expected.to_json()
    assert (got.layout, got.events) == ("unknown", ())
    assert [a.section for a in got.articles][-2:] == ["기술/연구", None]  # "이슈 분석" is none
    assert any(a.pdf_pages[1] > a.pdf_pages[0] for a in got.articles)  # one runs on a page
    assert not any("2026년 1월호" in a.text or "- 3 -" in a.text for a in got.articles)


def test_the_third_layout_in_two_columns_reads_back_as_drawn(tmp_path):
    expected = write_third_layout(tmp_path / "2026-01.pdf", columns=2)
    got = extract_issue(tmp_path / "2026-01.pdf")
    assert got.to_json() == expected.to_json()
    assert got.dropped_pages == (got.pdf.pages,)  # the back page's disclaimer
    with pymupdf.open(tmp_path / "2026-01.pdf") as doc:  # the right column is used, and read
        blocks = [b for page in doc for b in page.get_text("blocks")]
    right = [b for b in blocks if b[0] > 300 and 90 < b[1] < 700]
    assert len(right) > 10


def test_without_page_numbers_the_contents_titles_place_the_articles(tmp_path):
    path = write_plain_issue(tmp_path / "new.pdf", NAMED_COVER, numbers=False)
    issue = extract_issue(path)
    assert [(a.page, a.section, a.pdf_pages) for a in issue.articles] == [
        (1, "정책/법제", (3, 3)),
        (2, "기업/산업", (4, 4)),
        (3, "기업/산업", (5, 5)),
        (4, "기술/연구", (6, 6)),
    ]


def test_a_later_article_whose_page_prints_an_earlier_number_is_kept_under_a_marked_id(tmp_path):
    twice = [*ARTICLES, ("기술·연구", "가상반도체, 새 공정 연구 착수", 4)]
    issue = extract_issue(write_plain_issue(tmp_path / "new.pdf", NAMED_COVER, articles=twice))
    assert [(a.id, a.page, a.pdf_pages) for a in issue.articles] == [
        ("2026-01-01", 1, (3, 3)),
        ("2026-01-02", 2, (4, 4)),
        ("2026-01-03", 3, (5, 5)),
        ("2026-01-04", 4, (6, 6)),
        ("2026-01-04b", 4, (7, 7)),
    ]
    assert [a.title for a in issue.articles] == [title for _, title, _ in twice]
    assert "가상반도체" in issue.articles[-1].text


def without_page_number(path: Path, pdf_page: int, out: Path) -> Path:
    """The PDF with the number in the foot of one page (1-based) blanked out."""
    with pymupdf.open(path) as doc:
        page = doc[pdf_page - 1]
        page.add_redact_annot(pymupdf.Rect(0, page.rect.height * 0.9, page.rect.width, 842))
        page.apply_redactions()
        doc.save(out)
    return out


@pytest.mark.parametrize("contents", [True, False], ids=["contents", "no-contents"])
@pytest.mark.parametrize("shown", [True, False], ids=["page-1-numbered", "page-1-unnumbered"])
def test_a_repeated_page_number_loses_no_article_before_it(tmp_path, contents, shown):
    """Pages printing 1, 2, 2, 3, 4 (or _, 2, 2, 3, 4): most pages share the offset of the
    later run, which places page 1 one page late; the article printed on page 1 is read all
    the same, and the contents entries go to the pages that print their numbers."""
    repeated = [*ARTICLES[:2], ("기업·산업", "가상반도체, 새 공정 연구 착수", 2), *ARTICLES[2:]]
    path = write_plain_issue(tmp_path / "new.pdf", NAMED_COVER, articles=repeated)
    if not shown:
        path = without_page_number(path, 3, tmp_path / "unnumbered.pdf")
    if not contents:
        with pymupdf.open(path) as doc:
            doc.delete_page(1)
            doc.save(tmp_path / "no-contents.pdf")
        path = tmp_path / "no-contents.pdf"
    issue = extract_issue(path)
    first = 3 if contents else 2
    assert [(a.id, a.page, a.pdf_pages[0]) for a in issue.articles] == [
        ("2026-01-01", 1, first),
        ("2026-01-02", 2, first + 1),
        ("2026-01-02b", 2, first + 2),
        ("2026-01-03", 3, first + 3),
        ("2026-01-04", 4, first + 4),
    ]
    assert [a.title for a in issue.articles] == [title for _, title, _ in repeated]
    assert "가상국이(가) 새 계획을 발표하고" in issue.articles[0].text
    if contents:  # the second article on page 2 shares its contents line's number: no entry
        sections = ["정책/법제", "기업/산업", None, "기업/산업", "기술/연구"]
        assert [a.section for a in issue.articles] == sections


def test_a_section_label_set_larger_than_the_headline_is_not_the_title(tmp_path):
    issue = extract_issue(write_plain_issue(tmp_path / "new.pdf", NAMED_COVER, kicker=24))
    assert [a.title for a in issue.articles] == [title for _, title, _ in ARTICLES]
    assert not any("·" in a.text.split("\n")[1] for a in issue.articles)


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        pytest.param("7", 7, id="bare"),
        pytest.param("- 7 -", 7, id="dashes"),
        pytest.param("(12)", 12, id="brackets"),
        pytest.param("p. 7", 7, id="p"),
        pytest.param("Page 7", 7, id="page"),
        pytest.param("7 / 28", 7, id="of-total"),
        pytest.param("2026", None, id="a-year"),
        pytest.param("7월", None, id="a-month"),
    ],
)
def test_page_numbers_in_the_foot(printed, number):
    foot = Line(printed, 290, 800, 300, 810, 9, False)
    page = PageText(number=3, width=595, height=842, lines=(foot,))
    assert page_number_line(foot, page) == number
    middle = Line(printed, 290, 400, 300, 410, 9, False)
    assert page_number_line(middle, page) is None


HEADLINE = "가상국, AI 기본법 시행령 공개"


@pytest.mark.parametrize(
    ("listed", "printed", "same"),
    [
        pytest.param(HEADLINE, HEADLINE, True, id="equal"),
        pytest.param("가상국, AI 기본법 시행령", HEADLINE + "하고 의견 수렴", True, id="cut"),
        pytest.param("가상국 AI기본법 시행령 공개", HEADLINE, True, id="spacing"),
        pytest.param("가상전자, 온디바이스 AI 칩 출시", HEADLINE, False, id="other"),
        pytest.param("AI", "AI 칩", False, id="too-short"),
    ],
)
def test_contents_titles_and_headlines(listed, printed, same):
    assert same_title(listed, printed) is same


@pytest.mark.parametrize("issue", ["2024-04", "2025-02"])
def test_a_known_contents_page_before_article_pages_of_a_new_design_is_read_generically(
    tmp_path, monkeypatch, issue
):
    """SPRi keeps its contents page but drops the KEY Contents box: no article page is
    recognised, so the issue is read generically instead of refused."""
    from dataclasses import replace

    from extract import issue_reader
    from extract.page_lines import read_page

    def without_key_label(page):
        read = read_page(page)
        lines = tuple(line for line in read.lines if line.text.strip() != "KEY Contents")
        return replace(read, lines=lines)

    expected = write_sample_issue(tmp_path / f"{issue}.pdf", issue)
    monkeypatch.setattr(issue_reader, "read_page", without_key_label)
    got = extract_issue(tmp_path / f"{issue}.pdf")
    assert got.layout == "unknown"
    assert [(a.id, a.title, a.section, a.pdf_pages) for a in got.articles] == [
        (a.id, a.title, a.section, a.pdf_pages) for a in expected.articles
    ]
