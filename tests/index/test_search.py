"""Searching the test articles: matching, ranking, operators, highlighting, facets."""

from __future__ import annotations

import pytest

from index import Hit, NotIndexed, QueryError, SearchFilters, SearchIndex, SearchResult
from tests.index.conftest import make_article


def ids(result: SearchResult) -> list[str]:
    return [hit.id for hit in result.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("딥페이크", ["2025-03-05", "2024-04-01"], id="word"),
        pytest.param("딥페이크를", ["2025-03-05", "2024-04-01"], id="particle"),
        pytest.param("규제하는", ["2025-03-05"], id="verb-form"),
        pytest.param("샌드박스", ["2025-03-05"], id="dictionary-part"),
        pytest.param("안전 연구소", ["2025-03-05"], id="spaced-compound"),
        pytest.param("안전연구소의", ["2025-03-05"], id="partial-compound"),
        pytest.param("OpenAI", ["2024-04-07"], id="curated-alias"),
        pytest.param("Anthropic", ["2025-03-12"], id="latin-name"),
        pytest.param("Bengio", ["2025-03-05"], id="mined-pair-latin"),
        pytest.param("GPT-4o", ["2024-04-07"], id="model-name"),
        pytest.param("1.5배", ["2024-04-07"], id="decimal"),
    ],
)
def test_finds_every_form(built_index, query, expected):
    assert ids(built_index.search(query)) == expected


def test_a_korean_name_finds_its_latin_spelling_through_mined_pairs(built_index):
    assert "요슈아 벤지오" in built_index.aliases().others("Yoshua Bengio")


def test_a_multi_morpheme_word_is_a_phrase_not_its_last_part(built_index):
    # "오픈AI" must not become a search for "AI", which all four articles contain.
    assert ids(built_index.search("오픈AI")) == ["2024-04-07"]


def test_the_article_about_the_topic_ranks_first(built_index):
    assert ids(built_index.search("AI 법"))[0] == "2024-04-01"


def test_or_and_not(built_index):
    assert set(ids(built_index.search("소라 OR 클로드"))) == {"2024-04-07", "2025-03-12"}
    assert ids(built_index.search("딥페이크 -벤지오")) == ["2024-04-01"]
    assert ids(built_index.search("딥페이크 NOT 유럽의회")) == ["2025-03-05"]


def test_phrase_needs_the_words_in_order(built_index):
    assert ids(built_index.search('"범용 AI"')) == ["2024-04-01", "2025-03-05"]
    assert built_index.search('"AI 범용"').total == 0


def test_title_field(built_index):
    assert ids(built_index.search("title:딥페이크")) == []
    assert ids(built_index.search("title:일자리")) == ["2025-03-12"]


def test_section_and_issue_and_source_fields(built_index):
    assert ids(built_index.search("AI section:기업")) == ["2024-04-07"]
    assert ids(built_index.search("AI section:인력･교육")) == ["2025-03-12"]
    assert set(ids(built_index.search("AI issue:2025-03"))) == {"2025-03-05", "2025-03-12"}
    assert ids(built_index.search("AI issue:..2024-12 source:Reuters")) == ["2024-04-01"]


def test_filters_combine_with_the_query(built_index):
    result = built_index.search(
        "AI", SearchFilters(sections=("기술･연구", "정책"), issue_from="2025-01")
    )
    assert ids(result) == ["2025-03-05"]


def test_facets_count_all_matches_not_just_the_page(built_index):
    result = built_index.search("AI", per_page=1)
    assert (result.total, len(result.hits)) == (4, 1)
    assert result.facets == {
        "section": {"기술/연구": 1, "기업/산업": 1, "인력/교육": 1, "정책/법제": 1},
        "issue": {"2024-04": 2, "2025-03": 2},
        "year": {"2024": 2, "2025": 2},
        "actor": {
            "앤스로픽": 1,
            "영국 AI안전연구소": 1,
            "오픈AI": 1,
            "요슈아 벤지오": 1,
            "유럽의회": 1,
        },
        "country": {"EU": 1, "GB": 1},
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("actor:오픈AI", ["2024-04-07"], id="actor"),
        pytest.param("actor:OpenAI", ["2024-04-07"], id="actor-other-script"),
        pytest.param("actor:Anthropic", ["2025-03-12"], id="actor-not-in-the-headline"),
        pytest.param("subject:Anthropic", [], id="subject-only-headlines"),
        pytest.param('subject:"영국 AI안전연구소"', ["2025-03-05"], id="subject"),
        pytest.param("actor:벤지오", ["2025-03-05"], id="actor-short-name"),
        pytest.param("country:EU", ["2024-04-01"], id="country-code"),
        pytest.param("country:영국", ["2025-03-05"], id="country-name"),
        pytest.param("AI -country:EU -country:GB", ["2024-04-07", "2025-03-12"], id="negated"),
    ],
)
def test_actor_subject_and_country_queries(built_index, query, expected):
    assert sorted(ids(built_index.search(query))) == expected


