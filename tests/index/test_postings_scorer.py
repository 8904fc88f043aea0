"""The cached-postings evaluator scores as Whoosh itself does, and counts the same matches."""

from __future__ import annotations

import pytest

from index.postings_scorer import PostingsScorer
from index.query_builder import QueryBuilder
from index.query_syntax import parse_query
from index.score_arrays import Pool


@pytest.mark.parametrize(
    ("query", "found"),
    [
        pytest.param("딥페이크", True, id="term"),
        pytest.param("소라 OR 클로드", True, id="or"),
        pytest.param("벤지오 딥페이크", True, id="and"),
        pytest.param("쿼크글루온", False, id="no-article"),
    ],
)
def test_finding_any_match_without_filters_builds_none_where_the_bounds_tell(
    built_index, monkeypatch, query, found
):
    from index.ranking import finds_any

    compiled = QueryBuilder(built_index.aliases()).build(parse_query(query), query)
    with built_index._reading() as searcher:
        evaluator = PostingsScorer.of(searcher)
        assert bool(evaluator.evaluate(compiled.all_words)) is found
        if query != "벤지오 딥페이크":  # an And's least count is 0: it is evaluated
            monkeypatch.setattr(PostingsScorer, "found", None)  # building a match fails
        assert finds_any(searcher, compiled.all_words, None) is found


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("딥페이크", id="term"),
        pytest.param("AI 법", id="and"),
        pytest.param("소라 OR 클로드", id="or"),
        pytest.param("OpenAI", id="alias-dismax"),
        pytest.param("AI안전연구소", id="pairs"),
        pytest.param("딥페이크 -벤지오", id="and-not"),
        pytest.param('"AI가 일자리"', id="phrase-by-whoosh"),
    ],
)
def test_scores_match_whoosh(built_index, query):
    compiled = QueryBuilder(built_index.aliases()).build(parse_query(query), query)
    with built_index._reading() as searcher:
        ours = PostingsScorer.of(searcher).evaluate(compiled.all_words)
        theirs = {h.docnum: h.score for h in searcher.search(compiled.all_words, limit=None)}
    assert ours.keys() == theirs.keys()
    for docnum, score in theirs.items():
        assert ours[docnum] == pytest.approx(score)


def test_facets_count_from_columns(built_index):
    with built_index._reading() as searcher:
        evaluator = PostingsScorer.of(searcher)
        facets = evaluator.facets(evaluator.live, ("section", "year"))
    assert facets["year"] == {"2024": 2, "2025": 2}


def test_the_posting_cache_stays_within_its_budget(built_index, monkeypatch):
    import index.postings_scorer

    monkeypatch.setattr(index.postings_scorer, "CACHED_POSTINGS", 2)
    with built_index._reading() as searcher:
        evaluator = PostingsScorer(searcher)
        assert set(evaluator.term("content", "ai")) == evaluator.live  # 4 postings
        assert len(evaluator.term("content", "딥페이크")) == 2
        assert list(evaluator._postings) == [("content", "딥페이크")]


@pytest.mark.parametrize(
    ("query", "sections"),
    [
        pytest.param("AI", (), id="every-article"),
        pytest.param("딥페이크 -벤지오", (), id="and-not"),
        pytest.param("AI", ("정책/법제",), id="filtered"),
        pytest.param("딥페이크", ("인력/교육",), id="filtered-to-none"),
        pytest.param("벤지오 -딥페이크", (), id="excluded-to-none"),
        pytest.param('"AI가 일자리"', (), id="phrase"),
    ],
)
def test_finding_any_match_agrees_with_whoosh(built_index, query, sections):
    from index.filter_queries import filters_query
    from index.ranking import finds_any
    from index.search_results import SearchFilters

    compiled = QueryBuilder(built_index.aliases()).build(parse_query(query), query)
    restrict = filters_query(SearchFilters(sections=sections)) if sections else None
    with built_index._reading() as searcher:
        theirs = searcher.search(compiled.all_words, limit=None, filter=restrict)
        assert finds_any(searcher, compiled.all_words, restrict) == (not theirs.is_empty())


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("딥페이크", id="term"),
        pytest.param("AI 법", id="and"),
        pytest.param("소라 OR 클로드", id="or"),
        pytest.param("OpenAI", id="alias-dismax"),
    ],
)
def test_the_bounds_of_a_count_hold_and_answer_as_counting_does(built_index, query):
    compiled = QueryBuilder(built_index.aliases()).build(parse_query(query), query)
    with built_index._reading() as searcher:
        evaluator = PostingsScorer.of(searcher)
        count = len(evaluator.evaluate(compiled.all_words))
        assert evaluator.least(compiled.all_words) <= count <= evaluator.size(compiled.all_words)
        for cut in range(count - 1, count + 2):
            assert evaluator.count_above(compiled.all_words, cut) is (count > cut)


