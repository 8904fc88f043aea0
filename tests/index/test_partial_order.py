"""The partial matches that lack the query's rarest topic (a thesaurus concept or a country, held
by no more than a fifth of the archive) count less: an article that says the query's other
word twice does not outrank the one that holds the topic; switched on, each counts the share of
the query it says, a word that names no topic weighing by how bursty it is in the archive."""

from __future__ import annotations

import math

import pytest

from bench.search_quality import MECHANISMS
from index import SearchIndex, derive_actors
from index.burstiness import BURSTY, FLAT, burstiness, bursty_share
from index.concepts import Concept, ConceptTable
from index.partial_order import COVERAGE_POWER, LACKING_RAREST, matching
from index.salience import SAID
from tests.index.conftest import filler_articles, make_article

TOPICS = ConceptTable((Concept("재교육", ("리스킬링",)),), 1)


def articles(issue: str) -> list:
    return [
        # the other word twice, no topic
        make_article(f"{issue}-01", "사무직 설문 결과", bullets=("노동자 응답", "노동자 비율")),
        # the topic once
        make_article(f"{issue}-02", "일자리 영향 분석", bullets=("재교육 필요",)),
        # the other word once
        make_article(f"{issue}-03", "근무 형태 변화", bullets=("노동자 증가",)),
        *filler_articles(issue),
    ]


@pytest.fixture(scope="module")
def topic_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("rarest"), concepts=TOPICS)
    index.replace_issue("2024-06", derive_actors(articles("2024-06")), "sha")
    return index


@pytest.fixture(scope="module")
def plain_index(tmp_path_factory) -> SearchIndex:
    """The same articles, with a thesaurus that knows neither word."""
    index = SearchIndex.open(tmp_path_factory.mktemp("plain"), concepts=ConceptTable((), 1))
    index.replace_issue("2024-06", derive_actors(articles("2024-06")), "sha")
    return index


def order(result) -> list[str]:
    return [hit.id for hit in result.hits]


def test_a_partial_match_holding_the_rarest_topic_comes_first(topic_index):
    result = topic_index.search("노동자 재교육")
    assert {hit.match for hit in result.hits} == {"partial"}
    assert order(result)[0] == "2024-06-02"


def test_switched_off_the_partial_matches_are_ordered_by_their_score(topic_index):
    result = topic_index.search("노동자 재교육", rarest=False)
    assert order(result)[0] == "2024-06-01"  # its score is the highest
    lacking = result.hits[0].score * LACKING_RAREST
    assert lacking < result.hits[1].score  # so that the rule reorders them


def test_a_word_no_concept_names_is_no_topic(plain_index):
    assert order(plain_index.search("노동자 재교육"))[0] == "2024-06-01"


def test_a_topic_more_than_a_fifth_of_the_archive_holds_does_not_reorder(tmp_path):
    many = [
        make_article(f"2024-06-{n:02d}", f"직업 교육 {n}", bullets=("재교육 과정",))
        for n in range(10, 20)
    ]
    index = SearchIndex.open(tmp_path / "common", concepts=TOPICS)
    index.replace_issue("2024-06", derive_actors([*articles("2024-06")[:3], *many]), "sha")
    assert order(index.search("노동자 재교육"))[0] == "2024-06-01"


@pytest.mark.parametrize(
    ("query", "topics"),
    [
        pytest.param("노동자 재교육", (1,), id="concept"),
        pytest.param("중국의 노동자", (0,), id="country"),
        pytest.param("노동자 =재교육", (), id="exact"),
        pytest.param("앤트로픽의 노동자", (0,), id="name"),
        pytest.param("=앤트로픽 노동자", (), id="exact-name"),
    ],
)
def test_a_query_names_its_topics(query, topics):
    from index.aliases import AliasTable
    from index.query_builder import QueryBuilder
    from index.query_syntax import parse_query

    names = AliasTable([("앤트로픽", "Anthropic")])
    compiled = QueryBuilder(names, TOPICS).build(parse_query(query), query)
    assert compiled.topics == topics


def test_without_the_thesaurus_only_names_and_countries_are_topics():
    from index.aliases import AliasTable
    from index.query_builder import QueryBuilder
    from index.query_syntax import parse_query

    unexpanded = QueryBuilder(AliasTable([("앤트로픽", "Anthropic")]), TOPICS, expand=False)
    query = "노동자 재교육 앤트로픽"
    assert unexpanded.build(parse_query(query), query).topics == (2,)


def test_the_rule_is_a_switch_of_the_quality_bench():
    assert "rarest" in MECHANISMS


# Coverage (off by default): a partial match counts the share of the query it says, each concept
# weighted by its idf, and a word that names no topic by how bursty it is too.
PLAIN = ConceptTable((), 1)