def test_actor_puts_the_articles_about_it_first(built_index):
    hits = built_index.search("actor:유럽의회 OR actor:벤지오").hits
    assert [h.id for h in hits] == ["2024-04-01", "2025-03-05"]
    assert hits[0].score > hits[1].score == 0.0


def test_actor_and_country_filters(built_index):
    assert ids(built_index.search("AI", SearchFilters(actors=("Anthropic",)))) == ["2025-03-12"]
    assert ids(built_index.search("AI", SearchFilters(countries=("중국",)))) == []
    with pytest.raises(QueryError, match="unknown country 'Atlantis'"):
        built_index.search("AI", SearchFilters(countries=("Atlantis",)))


def test_pages(built_index):
    first = built_index.search("AI", per_page=3)
    second = built_index.search("AI", per_page=3, page=2)
    assert len(first.hits) == 3 and len(second.hits) == 1
    assert set(ids(first)).isdisjoint(ids(second))


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        pytest.param(
            "newest", ["2025-03-05", "2025-03-12", "2024-04-01", "2024-04-07"], id="newest"
        ),
        pytest.param(
            "oldest", ["2024-04-01", "2024-04-07", "2025-03-05", "2025-03-12"], id="oldest"
        ),
    ],
)
def test_sort_by_date(built_index, sort, expected):
    assert ids(built_index.search("AI", sort=sort)) == expected


def marked(hit) -> str:
    """The hit's plain snippet with its marks shown as <mark>…</mark>, to read in asserts."""
    text = hit.snippet
    for start, end in sorted(hit.marks, reverse=True):
        text = f"{text[:start]}<mark>{text[start:end]}</mark>{text[end:]}"
    return text


def test_snippet_marks_exactly_the_matched_surface_text(built_index):
    hit = built_index.search("=규제").hits[0]  # exact: 규제샌드박스 is a narrower concept
    assert len(hit.marks) == 2
    assert "<mark>규제</mark>를 강화하는 대신 <mark>규제</mark>샌드박스" in marked(hit)
    assert hit.terms == ("규제",)


def test_a_phrase_is_marked_as_one_span(built_index):
    hit = built_index.search("안전연구소").hits[0]
    assert hit.terms == ("안전연구소",)  # in the title "AI안전연구소" and in KEY Contents
    assert marked(hit).startswith("<mark>안전연구소</mark>의 평가")


def test_alias_matches_are_marked_in_the_spelling_the_text_uses(built_index):
    hit = built_index.search("OpenAI").hits[0]
    assert hit.terms == ("오픈AI",)
    assert "<mark>오픈AI</mark>가" in marked(hit)


def test_snippets_are_plain_text_with_code_point_marks(fresh_index):
    from tests.index.conftest import make_article

    article = make_article("2024-05-01", "태그", bullets=("<script>경고</script> 규제 & 감독",))
    fresh_index.replace_issue("2024-05", [article], "x")
    hit = fresh_index.search("규제").hits[0]
    assert hit.snippet == "주요 내용 <script>경고</script> 규제 & 감독"
    assert hit.marks == ((26, 28),)
    assert hit.snippet[26:28] == "규제"


def test_a_full_question_falls_back_to_any_words(built_index):
    result = built_index.search("AI가 일자리와 임금에 미치는 영향은?")
    assert result.fallback is True
    assert ids(result)[0] == "2025-03-12"


