"""Characters: NFKC folding, kept circled numbers, superscripts as ^n."""

from __future__ import annotations

import pytest

from extract.page_lines import _spans_text
from extract.text_forms import normalize_text


@pytest.mark.parametrize(
    ("printed", "clean"),
    [
        pytest.param("상하이교통\u2f24 연구진", "상하이교통大 연구진", id="kangxi-radical"),
        pytest.param("정책\uff65법제", "정책・법제", id="halfwidth-middle-dot"),
        pytest.param("ＡＩ ２０２４", "AI 2024", id="fullwidth"),
        pytest.param("①공익 ②환경", "①공익 ②환경", id="circled-numbers-kept"),
        pytest.param("10²⁶ 플롭스", "10^26 플롭스", id="superscript-digits"),
    ],
)
def test_normalize_text(printed, clean):
    assert normalize_text(printed) == clean


def span(text: str, size: float, baseline: float) -> dict:
    return {"text": text, "size": size, "origin": (0.0, baseline), "font": "KoPub", "flags": 4}


def test_raised_small_digits_after_digits_become_a_power():
    spans = [span("총 10", 11.5, 100.0), span("26", 7.3, 94.8), span(" 플롭스", 11.5, 100.0)]
    assert _spans_text(spans, 11.5) == "총 10^26 플롭스"


def test_raised_footnote_mark_is_left_as_printed():
    spans = [span("X 계정", 12.0, 100.0), span("*", 7.3, 95.0), span("을 통해", 12.0, 100.0)]
    assert _spans_text(spans, 12.0) == "X 계정*을 통해"


def test_same_size_digits_on_the_baseline_are_plain_text():
    spans = [span("10", 11.5, 100.0), span("26", 11.5, 100.0)]
    assert _spans_text(spans, 11.5) == "1026"
