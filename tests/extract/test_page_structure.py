"""Page furniture, the contents page and an article's structure, from lines built here."""

from __future__ import annotations

import pytest

from extract.article_pages import assemble, is_article_start, is_continuation, split_paragraphs
from extract.contents_page import ContentsEntry, read_contents
from extract.glyphs import BULLET, HEADING, SUB, span_marker, split_leading_marker
from extract.layouts import GENERATION_2023, GENERATION_2025, detect_layout, section_of_label
from extract.page_lines import Line, PageText, reading_order
from extract.running_heads import page_number, strip_furniture


def line(text, y, *, x0=73.0, x1=550.0, size=12.0, marker=None, bold=False) -> Line:
    return Line(text=text, x0=x0, y0=y, x1=x1, y1=y + size, size=size, bold=bold, marker=marker)


def page(*lines: Line, number: int = 5) -> PageText:
    return PageText(number=number, width=612.0, height=858.0, lines=tuple(lines))


@pytest.mark.parametrize(
    ("layout", "furniture"),
    [
        pytest.param(GENERATION_2023, "SPRi AI Brief |  2023-12월호", id="2023-head"),
        pytest.param(GENERATION_2023, "SPRi AI Brief |", id="2023-head-split"),
        pytest.param(GENERATION_2023, "2023-12월호", id="2023-issue"),
        pytest.param(GENERATION_2023, "SPRi AI Brief |  2023-1월호", id="2023-misprint"),
        pytest.param(GENERATION_2025, "SPRi AI Brief", id="2025-head"),
        pytest.param(GENERATION_2025, "2025년 3월호", id="2025-issue"),
        pytest.param(GENERATION_2025, "| 2025년 3월호 |", id="2025-divider"),
    ],
)
def test_running_heads_are_dropped(layout, furniture):
    kept = line("미국 백악관은 AI 행정명령을 발표", 200)
    assert strip_furniture(page(line(furniture, 40, size=8.0), kept), layout) == [kept]


@pytest.mark.parametrize(
    ("layout", "tab"),
    [
        pytest.param(GENERATION_2023, "1. 정책/법제  ", id="2023"),
        pytest.param(GENERATION_2023, " 4. 인력/교육", id="2023-leading-space"),
        pytest.param(GENERATION_2025, "기술・연구", id="2025"),
    ],
)
def test_section_tabs_are_dropped_but_large_section_names_kept(layout, tab):
    small, large = line(tab, 76, size=7.9), line(tab, 300, size=13.0)
    assert strip_furniture(page(small, large), layout) == [large]


def test_page_number_in_the_foot_only():
    foot, body = line("16", 815, size=9.0), line("16", 300)
    assert page_number(page(body, foot)) == 16
    assert strip_furniture(page(body, foot), GENERATION_2023) == [body]
    assert page_number(page(body)) is None


@pytest.mark.parametrize(
    ("text", "marker", "rest"),
    [
        pytest.param("n 미국이 발표", BULLET, "미국이 발표", id="bare-n"),
        pytest.param("■ 미국이 발표", BULLET, " 미국이 발표", id="printed-square"),
        pytest.param("□ 소제목", HEADING, " 소제목", id="printed-heading"),
        pytest.param("∙세부 내용", SUB, "세부 내용", id="sub"),
        pytest.param("n OpenAI가 발표", BULLET, "OpenAI가 발표", id="bare-n-before-latin"),
        pytest.param("n-gram 모델", None, "n-gram 모델", id="latin-n-kept"),
        pytest.param("n개의 모델", None, "n개의 모델", id="n-as-a-number-kept"),
    ],
)
def test_leading_glyphs(text, marker, rest):
    assert split_leading_marker(text) == (marker, rest)


def test_symbol_font_spans():
    assert span_marker("Wingdings-Regular", "n") == BULLET
    assert span_marker("Wingdings-Regular", "£") == HEADING
    assert span_marker("Haansoft Batang", "∙") == SUB
    assert span_marker("KoPubDotumLight", "n") is None


