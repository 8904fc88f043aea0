"""Rejoining wrapped lines: the trailing-space rule and its measured exceptions."""

from __future__ import annotations

import pytest

from extract.line_joins import join_wrapped_lines, needs_space, plain_rule_needs_space
from extract.page_lines import Line

EDGE = 550.0


def line(text: str, x1: float = EDGE) -> Line:
    return Line(text=text, x0=73.0, y0=0.0, x1=x1, y1=12.0, size=12.0, bold=False)


@pytest.mark.parametrize(
    ("upper", "lower", "joined"),
    [
        pytest.param(
            "200억 유로의 기", "금을 포함한", "200억 유로의 기금을 포함한", id="inside-word"
        ),
        pytest.param(
            "AI 위원회를 소집하고 ",
            "2023년 10월",
            "AI 위원회를 소집하고 2023년 10월",
            id="trailing-space",
        ),
        pytest.param(
            "국가AI연구자원", "(NAIRR) 시범", "국가AI연구자원(NAIRR) 시범", id="bracket-glued"
        ),
        pytest.param(
            "요금(월 9천원)", "의 구독료", "요금(월 9천원)의 구독료", id="particle-after-bracket"
        ),
        pytest.param(
            "Will Overnight", "in Overwhelm", "Will Overnight in Overwhelm", id="latin-words"
        ),
        pytest.param("See Creators", "& Kids", "See Creators & Kids", id="latin-ampersand"),
        pytest.param(
            "https://aaai.org/aaai-confere",
            "nce/",
            "https://aaai.org/aaai-conference/",
            id="url-broken-anywhere",
        ),
        pytest.param("오픈", "AI와 협력", "오픈AI와 협력", id="hangul-then-latin"),
    ],
)
def test_join_at_the_right_edge(upper, lower, joined):
    assert join_wrapped_lines([line(upper), line(lower)], EDGE) == joined


def test_line_short_of_the_edge_ended_at_a_word_boundary():
    upper, lower = line("접근성 높은 구제", x1=EDGE - 40), line("수단을 보장")
    assert needs_space(upper, lower, EDGE)
    assert not plain_rule_needs_space(upper, lower)
    assert join_wrapped_lines([upper, lower], EDGE) == "접근성 높은 구제 수단을 보장"


def test_without_a_known_edge_only_the_text_decides():
    assert not needs_space(line("접근성 높은 구제", x1=100), line("수단을"), None)


def test_three_lines_and_runs_of_spaces():
    lines = [line("첫째  줄의 "), line("둘째 줄이 이어지"), line("는 문장")]
    assert join_wrapped_lines(lines, EDGE) == "첫째 줄의 둘째 줄이 이어지는 문장"


def test_no_lines():
    assert join_wrapped_lines([], EDGE) == ""
