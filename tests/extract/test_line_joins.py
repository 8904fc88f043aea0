"""Rejoining wrapped lines: the trailing-space rule and its measured exceptions."""

from __future__ import annotations

import pytest

from extract.line_joins import join_wrapped_lines, needs_space, plain_rule_needs_space
from extract.page_lines import Line


def line(text: str, x1: float = 550.0) -> Line:
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
def test_join(upper, lower, joined):
    assert join_wrapped_lines([line(upper), line(lower)]) == joined


def test_a_word_boundary_without_trailing_space_is_glued_whatever_the_line_length():
    """The known limit of the rule (measured: it never occurs in the real issues, which are
    justified): "접근성 높은 구제" + "수단을" is two words but reads as one."""
    upper, lower = line("접근성 높은 구제", x1=300.0), line("수단을 보장")
    assert not needs_space(upper, lower)
    assert plain_rule_needs_space(upper, lower) == needs_space(upper, lower)
    assert join_wrapped_lines([upper, lower]) == "접근성 높은 구제수단을 보장"


def test_three_lines_and_runs_of_spaces():
    lines = [line("첫째  줄의 "), line("둘째 줄이 이어지"), line("는 문장")]
    assert join_wrapped_lines(lines) == "첫째 줄의 둘째 줄이 이어지는 문장"


def test_no_lines():
    assert join_wrapped_lines([]) == ""