@pytest.mark.parametrize(
    ("field", "words", "matches"),
    [
        pytest.param("content", ["ai", "일자리"], True, id="two-words"),
        pytest.param("content", ["고위험", "ai", "시스템"], True, id="three-words"),
        pytest.param("content", ["범용", "ai", "모델"], True, id="in-a-footnote"),
        pytest.param("title", ["ai", "법"], True, id="title"),
        pytest.param("content", ["일자리", "ai"], False, id="reversed"),
        pytest.param("content", ["ai", "없는말"], False, id="unknown-word"),
    ],
)
@pytest.mark.parametrize("boost", [1.0, 0.6])
def test_phrases_over_positions_match_and_score_as_whoosh(
    built_index, field, words, matches, boost
):
    from whoosh import query as wq

    phrase = wq.Phrase(field, words, boost=boost)
    with built_index._reading() as searcher:
        theirs = {h.docnum: h.score for h in searcher.search(phrase, limit=None)}
        ours = PostingsScorer(searcher)._found(phrase, None).as_dict()
        within = PostingsScorer(searcher)._found(phrase, Pool.of({0, 3}, 4)).as_dict()
    assert bool(theirs) is matches
    assert ours == theirs  # the same floats, not approximately
    assert within == {d: s for d, s in theirs.items() if d in {0, 3}}


def test_a_boosted_phrase_within_another_query_counts_its_boost_once(built_index):
    # (an Or: Whoosh's own DisjunctionMax over a phrase scores articles it does not match)
    from whoosh import query as wq

    q = wq.Or([wq.Phrase("content", ["ai", "일자리"], boost=0.6), wq.Term("content", "딥페이크")])
    with built_index._reading() as searcher:
        theirs = {h.docnum: h.score for h in searcher.search(q, limit=None)}
        ours = PostingsScorer(searcher).evaluate(q)
    assert theirs
    assert ours.keys() == theirs.keys()
    for docnum, score in theirs.items():
        assert ours[docnum] == pytest.approx(score)


def test_the_sizes_of_a_query_s_parts_last_one_request(built_index):
    query = "AI 법 OR 딥페이크"
    compiled = QueryBuilder(built_index.aliases()).build(parse_query(query), query)
    with built_index._reading() as searcher:
        evaluator = PostingsScorer.of(searcher)
        size = evaluator.size(compiled.all_words)
        sized = evaluator.matching_parts(compiled.all_words)  # what is sized (live_parts)
        assert evaluator._sizes()[id(sized)] == (sized, size)
    with built_index._reading() as searcher:  # the next request starts with none
        assert evaluator._sizes() == {}
    built_index.search(query)
    assert getattr(searcher, "aibrief_request", None) is None  # the search's sizes dropped


def test_sizes_kept_or_not_evaluate_alike(built_index):
    """Outside a request no size is kept: each evaluation sizes its parts anew, and answers
    what one request, keeping them, answers."""
    query = "AI 규제 OR 딥페이크 -벤지오"
    compiled = QueryBuilder(built_index.aliases()).build(parse_query(query), query)
    with built_index._reading() as searcher:
        evaluator = PostingsScorer.of(searcher)
        kept = [evaluator.evaluate(q) for q in (*compiled.concepts, compiled.all_words)]
        assert evaluator._sizes()  # kept within the request
    anew = [evaluator.evaluate(q) for q in (*compiled.concepts, compiled.all_words)]
    assert evaluator._sizes() == {}
    assert anew == kept


def test_a_request_asks_the_shared_cache_once_a_term(built_index, monkeypatch):
    with built_index._reading() as searcher:
        evaluator = PostingsScorer.of(searcher)
        asked = []
        shared = evaluator._postings.get_or_compute

        def counting(key, compute):
            asked.append(key)
            return shared(key, compute)

        monkeypatch.setattr(evaluator._postings, "get_or_compute", counting)
        first = evaluator.term("content", "딥페이크")
        assert evaluator.term("content", "딥페이크") == first
    assert asked == [("content", "딥페이크")]
    evaluator.term("content", "딥페이크")  # outside a request, the shared cache is asked
    assert len(asked) == 2


def test_ranking_full_matches_hashes_no_concept(built_index, monkeypatch):
    """A concept's hash walks its whole tree (hundreds of forms): the required and the broad
    concepts are told apart by identity (AI is broad here: most articles hold it)."""
    from whoosh.query import compound

    from index.ranking import rank, required_concepts

    q = "AI 딥페이크 규제"
    compiled = QueryBuilder(built_index.aliases(), built_index.concepts).build(parse_query(q), q)
    with built_index._reading() as searcher:
        ranked = rank(searcher, compiled, None, "relevance", 10)
        assert required_concepts(PostingsScorer.of(searcher), compiled)[1]  # some are broad

        def refused(query):
            raise AssertionError(f"hashed {type(query).__name__}")

        monkeypatch.setattr(compound.CompoundQuery, "__hash__", refused)
        assert rank(searcher, compiled, None, "relevance", 10) == ranked


@pytest.mark.parametrize(
    "phrase",
    [
        pytest.param(("content", ["고위험", "ai", "시스템"]), id="phrase"),
        pytest.param(("content", ["ai", "일자리"], 3), id="near"),
    ],
)
def test_a_phrase_is_sized_by_its_rarest_word_s_cached_postings(built_index, monkeypatch, phrase):
    """As an And of its words: Whoosh's estimate looks each word up in every segment."""
    from whoosh import query as wq

    from index.near_query import Near

    q = Near(*phrase) if len(phrase) == 3 else wq.Phrase(*phrase)
    with built_index._reading() as searcher:
        evaluator = PostingsScorer(searcher)
        counts = [len(evaluator.weights(q.fieldname, word)) for word in q.words]
        monkeypatch.setattr(type(q), "estimate_size", None)  # asking Whoosh fails
        assert evaluator.size(q) == min(counts) > 0