def test_did_you_mean_offers_a_query_that_finds_results(built_index):
    result = built_index.search("딥페익")
    assert (result.total, result.suggestion) == (0, "딥페이크")
    assert built_index.search(result.suggestion).total == 2


def test_no_suggestion_when_the_query_finds_enough(built_index):
    assert built_index.search("딥페이크").suggestion is None


def test_article_ids_returns_every_match(built_index):
    assert sorted(built_index.article_ids("AI")) == [
        "2024-04-01",
        "2024-04-07",
        "2025-03-05",
        "2025-03-12",
    ]
    assert built_index.article_ids("AI", SearchFilters(sections=("기업/산업",))) == ["2024-04-07"]


def test_more_like_this_finds_the_article_on_the_same_topic(fresh_index):
    from tests.index.conftest import make_article

    articles = [
        make_article("2024-05-01", "딥페이크 선거 조작 규제", bullets=("선거 딥페이크 영상 규제",)),
        make_article("2024-05-02", "반도체 공장 투자 확대", bullets=("AI 반도체 투자",)),
        make_article(
            "2024-05-03", "선거 앞두고 딥페이크 우려", bullets=("딥페이크 선거 조작 확산",)
        ),
    ]
    fresh_index.replace_issue("2024-05", articles, "x")
    hits = fresh_index.more_like_this("2024-05-01", limit=2)
    assert all(isinstance(h, Hit) for h in hits)
    assert [h.id for h in hits][0] == "2024-05-03"
    assert "2024-05-01" not in [h.id for h in hits]


def test_more_like_this_of_an_unknown_article(built_index):
    with pytest.raises(NotIndexed, match="2099-01-01"):
        built_index.more_like_this("2099-01-01")


def test_json_shapes(built_index):
    from archive import SearchQuery, contract
    from archive.contract import search_json

    result = built_index.search("딥페이크", per_page=1)
    data = search_json(SearchQuery(q="딥페이크", limit=1), result)
    # the fields as the contract lists them; tests/webui/test_web_contract.py holds the list
    # to the shape its docstring, /api/help and the README document
    assert tuple(data) == contract.SEARCH_FIELDS
    assert tuple(data["hits"][0]) == contract.HIT_FIELDS
    hit = data["hits"][0]
    assert hit["pdf_pages"] == [hit["page"] + 2, hit["page"] + 2]  # as make_article places it


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        pytest.param("!? ...", "no searchable words", id="only-a-particle"),
        pytest.param("author:김", "unknown field", id="unknown-field"),
    ],
)
def test_query_errors_from_search(built_index, query, problem):
    with pytest.raises(QueryError, match=problem):
        built_index.search(query)


def test_bad_sort_and_page_are_query_errors(built_index):
    with pytest.raises(QueryError, match="unknown sort 'date'"):
        built_index.search("AI", sort="date")
    with pytest.raises(QueryError, match="page and per_page"):
        built_index.search("AI", page=0)


def test_articles_holding_some_of_the_words_fill_the_page_below_those_holding_all(built_index):
    result = built_index.search("딥페이크 영국")
    assert (ids(result), result.total, result.fallback) == (["2025-03-05", "2024-04-01"], 1, False)
    assert [hit.match for hit in result.hits] == ["all", "partial"]


@pytest.fixture(scope="module")
def margin_index(tmp_path_factory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("strict"))
    filler = ("시장 동향 보고서 발간", "정부 예산 편성", "기업 실적 발표", "학회 개최 소식")
    index.replace_issue(
        "2024-05",
        [
            # every word of the query, each once in passing
            make_article(
                "2024-05-01", "기업 실적 발표", bullets=("근로자 복지와 재교육 예산 언급",)
            ),
            # one word only, but the whole article is about it
            make_article(
                "2024-05-02",
                "재교육 프로그램 확대",
                key=("재교육 과정 신설",),
                bullets=("재교육 대상 확대", "재교육 예산 두 배"),
            ),
            *(make_article(f"2024-05-{i:02d}", t) for i, t in enumerate(filler, 3)),
        ],
        "sha",
    )
    return index


