"""What a search says it also matched: the few forms added that the hits hold, most held
first, at most eight, and the count of the rest."""

from __future__ import annotations

from types import SimpleNamespace

from archive.also_matched import AlsoMatched, also_matched


def result(expansions, found):
    return SimpleNamespace(expansions=expansions, expansions_found=found)


def test_nothing_added_says_nothing():
    assert also_matched(result({}, {})) is None


def test_the_forms_most_held_are_named_by_word_in_the_query_s_order():
    expansions = {
        "딥페이크": ("deepfake", "얼굴 합성", "합성 영상"),
        "규제": ("법안", "지침", "입법"),
    }
    found = {"규제": {"지침": 4, "법안": 2, "입법": 1}, "딥페이크": {"얼굴 합성": 3, "deepfake": 1}}
    also = also_matched(result(expansions, found), most=3)
    assert also == AlsoMatched(
        found=(("딥페이크", (("얼굴 합성", 3),)), ("규제", (("지침", 4), ("법안", 2)))), more=3
    )
    assert also.named == 3


def test_forms_none_of_the_hits_hold_are_only_counted():
    also = also_matched(result({"일자리": ("고용", "jobs", "채용")}, {}))
    assert (also.found, also.more, also.named) == ((), 3, 0)


def test_at_most_eight_are_named():
    forms = tuple(f"말{n}" for n in range(20))
    found = {"합의": {form: 20 - n for n, form in enumerate(forms)}}
    also = also_matched(result({"합의": forms}, found))
    assert (also.found[0][1][-1], also.named, also.more) == (("말7", 13), 8, 12)
