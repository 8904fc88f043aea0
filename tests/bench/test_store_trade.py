"""The store trade's one-article pairs: terms held only as glued pairs, by a single article."""

from __future__ import annotations

from bench.store_trade import one_article_pairs
from index.analysis import Term


def test_a_pair_counts_only_when_no_article_holds_it_otherwise_and_one_holds_it():
    analyses = {
        "저작권 소송": [Term("저작권", 0, 0, 3), Term("저작권소송", 0, 0, 6, "pair")],
        "소송 결과": [Term("소송결과", 0, 0, 5, "pair")],
        "소송결과": [Term("소송결과", 0, 0, 4)],  # also a part of its own elsewhere
        "데이터 센터": [Term("데이터센터", 0, 0, 6, "pair")],
    }
    docs = [["저작권 소송", "소송 결과"], ["소송결과"], ["데이터 센터"], ["데이터 센터"]]
    assert one_article_pairs(docs, analyses) == {"저작권소송"}
