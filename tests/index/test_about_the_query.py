"""A full match is about the query: of two concepts or more, it says each specific one (in its
headline or KEY Contents, or more than once); an article that names one only in passing matches
in part. A commoner concept (more than a fifth of the archive) need only be there."""

from __future__ import annotations

import pytest

from bench.search_quality import MECHANISMS
from index import SearchIndex, derive_actors
from index.salience import SAID
from tests.index.conftest import make_article


def filler(issue: str) -> list:
    """30 more articles, so that each of the words below is specific (at most a fifth of the
    archive), but 기술, which 8 of them and 2 others hold (10 of 34: common, yet not broad)."""
    bullets = [("기술 투자 확대",) if n < 18 else ("매출",) for n in range(10, 40)]
    return [
        make_article(f"{issue}-{n:02d}", f"기업 실적 발표 {n}", bullets=b)
        for n, b in zip(range(10, 40), bullets, strict=True)
    ]


@pytest.fixture(scope="module")
def about_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("about"))
    articles = [
        # about both: the election in its headline
        make_article(
            "2024-06-01",
            "선거철 딥페이크 확산에 대응 강화",
            key=("딥페이크 영상 차단",),
            bullets=("딥페이크 탐지 기술 도입",),
        ),
        # about deepfakes; the election named once, in passing, in its body
        make_article(
            "2024-06-02",
            "딥페이크 탐지 기술 공개",
            key=("딥페이크 영상을 찾아내는 도구 공개",),
            bullets=("딥페이크 탐지 정확도 향상", "향후 선거 등에 활용 기대"),
        ),
        # the election twice in its body: said, not only mentioned
        make_article(
            "2024-06-03",
            "딥페이크 탐지 도구 확산",
            bullets=("선거 관리 기관이 도입", "선거 이후에도 활용"),
        ),
        # the election in its KEY Contents once
        make_article(
            "2024-06-04",
            "딥페이크 표시 의무화",
            key=("선거 기간 적용",),
            bullets=("딥페이크 표시 규칙",),
        ),
        *filler("2024-06"),
    ]
    index.replace_issue("2024-06", derive_actors(articles), "sha")
    return index


def kinds(result) -> dict[str, str]:
    return {hit.id: hit.match for hit in result.hits}


def test_a_concept_named_once_in_the_body_is_matched_in_part(about_index):
    result = about_index.search("딥페이크 선거", expand=False)
    assert kinds(result) == {
        "2024-06-01": "all",
        "2024-06-02": "partial",
        "2024-06-03": "all",
        "2024-06-04": "all",
    }
    assert result.total == 3
    assert result.hits[-1].id == "2024-06-02"  # below every full match


def test_an_article_naming_a_concept_in_passing_matches_in_full_when_switched_off(about_index):
    result = about_index.search("딥페이크 선거", expand=False, about=False)
    assert set(kinds(result).values()) == {"all"}
    assert result.total == 4


def test_a_query_of_one_concept_matches_every_article_holding_it(about_index):
    result = about_index.search("선거", expand=False)
    assert set(kinds(result).values()) == {"all"}
    assert result.total == 4


def test_a_common_concept_named_once_need_only_be_there(about_index):
    result = about_index.search("딥페이크 기술", expand=False)
    assert kinds(result)["2024-06-01"] == "all"  # 기술 once, in its body


def test_the_threshold_is_more_than_one_passage_of_the_body():
    # PART_WEIGHTS: a body passage weighs 1, a source 0.5, the KEY Contents 2, the headline 4
    assert 1.0 < SAID <= 2.0


def test_the_rule_is_a_switch_of_the_quality_bench():
    assert "about" in MECHANISMS


def test_a_partial_match_says_which_words_it_names_in_passing_and_which_it_lacks(about_index):
    result = about_index.search("딥페이크 선거", expand=False)
    reasons = {hit.id: (hit.missing, hit.passing) for hit in result.hits}
    assert reasons["2024-06-02"] == ((), ("선거",))
    assert reasons["2024-06-01"] == ((), ())  # a full match
    lacking = about_index.search("딥페이크 기술", expand=False)
    assert {hit.id: hit.missing for hit in lacking.hits}["2024-06-03"] == ("기술",)


def test_a_country_named_in_passing_is_named_as_such(tmp_path):
    index = SearchIndex.open(tmp_path / "index")
    articles = [
        make_article(
            "2024-05-01",
            "유럽연합, AI 규제 법안 최종 합의",
            key=("AI 규제 적용 대상 확대",),
            bullets=("미국과 중국 기업도 적용",),
        ),
        *filler("2024-05"),
    ]
    index.replace_issue("2024-05", derive_actors(articles), "sha")
    hit = index.search("중국의 규제", expand=False).hits[0]
    assert (hit.match, hit.missing, hit.passing) == ("partial", (), ("중국의",))


def test_a_term_weighs_in_each_article_what_its_postings_say(about_index):
    import numpy as np

    from index.postings_scorer import PostingsScorer
    from index.salience import Salience
    from index.score_arrays import Pool

    with about_index._reading() as searcher:
        salience, evaluator = Salience(searcher), PostingsScorer(searcher)
        reader = searcher.reader()
        size = reader.doc_count_all()
        pools = [np.arange(0, size, step) for step in (1, 2, 3, 7)] + [np.array([size - 1])]
        terms = [(f, t) for f, t in reader.all_terms() if f in ("content", "title")][:300]
        assert {f for f, _ in terms} == {"content", "title"}
        for field, text in terms:
            matcher, whole = reader.postings(field, text), {}
            while matcher.is_active():  # the weight BM25F reads (analysis.WeightedPositions)
                whole[matcher.id()] = matcher.weight()
                matcher.next()
            scale = 4.0 if field == "title" else 1.0
            for ids in pools:
                pool = Pool(ids.astype(np.int64), size)
                found = salience._term(evaluator, field, text, pool)
                wanted = {d: whole[d] * scale for d in ids.tolist() if d in whole}
                assert found.as_dict() == wanted, (field, text)
