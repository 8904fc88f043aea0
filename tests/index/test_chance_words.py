"""Words a query requires that the articles on the rest of it hold by chance: counted, not
required of a full match (index/chance_words.py)."""

from __future__ import annotations

import pytest

from tests.index.conftest import make_article

FILLER = ("날씨", "축구", "요리", "여행", "음악", "영화", "독서", "등산", "낚시", "바둑", "정원")
KINDS = "가나다라"


@pytest.fixture
def archive(fresh_index):
    """Twenty articles: five on chips, one of them new; four more on something new; eleven on
    neither. 신규 is held by a quarter of the archive and by a fifth of the articles on chips."""
    articles = [
        make_article("2024-05-01", "반도체 신규 투자 계획"),
        *(make_article(f"2024-05-0{i + 2}", f"반도체 생산 {w}") for i, w in enumerate(KINDS)),
        *(make_article(f"2024-05-0{i + 6}", f"신규 회원 {w}") for i, w in enumerate(KINDS)),
        *(make_article(f"2024-05-{i}", f"{w} 소식") for i, w in enumerate(FILLER, 10)),
    ]
    fresh_index.replace_issue("2024-05", articles, "sha")
    return fresh_index


def test_a_word_the_articles_on_the_rest_hold_by_chance_is_counted_not_required(archive):
    hits = archive.search("반도체 신규").hits
    assert hits[0].id == "2024-05-01"  # the one holding it still comes first
    assert {h.id for h in hits if h.match == "all"} == {f"2024-05-0{i}" for i in range(1, 6)}
    strict = archive.search("반도체 신규", chance=False).hits
    assert [h.id for h in strict if h.match == "all"] == ["2024-05-01"]


def test_a_word_the_articles_on_the_rest_hold_often_stays_required(archive):
    # 생산 is held by four of the five articles on chips: no chance there
    hits = archive.search("반도체 생산").hits
    assert [h.match for h in hits[:4]] == ["all"] * 4
    assert next(h for h in hits if h.id == "2024-05-01").match == "partial"


def test_a_word_no_article_holds_leaves_every_match_partial_with_the_rest_first(archive):
    # the one article holding every other word, in its KEY Contents, below those holding two
    # in their headline when every word is required
    rest = make_article("2024-06-01", "시장 동향", key=("반도체 생산 투자 확대",))
    archive.replace_issue("2024-06", [rest], "sha")
    query = "반도체 생산 투자 잠수함"
    strict = archive.search(query, respell=False, chance=False)
    assert strict.hits[-1].id == "2024-06-01"
    result = archive.search(query, respell=False)
    assert (result.fallback, result.total) == (True, strict.total)
    assert result.hits[0].id == "2024-06-01"
    assert {h.match for h in result.hits} == {"partial"}
    assert all("잠수함" in h.missing for h in result.hits)
