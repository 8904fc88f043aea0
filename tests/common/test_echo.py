"""The one rule for how much of a refused value a message repeats."""

from __future__ import annotations

from common.echo import ECHO_CHARS, echoed


def test_a_short_value_is_quoted_whole():
    assert echoed("경제") == "'경제'"


def test_a_long_value_is_cut_with_an_ellipsis():
    assert echoed("가" * 5000) == repr("가" * (ECHO_CHARS - 1) + "…")


def test_a_control_character_stays_escaped_on_one_line():
    assert echoed("a\nb") == "'a\\nb'"
