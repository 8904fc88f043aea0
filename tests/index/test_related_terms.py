"""Related terms (연관어): the terms most telling of a query's best matches."""

from __future__ import annotations

from tests.index.conftest import make_article


def test_with_one_match_the_term_it_writes_most_comes_first(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article(
                "2024-05-01", "양자 컴퓨터 개발", bullets=("오류 정정 초전도 초전도 초전도",)
            ),
            make_article("2024-05-02", "반도체 수출 증가"),
            make_article("2024-05-03", "병원 진료 예약"),
        ],
        "sha",
    )
    related = fresh_index.search("양자").related_terms
    # each term is held by the one match and no other article: their G² ties
    assert related[0] == "초전도"
    assert set(related[1:]) >= {"오류", "정정"}
