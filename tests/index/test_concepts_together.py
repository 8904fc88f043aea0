"""A full match that holds the query's required concepts within a few words of one another ranks
above one that holds them apart: of two articles with the same words, the one whose bullet holds
both comes first."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from bench.search_quality import MECHANISMS
from index import SearchIndex, derive_actors
from index.concepts import ConceptTable
from index.concepts_together import RAISE, WINDOW, forms_of, narrowest, together_raised
from index.near_query import Near
from index.postings_scorer import PostingsScorer
from tests.index.conftest import filler_articles, make_article

# More words than WINDOW between the two concepts where they stand apart.
BETWEEN = "항구 주변 날씨 바람 파도 조류 선박 어선 부두 창고 시장 어부 그물 등불 해변"


def articles(issue: str) -> list:
    """Two articles holding both words twice: apart in the first, together in the second,
    which four more words of its own make score less by its words alone."""
    return [
        make_article(
            f"{issue}-01",
            "해안 조사 결과",
            bullets=("고래 관측", "고래 조사", BETWEEN, "등대 관측", "등대 조사"),
        ),
        make_article(
            f"{issue}-02",
            "해안 조사 결과",
            bullets=("고래 등대 관측", "고래 등대 조사", BETWEEN, "산책 공원 나무 숲"),
        ),
        *filler_articles(issue),
    ]


@pytest.fixture(scope="module")
def coast_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("together"), concepts=ConceptTable((), 1))
    index.replace_issue("2024-06", derive_actors(articles("2024-06")), "sha")
    return index


def order(result) -> list[str]:
    return [hit.id for hit in result.hits]


def scores(result) -> dict[str, float]:
    return {hit.id: hit.score for hit in result.hits}


def test_the_article_holding_both_concepts_in_one_bullet_comes_first(coast_index):
    # feedback off: its terms would add to both scores
    result = coast_index.search("고래 등대", feedback=False, together=True)
    assert [hit.match for hit in result.hits] == ["all", "all"]
    assert order(result) == ["2024-06-02", "2024-06-01"]
    unraised = scores(coast_index.search("고래 등대", feedback=False, together=False))
    assert scores(result) == pytest.approx(
        {"2024-06-02": unraised["2024-06-02"] * (1 + RAISE), "2024-06-01": unraised["2024-06-01"]}
    )


def test_switched_off_the_words_alone_order_them(coast_index):
    result = coast_index.search("고래 등대", feedback=False, together=False)
    assert order(result) == ["2024-06-01", "2024-06-02"]


def test_it_is_off_unless_asked(coast_index):
    assert order(coast_index.search("고래 등대", feedback=False)) == ["2024-06-01", "2024-06-02"]


def test_a_query_of_one_concept_is_not_reordered(coast_index):
    on, off = coast_index.search("고래", together=True), coast_index.search("고래")
    assert [(h.id, h.score) for h in on.hits] == [(h.id, h.score) for h in off.hits]


@pytest.mark.parametrize(
    ("limit", "raised"),
    [
        pytest.param(None, True, id="every-match"),
        pytest.param(2, True, id="within-the-page"),
        pytest.param(1, False, id="out-of-reach-of-the-page"),
    ],
)
def test_only_a_match_the_raise_could_bring_into_the_page_is_read(coast_index, limit, raised):
    words = [wq.Term("content", "고래"), wq.Term("content", "등대")]
    with coast_index._reading() as searcher:
        together, apart = (searcher.document_number(id=f"2024-06-0{n}") for n in (2, 1))
        full = {apart: 5.0, together: 1.0}  # 1.1 is still below 5.0
        found = together_raised(searcher, PostingsScorer.of(searcher), words, full, limit)
    assert found == {apart: 5.0, together: 1.0 + RAISE if raised else 1.0}


@pytest.mark.parametrize(
    ("places", "width"),
    [
        pytest.param([(3, 0), (4, 1)], 2, id="side-by-side"),
        pytest.param([(3, 0), (40, 1), (9, 0)], 32, id="nearest-pair"),
        pytest.param([(1, 0), (30, 1), (31, 2), (33, 0)], 4, id="three-concepts"),
        pytest.param([(5, 1), (2, 0), (6, 0), (90, 1)], 2, id="unordered"),
        pytest.param([(1, 0), (8, 0)], None, id="one-concept"),
        pytest.param([], None, id="none"),
    ],
)
def test_the_narrowest_stretch_holds_a_place_of_every_concept(places, width):
    assert narrowest(places) == width


def test_the_window_is_a_few_words():
    assert 3 <= WINDOW <= 20


def test_a_concept_s_forms_are_its_words_in_the_searched_text():
    concept = wq.DisjunctionMax(
        [
            wq.Term("content", "반도체"),
            wq.Term("title", "반도체"),
            wq.And([wq.Term("content", "ai"), wq.Term("content", "칩")]),
            wq.Phrase("content", ["신경망", "처리"]),
            Near("content", ["그래픽", "처리", "장치"], 3),
            wq.Term("country", "KR"),
        ]
    )
    assert forms_of(concept) == [
        ("반도체",),
        ("ai", "칩"),
        ("신경망", "처리"),
        ("그래픽", "처리", "장치"),
    ]


def test_the_rule_is_a_switch_of_the_quality_bench():
    assert "together" in MECHANISMS
