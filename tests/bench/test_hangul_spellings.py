"""The rules that derive Hangul spellings of English terms for the thesaurus's candidates."""

from __future__ import annotations

import pytest

from bench.hangul_spellings import respell, spell
from bench.loanword_candidates import Line, candidates, is_gap


# spell() reads the CMU Pronouncing Dictionary, about 1.4 CPU-s a process
@pytest.mark.slow
@pytest.mark.parametrize(
    ("english", "hangul"),
    [
        pytest.param("hallucination", "할루시네이션", id="reduced-vowel-as-its-letter"),
        pytest.param("inference", "인퍼런스", id="er-before-a-vowel"),
        pytest.param("alignment", "얼라인먼트", id="l-between-vowels-twice"),
        pytest.param("compliance", "컴플라이언스", id="l-after-a-consonant"),
        pytest.param("fine-tuning", "파인 튜닝", id="u-after-t"),
        pytest.param("token", "토큰", id="syllabic-n"),
        pytest.param("chatbot", "챗봇", id="a-word-the-dictionary-lacks-from-two-it-holds"),
        pytest.param("deepfake", "딥페이크", id="tense-coda-after-long-i"),
        pytest.param("benchmark", "벤치마크", id="r-dropped-before-a-consonant"),
        pytest.param("frontier", "프런티어", id="final-r-after-a-front-vowel"),
        pytest.param("regulation", "레귤레이션", id="glide"),
        pytest.param("ChatGPT", "챗 지피티", id="word-and-acronym"),
        pytest.param("LLM", "엘엘엠", id="acronym-by-letter-names"),
    ],
)
def test_an_english_form_is_spelt_as_korean_writers_do(english, hangul) -> None:
    assert hangul in spell(english)


@pytest.mark.slow  # the CMU Pronouncing Dictionary
def test_an_acronym_is_also_kept_in_latin_letters() -> None:
    assert "sovereign AI" not in spell("sovereign AI")
    assert any(s.endswith(" AI") for s in spell("sovereign AI"))


@pytest.mark.parametrize(
    ("written", "also"),
    [
        pytest.param("프런티어", "프론티어", id="런-론"),
        pytest.param("리더십", "리더쉽", id="십-쉽"),
        pytest.param("피처", "피쳐", id="처-쳐"),
        pytest.param("챗봇", "쳇봇", id="ㅐ-ㅔ"),
        pytest.param("딥페이크", "디프페이크", id="coda-opened"),
        pytest.param("디프페이크", "딥페이크", id="coda-closed"),
        pytest.param("할루시네이션", "하루시네이션", id="double-l-once"),
        pytest.param("비즈니스", "비지니스", id="즈-지"),
    ],
)
def test_a_loanword_is_respelt_one_change_at_a_time(written, also) -> None:
    assert also in respell(written)
    assert written not in respell(written)


@pytest.mark.slow  # the CMU Pronouncing Dictionary
def test_a_line_lists_only_spellings_it_does_not_hold() -> None:
    line = Line("concepts", "환각", ("환각", "할루시네이션", "hallucination"))
    found = {c.spelling for c in candidates(line)}
    assert "할루시네이션" not in found
    assert "하루시네이션" in found  # respelt from the loanword the line holds
    assert not is_gap(line)
    assert is_gap(Line("concepts", "추론 연산", ("추론 연산", "inference")))
