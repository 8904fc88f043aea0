"""The joined-readings bench gives each text of a joined call back the tokens that fall in it."""

from __future__ import annotations

from typing import NamedTuple

from bench.joined_readings import reading, split_joined


class Token(NamedTuple):
    form: str
    tag: str
    start: int
    len: int
    oov: bool = False


def test_each_text_gets_its_own_tokens_from_its_own_start():
    texts = ["반도체", "AI 칩"]  # joined by " | ": 반도체 | AI 칩
    tokens = [
        Token("반도체", "NNG", 0, 3),
        Token("|", "SO", 4, 1),  # on the separator: no text's
        Token("AI", "SL", 6, 2),
        Token("칩", "NNG", 9, 1),
    ]
    assert split_joined(texts, " | ", tokens) == [
        reading([Token("반도체", "NNG", 0, 3)]),
        reading([Token("AI", "SL", 0, 2), Token("칩", "NNG", 3, 1)]),
    ]


def test_a_token_across_the_separator_is_no_text_s():
    texts = ["0", "조"]  # "0\n조" read as one token would belong to neither
    assert split_joined(texts, "\n", [Token("0\n조", "SN", 0, 3)]) == [(), ()]