def test_reading_order_puts_same_row_left_to_right():
    title, label, number = (
        line("∙제목", 166.4, x0=209),
        line("정책・법제", 166.6, x0=66),
        line("2", 167.0, x0=536),
    )
    assert reading_order([number, title, label]) == [label, title, number]


def test_section_names_in_every_spelling():
    assert section_of_label("1. 정책/법제") == "정책/법제"
    assert section_of_label("기업・산업 ") == "기업/산업"
    assert section_of_label("주요행사일정") is None


def test_detect_layout():
    assert detect_layout("2025년 3월호\nCONTENTS") is GENERATION_2025
    assert detect_layout("I. 인공지능 산업 동향 브리프") is GENERATION_2023
    assert detect_layout("Annual report") is None


def test_contents_2023_with_dot_leaders():
    contents = page(
        line("I. 인공지능 산업 동향 브리프", 215, size=17.8),
        line("1. 정책/법제", 271, size=11.0),
        line("▹ 미국, AI 행정명령 발표 ··········· 1", 288, size=10.0),
        line("▹ 영국, AI 3.5 모델 공개 ········· 2", 304, size=10.0),
        line("2. 기업/산업", 330, size=11.0),
        line("▹ 구글, 제미나이 1.5 공개 ······· 3", 346, size=10.0),
        line("II. 주요 행사", 705, size=17.8),
        line("▹ICLR 2024 ·········· 20", 759, size=10.0),
        number=2,
    )
    assert read_contents(contents, GENERATION_2023) == [
        ContentsEntry("정책/법제", "미국, AI 행정명령 발표", 1),
        ContentsEntry("정책/법제", "영국, AI 3.5 모델 공개", 2),
        ContentsEntry("기업/산업", "구글, 제미나이 1.5 공개", 3),
    ]


def test_contents_2025_with_numbers_apart_from_titles():
    contents = page(
        line("CONTENTS", 124, x0=65, size=21.5),
        line("정책・법제", 166.6, x0=66, x1=122, size=14.7),
        line("미국 자문위원회, 보고서 발간", 166.4, x0=209, x1=470, size=10, marker=SUB),
        line("2", 167.0, x0=536, x1=541, size=10),
        line("오픈AI, GPT-4.5 공개", 184.4, x0=209, x1=400, size=10, marker=SUB),
        line("3", 185.0, x0=536, x1=541, size=10),
        line("인력・교육", 568.5, x0=66, x1=126, size=14.7),
        line("딜로이트 조사 결과", 568.3, x0=209, x1=400, size=10, marker=SUB),
        line("21", 568.9, x0=530, x1=541, size=10),
        line("주요행사일정", 679.0, x0=66, size=14.7),
        line("25", 678.8, x0=530, x1=541, size=10),
        number=2,
    )
    assert read_contents(contents, GENERATION_2025) == [
        ContentsEntry("정책/법제", "미국 자문위원회, 보고서 발간", 2),
        ContentsEntry("정책/법제", "오픈AI, GPT-4.5 공개", 3),
        ContentsEntry("인력/교육", "딜로이트 조사 결과", 21),
    ]


def article_lines() -> list[Line]:
    """One article page as the reader sees it, furniture already gone."""
    return [
        line("유럽연합, AI 법에 잠정 합의", 100, x0=65, x1=400, size=15.0),
        line("KEY Contents", 130, x0=101, x1=177, size=12.0, bold=True),
        line("EU가 AI 법의 최종 ", 156, x0=87, x1=531, marker=BULLET),
        line("합의에 도달", 174, x0=102, x1=300),
        line("합의안은 2026년 시행 예정", 198, x0=87, x1=400, marker=BULLET),
        line("EU, 세계 최초의 AI 규제", 264, x0=65, x1=445, size=13.0, marker=HEADING, bold=True),
        line("유럽의회와 이사회가 200억 유로의 기", 301, x0=73, marker=BULLET),
        line("금을 포함한 법안에 합의*", 320, x0=88, x1=400),
        line("* 유럽연합 집행위원회가 2021년 제안", 340, x0=90, x1=400, size=9.0),
        line("고위험 AI의 의무를 규정", 360, x0=79, x1=400, size=11.5, marker=SUB),
        line("<AI 법의 위험 단계 예시>", 390, x0=200, x1=420, size=11.0, bold=True),
        line("허용 불가", 420, x0=150, x1=200, size=9.0),
        line("☞ 출처 : European Parliament, AI Act deal, 2023.12.09.", 757, x0=65, size=10.0),
        line("Reuters, EU agrees ", 774, x0=108, x1=549, size=10.0),
        line("landmark rules, 2023.12.10.", 790, x0=108, x1=300, size=10.0),
    ]


