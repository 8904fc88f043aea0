"""Mining cross-script name pairs, and cutting snippets from stored offsets."""

from __future__ import annotations

import pytest

from index.aliases import AliasTable, mine_pairs
from index.highlight import by_first_term, cut_snippet, match_spans, merge_spans


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "튜링상 수상자 요슈아 벤지오(Yoshua Bengio) 교수",
            [("요슈아 벤지오", "Yoshua Bengio")],
            id="two-words",
        ),
        pytest.param(
            "비영리 재단 커런트 AI(Current AI)가 출범",
            [("커런트 AI", "Current AI")],
            id="mixed-script",
        ),
        pytest.param(
            "미국 국립표준기술연구소(NIST)는", [("국립표준기술연구소", "NIST")], id="acronym"
        ),
        pytest.param("AI 법(AI Act)", [("AI 법", "AI Act")], id="law"),
        pytest.param("GPT-4o(OpenAI)", [], id="no-hangul"),
        pytest.param("연구(2024년)", [], id="not-a-name"),
        pytest.param("검색 서비스(perplexity.ai)", [], id="web-address"),
        pytest.param("캐릭터AI(Character.AI)", [("캐릭터AI", "Character.AI")], id="dotted-name"),
        pytest.param("새로운 프로(Cursor Pro) 요금제", [], id="common-noun-for-part"),
        pytest.param("CEO 샘 알트먼(Sam Altman)", [("샘 알트먼", "Sam Altman")], id="full-name"),
        pytest.param("CEO인 머스크(Elon Musk)", [("머스크", "Elon Musk")], id="surname"),
        pytest.param(
            "비영리단체 빌 앤 멜린다 게이츠 재단(Bill and Melinda Gates Foundation)",
            [("빌 앤 멜린다 게이츠 재단", "Bill and Melinda Gates Foundation")],
            id="five-words",
        ),
    ],
)
def test_mine_pairs(text, pairs):
    assert mine_pairs(text) == pairs


def test_alias_table_links_every_spelling_of_a_name():
    table = AliasTable([("오픈AI", "OpenAI", "오픈 AI")])
    assert table.others("openai") == ("오픈 AI", "오픈AI")
    assert table.others("오픈 AI") == ("OpenAI",)
    assert table.others("구글") == ()


def test_match_spans_follow_positions_for_sequences():
    vector = {"ai": [(0, 0, 2), (5, 20, 22)], "안전": [(1, 2, 4)], "연구소": [(2, 4, 7)]}
    assert match_spans(vector, [("ai", "안전", "연구소")]) == [(0, 7)]
    assert match_spans(vector, [("ai",)]) == [(0, 2), (20, 22)]
    sequences = [("안전", "연구소"), ("ai", "안전"), ("ai",), ("연구소", "ai"), ("없는말",)]
    assert match_spans(vector, by_first_term(sequences)) == [(0, 7), (20, 22)]
    assert match_spans(vector, sequences) == [(0, 7), (20, 22)]


def test_merge_spans_joins_overlaps():
    assert merge_spans([(4, 7), (0, 2), (0, 7), (9, 10)]) == [(0, 7), (9, 10)]


def test_cut_snippet_cuts_a_window_around_the_marks():
    text = "가" * 300 + " 규제 샌드박스 " + "나" * 300
    snippet, marks = cut_snippet(text, [(301, 303)], width=60)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[start:end] for start, end in marks] == ["규제"]
    assert len(snippet) <= 62


def test_cut_snippet_marks_count_code_points_after_the_ellipsis():
    text = "앞 " * 100 + "😀 규제\n끝"
    snippet, marks = cut_snippet(text, [(len(text) - 4, len(text) - 2)], width=60)
    assert [snippet[start:end] for start, end in marks] == ["규제"]
    assert "\n" not in snippet


def test_a_model_is_found_by_the_spelling_the_press_gives_it():
    """Qwen is 큐원 in the Brief and 큐웬 in much of the Korean press: one name, either way."""
    from index.aliases import curated_aliases

    table = AliasTable(curated_aliases())
    assert "큐원" in table.others("큐웬")