def covering(issue: str) -> list:
    return [
        # one word of three, said three times
        make_article(f"{issue}-01", "노동자 설문 결과", bullets=("노동자 응답", "노동자 비율")),
        # the two others, each once
        make_article(f"{issue}-02", "일자리 전망", bullets=("실업 통계 발표",)),
        # 실업 said in the headline, the KEY Contents and the body: a bursty word
        make_article(f"{issue}-03", "실업 급증", key=("실업 대책",), bullets=("실업 증가",)),
        # 통계 once, as in -02: a flat word, held in passing wherever it is held
        make_article(f"{issue}-04", "노동 시장 보고서", bullets=("통계 공개",)),
        *(
            make_article(f"{issue}-{n:02d}", f"공장 견학 {n}", bullets=("노동자 안내",))
            for n in range(5, 9)
        ),
        *filler_articles(issue),
    ]


@pytest.fixture(scope="module")
def coverage_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("coverage"), concepts=PLAIN)
    index.replace_issue("2024-06", derive_actors(covering("2024-06")), "sha")
    return index


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("노동자", (4 + 1 + 1 + 1 * 4) / 5, id="said-by-one"),
        pytest.param("실업", (1 + 4 + 2 + 1) / 2, id="bursty"),
        pytest.param("통계", (1 + 1) / 2, id="flat"),
        pytest.param("없는말", FLAT, id="unheld"),
    ],
)
def test_burstiness_is_the_mean_weight_of_a_word_where_it_is_held(coverage_index, word, expected):
    from whoosh import query as wq

    from index.postings_scorer import PostingsScorer

    with coverage_index._reading() as searcher:
        evaluator = PostingsScorer.of(searcher)
        assert burstiness(evaluator, wq.Term("content", word)) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("words", "held"),
    [
        pytest.param(("노동자",), 5, id="one-form"),
        pytest.param(("노동자", "실업"), 7, id="any-form"),
        pytest.param(("없는말",), 0, id="unheld"),
    ],
)
def test_a_concept_is_counted_by_the_articles_any_of_its_forms_matches(coverage_index, words, held):
    from whoosh import query as wq

    from index.postings_scorer import PostingsScorer

    with coverage_index._reading() as searcher:
        concept = wq.Or([wq.Term("content", word) for word in words])
        assert matching(PostingsScorer.of(searcher), concept) == held


@pytest.mark.parametrize(
    ("value", "share"),
    [(0.5, 0.0), (FLAT, 0.0), (2.0, 0.5), (BURSTY, 1.0), (9.0, 1.0)],
)
def test_a_word_counts_as_a_topic_by_its_burstiness(value, share):
    assert bursty_share(value) == share


def test_each_partial_match_counts_the_weighted_share_it_says(coverage_index):
    query = "노동자 실업 통계"
    plain = {h.id: h.score for h in coverage_index.search(query).hits}
    found = {h.id: h.score for h in coverage_index.search(query, coverage=True).hits}
    size = len(covering("2024-06"))  # 38 articles: 노동자 in 5, 실업 and 통계 in 2 each

    def idf(held: int) -> float:
        return math.log((size + 1) / (held + 1))

    # no word names a topic: each weighs its idf times its burstiness's share (2.0, 4.0, 1.0)
    worker, jobless, flat = idf(5) * 0.5, idf(2) * 1.0, 0.0
    whole = worker + jobless + flat
    said_once = 1 / SAID  # a word once in the body is said in part

    def expected(article: str, held: float) -> float:
        return plain[article] * (held / whole) ** COVERAGE_POWER

    assert found["2024-06-01"] == pytest.approx(expected("2024-06-01", worker))
    assert found["2024-06-02"] == pytest.approx(expected("2024-06-02", jobless * said_once))
    assert found["2024-06-03"] == pytest.approx(expected("2024-06-03", jobless))
    assert found["2024-06-04"] == 0.0  # it holds only the flat word
    assert COVERAGE_POWER == 0.15


def test_a_flat_word_held_by_chance_does_not_lift_a_partial_match(coverage_index):
    plain = order(coverage_index.search("노동자 실업 통계"))
    covered = order(coverage_index.search("노동자 실업 통계", coverage=True))
    assert plain.index("2024-06-04") < plain.index("2024-06-05")
    assert covered.index("2024-06-04") > covered.index("2024-06-05")


def test_a_query_of_one_concept_is_not_reordered(coverage_index):
    plain = coverage_index.search("노동자")
    covered = coverage_index.search("노동자", coverage=True)
    assert [(h.id, h.score) for h in covered.hits] == [(h.id, h.score) for h in plain.hits]


def test_coverage_is_a_switch_of_the_quality_bench_off_by_default():
    from bench.search_quality import switches_of

    assert "coverage" in MECHANISMS
    assert switches_of(SearchIndex.search)["coverage"] is False