def test_article_structure_from_lines():
    lines = article_lines()
    assert is_article_start(lines)
    parts = assemble(split_paragraphs(lines, GENERATION_2023))
    assert parts.title == "유럽연합, AI 법에 잠정 합의"
    assert parts.key_contents == ("EU가 AI 법의 최종 합의에 도달", "합의안은 2026년 시행 예정")
    assert len(parts.body) == 1
    section = parts.body[0]
    assert section.heading == "EU, 세계 최초의 AI 규제"
    assert [b.text for b in section.bullets] == [
        "유럽의회와 이사회가 200억 유로의 기금을 포함한 법안에 합의*"
    ]
    assert section.bullets[0].sub == ("고위험 AI의 의무를 규정",)
    assert parts.footnotes == ("* 유럽연합 집행위원회가 2021년 제안",)
    assert parts.captions == ("<AI 법의 위험 단계 예시>",)
    assert [(s.outlet, s.date) for s in parts.sources] == [
        ("European Parliament", "2023-12-09"),
        ("Reuters", "2023-12-10"),
    ]
    assert parts.sources[1].title == "EU agrees landmark rules"


def test_figure_text_stays_out_of_the_body():
    lines = article_lines()
    parts = assemble(split_paragraphs(lines, GENERATION_2023))
    everything = " ".join(
        [parts.title, *parts.key_contents, *(b.text for s in parts.body for b in s.bullets)]
    )
    assert "허용 불가" not in everything
    assert "예시" not in everything


def test_page_without_headline_is_not_an_article_start():
    lines = [ln for ln in article_lines() if ln.size < 14]
    assert not is_article_start(lines)


def test_bullet_resumes_after_a_footnote_set_between_its_lines():
    lines = [
        line("제목", 100, size=15.0),
        line("KEY Contents", 130, bold=True),
        line("요약 하나", 156, marker=BULLET),
        line("요약 둘", 176, marker=BULLET),
        line("소제목", 264, size=13.0, marker=HEADING),
        line("협약* 초안에 ", 301, marker=BULLET),
        line("* Framework Convention", 320, x0=90, size=9.0),
        line("합의했다고 발표", 340, x0=88),
        line("세부 사항", 360, size=11.5, marker=SUB),
    ]
    parts = assemble(split_paragraphs(lines, GENERATION_2023))
    bullet = parts.body[0].bullets[0]
    assert bullet.text == "협약* 초안에 합의했다고 발표"
    assert bullet.sub == ("세부 사항",)
    assert parts.footnotes == ("* Framework Convention",)


def test_a_page_without_headline_continues_the_article():
    continued = [line("앞 글머리의 계속", 100, x0=88), line("다음 항목", 130, marker=BULLET)]
    assert is_continuation(continued, GENERATION_2025)
    assert not is_continuation([line("정책・법제", 326, size=34.0)], GENERATION_2025)
    first_page = article_lines()[:10]  # ends inside a sub-bullet: no caption, no sources
    assert first_page[-1].text == "고위험 AI의 의무를 규정"
    parts = assemble(split_paragraphs(first_page + continued, GENERATION_2023))
    bullets = parts.body[0].bullets
    assert bullets[0].sub == ("고위험 AI의 의무를 규정앞 글머리의 계속",)
    assert [b.text for b in bullets][-1] == "다음 항목"