def test_a_full_match_comes_before_a_partial_one_however_far_it_scores_above(margin_index):
    result = margin_index.search("근로자 재교육")
    assert [(h.id, h.match) for h in result.hits] == [
        ("2024-05-01", "all"),
        ("2024-05-02", "partial"),
    ]
    assert result.hits[1].score > result.hits[0].score
    assert (result.total, result.fallback) == (1, False)


def test_pages_agree_when_partial_matches_fill_them(margin_index):
    whole = ids(margin_index.search("근로자 재교육", per_page=2))
    pages = [ids(margin_index.search("근로자 재교육", page=p, per_page=1)) for p in (1, 2)]
    assert [*pages[0], *pages[1]] == whole


def test_when_no_article_holds_every_word_the_partial_matches_are_counted(built_index):
    result = built_index.search("소라 벤지오")
    assert (sorted(ids(result)), result.total, result.fallback) == (
        ["2024-04-07", "2025-03-05"],
        2,
        True,
    )
    assert {hit.match for hit in result.hits} == {"partial"}


def test_field_words_stay_required_when_other_words_are_relaxed(built_index):
    # about=False: the article names 딥페이크 once, in passing (see test_about_the_query.py)
    result = built_index.search("AI 딥페이크 source:Reuters", about=False)
    assert (ids(result), result.fallback) == (["2024-04-01"], False)


@pytest.mark.parametrize(
    ("filters", "problem"),
    [
        pytest.param(SearchFilters(sections=("경제",)), "unknown section '경제'", id="section"),
        pytest.param(SearchFilters(issue_from="2024-4"), "bad issue '2024-4'", id="issue"),
    ],
)
def test_bad_filters_are_query_errors(built_index, filters, problem):
    with pytest.raises(QueryError, match=problem):
        built_index.search("AI", filters)


def test_equal_scores_rank_the_newest_issue_first(tmp_path):
    twins = SearchIndex.open(tmp_path)
    for issue in ("2024-01", "2025-06", "2023-12"):
        twins.replace_issue(issue, [make_article(f"{issue}-05", "양자 컴퓨팅 동향")], issue)
    hits = twins.search("양자").hits
    assert len({h.score for h in hits}) == 1
    assert [h.id for h in hits] == ["2025-06-05", "2024-01-05", "2023-12-05"]


def test_words_of_asking_do_not_change_what_a_topic_finds(built_index):
    asked = built_index.search("딥페이크 관련 사례는 무엇인가?")
    plain = built_index.search("딥페이크")
    assert (ids(asked), asked.total, asked.fallback) == (ids(plain), plain.total, False)


def test_filters_take_several_issues(built_index):
    everything = built_index.search("AI", per_page=50)
    held = sorted(built_index.fingerprints())
    assert len({hit.issue for hit in everything.hits}) == len(held) == 2
    for chosen in [(held[0],), (held[-1],), (held[0], "2030-01"), tuple(held)]:
        found = built_index.search("AI", SearchFilters(issues=chosen), per_page=50)
        assert found.total == sum(1 for hit in everything.hits if hit.issue in chosen) > 0
        assert {hit.issue for hit in found.hits} <= set(chosen)


def test_a_word_most_articles_hold_is_not_required_of_a_full_match(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "AI 반도체 투자 확대"),
            make_article("2024-05-02", "AI 규제 강화 논의"),
            make_article("2024-05-03", "AI 교육 프로그램 발표"),
            make_article("2024-05-04", "병원 진료 예약 서비스 개편"),
            make_article("2024-05-05", "병원에 AI 진단 도입"),
            make_article("2024-05-06", "AI 스타트업 투자 유치"),
            make_article("2024-05-07", "AI 저작권 소송 판결"),
        ],
        "sha",
    )
    result = fresh_index.search("AI 병원")
    # AI is in six articles of seven: the one on 병원 without it matches in full, below the
    # one with both
    assert [(h.id, h.match) for h in result.hits] == [
        ("2024-05-05", "all"),
        ("2024-05-04", "all"),
        *[(h.id, "partial") for h in result.hits[2:]],
    ]
    strict = fresh_index.search("AI 병원", broad=False)
    assert [(h.id, h.match) for h in strict.hits[:2]] == [
        ("2024-05-05", "all"),
        ("2024-05-04", "partial"),
    ]
