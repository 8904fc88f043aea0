"""A query's parts that match no article are dropped before it is evaluated, and every match,
score, size and weight stays the float it was over the whole query."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from index.live_parts import alike_in_any_pool, live
from index.postings_scorer import PostingsScorer
from index.query_syntax import parse_query
from index.salience import Salience
from index.score_arrays import Pool

HELD = {"ai": 4, "법": 1, "딥페이크": 2}


def count(term: wq.Term) -> int:
    return HELD.get(term.text, 0)


def t(text: str, boost: float = 1.0) -> wq.Term:
    return wq.Term("content", text, boost=boost)


def test_the_parts_that_match_nothing_are_dropped():
    q = wq.Or(
        [
            wq.DisjunctionMax([t("딥페이크"), t("deepfake", 0.8), wq.And([t("딥"), t("페이크")])]),
            wq.And([t("ai"), t("법")], boost=0.5),
            wq.And([t("ai"), t("없는말")]),
        ],
        boost=0.7,
    )
    kept = live(q, count)
    assert kept == wq.Or(
        [wq.DisjunctionMax([t("딥페이크")]), wq.And([t("ai"), t("법")], boost=0.5)], boost=0.7
    )
    assert kept.subqueries[1] is q.subqueries[1]  # a part left whole is the same object


@pytest.mark.parametrize(
    "q",
    [
        pytest.param(t("없는말"), id="term"),
        pytest.param(wq.And([t("ai"), wq.Or([t("없는말"), t("딥")])]), id="and-of-an-empty-or"),
        pytest.param(wq.DisjunctionMax([t("없는말"), wq.And([t("법"), t("딥")])]), id="dismax"),
    ],
)
def test_a_query_that_matches_nothing_is_none(q):
    assert live(q, count) is None


def test_a_query_with_nothing_to_drop_is_itself():
    q = wq.And([t("ai"), wq.Or([t("법"), t("딥페이크")]), wq.Phrase("content", ["ai", "법"])])
    assert live(q, count) is q


def test_what_was_pruned_is_asked_once_by_part():
    asked = []
    shared = wq.Or([t("법"), t("없는말")])

    def counting(term):
        asked.append(term.text)
        return count(term)

    known: dict = {}
    first = live(wq.And([t("ai"), shared]), counting, known)
    second = live(wq.And([t("딥페이크"), shared]), counting, known)
    assert first.subqueries[1] is second.subqueries[1]
    assert asked == ["ai", "법", "없는말", "딥페이크"]


def test_an_and_is_given_up_at_its_first_part_that_matches_nothing():
    asked = []

    def counting(term):
        asked.append(term.text)
        return count(term)

    q = wq.And([t("ai"), t("없는말"), t("법"), wq.Or([t("딥페이크"), t("딥")])])
    assert live(q, counting) is None
    assert asked == ["ai", "없는말"]
    assert live(wq.Or([q, t("법")]), counting) == wq.Or([t("법")])


QUERIES = [
    "딥페이크 규제",
    "생성 AI 일자리",
    "AI 반도체 OR 소라 OR 클로드",
    "딥페이크 -벤지오",
    "오픈AI 영상",
]


@pytest.mark.parametrize("query", QUERIES)
def test_matches_scores_sizes_and_weights_are_those_of_the_whole_query(built_index, query):
    with built_index._reading() as searcher:
        compiled = built_index._builder(searcher, True).build(parse_query(query), query)
        evaluator = PostingsScorer.of(searcher)
        salience = Salience.of(searcher)
        pool = Pool.of({0, 2, 3}, evaluator.doc_count)
        pruned = 0
        for q in (compiled.all_words, *compiled.concepts):
            kept = evaluator.matching_parts(q)
            pruned += kept is not q
            whole = evaluator._evaluated(q, None)  # every part walked, as before
            assert evaluator.found(q).as_dict() == whole.as_dict()  # the same floats
            assert evaluator.found(q, pool).as_dict() == evaluator._evaluated(q, pool).as_dict()
            assert evaluator.size(q) == evaluator._size(q, {})
            assert evaluator.least(q) == evaluator._least(q)
            every = Pool.of(evaluator.live, evaluator.doc_count)
            weights = salience.weight(evaluator, q, every)
            said = set(weights.ids[weights.scores >= 1.5].tolist())
            assert salience.said(evaluator, q, every) == said
    assert pruned  # the thesaurus's forms the four articles do not hold were dropped


def test_parts_that_match_nothing_are_not_evaluated(built_index, monkeypatch):
    query = "생성 AI 일자리"
    evaluated = []
    with built_index._reading() as searcher:  # one request
        compiled = built_index._builder(searcher, True).build(parse_query(query), query)
        evaluator = PostingsScorer.of(searcher)
        original = evaluator._found

        def spy(q, within):
            evaluated.append(q)
            return original(q, within)

        monkeypatch.setattr(evaluator, "_found", spy)
        evaluator.found(compiled.all_words)
    terms = [q for q in evaluated if isinstance(q, wq.Term)]
    assert terms and all(len(evaluator.term(q.fieldname, q.text)) for q in terms)


def test_an_or_of_three_parts_or_more_depends_on_the_articles_it_is_evaluated_among():
    two = wq.Or([t("ai"), wq.DisjunctionMax([t("법"), t("딥페이크"), t("소라")])])
    three = wq.Or([t("ai"), t("법"), t("딥페이크")])
    assert alike_in_any_pool(two, {})
    assert not alike_in_any_pool(wq.And([t("ai"), three]), {})
    assert not alike_in_any_pool(wq.AndNot(t("ai"), three), {})


@pytest.mark.parametrize("query", QUERIES)
def test_a_part_evaluated_over_every_article_answers_among_fewer(built_index, query):
    with built_index._reading() as searcher:
        compiled = built_index._builder(searcher, True).build(parse_query(query), query)
        evaluator = PostingsScorer.of(searcher)
        pool = Pool.of({0, 2, 3}, evaluator.doc_count)
    fresh = [evaluator.found(q, pool).as_dict() for q in compiled.concepts]  # nothing kept
    with built_index._reading() as searcher:  # a request that evaluates them over all first
        over_all = [evaluator.found(q) for q in compiled.concepts]
        kept = [evaluator.found(q, pool).as_dict() for q in compiled.concepts]
    assert over_all and kept == fresh  # the same floats


def test_a_part_evaluated_over_every_article_is_not_evaluated_again(built_index, monkeypatch):
    query = "딥페이크 규제"
    with built_index._reading() as searcher:
        compiled = built_index._builder(searcher, True).build(parse_query(query), query)
        evaluator = PostingsScorer.of(searcher)
        concept = evaluator.matching_parts(compiled.concepts[0])
        evaluator.found(concept)
        evaluated = []
        original = evaluator._found
        monkeypatch.setattr(evaluator, "_found", lambda q, within: evaluated.append(q))
        evaluator.found(concept, Pool.of({0, 2}, evaluator.doc_count))
        monkeypatch.setattr(evaluator, "_found", original)
    assert not isinstance(concept, wq.Term) and evaluated == []
