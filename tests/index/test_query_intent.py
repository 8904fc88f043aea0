"""What a query means beyond its words: a country it names raises the articles about that
country, and a question's verbs find the nouns the articles name their topic by."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index import SearchIndex
from index.actor_table import actor_table
from index.query_syntax import parse_query
from index.query_terms import parse_question_verbs, question_verbs, topic_nouns, topical
from index.query_words import query_word
from tests.index.conftest import make_article


def about(article, *countries):
    return replace(article, countries=countries)


@pytest.fixture(scope="module")
def country_index(tmp_path_factory):
    """Articles about a country or region and some that only mention one, built once for this
    module's tests, which only search."""
    built = SearchIndex.open(tmp_path_factory.mktemp("country") / "index")
    built.replace_issue(
        "2024-05",
        [
            # mentions China three times, but is about the EU
            about(
                make_article(
                    "2024-05-01",
                    "EU, 중국 AI 표준 동향 점검",
                    key=("중국 표준과 중국 기업의 대응", "중국 시장 진출"),
                ),
                "EU",
            ),
            about(make_article("2024-05-02", "중국 정부, AI 표준 초안 공개"), "CN"),
            about(make_article("2024-05-03", "미스트랄AI, 스타트업 투자 유치"), "FR"),
            make_article("2024-05-04", "스타트업 투자 급증"),
            make_article("2024-05-05", "AI 반도체 시장 전망"),
        ],
        "sha",
    )
    return built


def ids(result) -> list[str]:
    return [hit.id for hit in result.hits]


def test_an_article_about_the_country_a_query_names_ranks_above_a_mention(country_index):
    assert ids(country_index.search("중국 AI 표준"))[:2] == ["2024-05-02", "2024-05-01"]
    plain = country_index.search("중국 AI 표준", countries=False)
    assert ids(plain)[:2] == ["2024-05-01", "2024-05-02"]


def test_an_article_about_a_member_state_matches_its_region(country_index):
    found = [(h.id, h.match) for h in country_index.search("유럽 스타트업").hits]
    # the one on a French start-up does not write 유럽, yet is a full match, above the one on
    # start-ups nowhere in particular
    assert found[0] == ("2024-05-03", "all")
    assert ("2024-05-04", "partial") in found


def test_an_article_about_a_member_state_matches_a_word_of_its_region(country_index):
    found = [(h.id, h.match) for h in country_index.search("유럽산 스타트업").hits]
    # the French start-up writes neither 유럽 nor 유럽산 (index/origin_words.py), yet is a full
    # match
    assert found[0] == ("2024-05-03", "all")


def test_a_city_or_a_code_alone_is_no_country_word():
    table = actor_table()
    assert [table.country_named(w) for w in ("중국", "유럽", "EU", "베이징", "IT", "AI")] == [
        "CN",
        "EU",
        "EU",
        None,
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("word", "nouns"),
    [
        pytest.param("써", ("사용", "이용"), id="light-verb"),
        pytest.param("배우는", ("학습",), id="verb"),
        pytest.param("만들기", ("개발", "제작", "생성"), id="nominal-ending"),
        pytest.param("학습", (), id="noun"),
        pytest.param("작은", ("소형", "소규모"), id="adjective-of-size"),
        pytest.param("뒤처졌나", ("격차", "경쟁력"), id="falling-behind"),
        pytest.param("빠졌나?", ("불참", "탈퇴", "제외"), id="left-out"),
        pytest.param("더딘", ("둔화", "지연"), id="slow"),
        pytest.param("낮출", ("인하", "감소", "저하"), id="lowering"),
        pytest.param("높일", ("향상", "증가", "인상"), id="raising"),
        pytest.param("움직이게", ("움직임", "동작"), id="moving"),
        pytest.param("해칠까?", ("저해", "악화"), id="harming"),
        pytest.param("좋은", ("우수", "성능"), id="good"),
        pytest.param("들어간", ("탑재", "내장"), id="built-in"),
        pytest.param("넣은", ("탑재", "내장"), id="put-in"),
        pytest.param("맞추는", ("일치", "동기화"), id="matching"),
        pytest.param("잃는", ("상실", "실직", "실업"), id="losing-a-job"),
        pytest.param("겹치는", ("중복",), id="overlapping"),
        pytest.param("걸러내기", ("필터링", "선별"), id="filtering-out"),
        pytest.param("찾아내는", ("탐지", "발견"), id="finding-out"),
        pytest.param("퍼지는", ("확산", "유포"), id="spreading"),
        pytest.param("사라지는", ("소멸", "감소"), id="disappearing"),
    ],
)
def test_topic_nouns_of_a_verb(word, nouns):
    assert topic_nouns(query_word(word).parts) == nouns


def test_the_verb_table_reads_each_verb_and_its_nouns():
    text = "# version: 3\n막다\t방지, 차단\n# a comment\n배우다\t학습\n"
    assert parse_question_verbs(text) == (3, {"막다": ("방지", "차단"), "배우다": ("학습",)})
    assert question_verbs()["쓰다"] == ("사용", "이용")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("막다\t방지\n", "no '# version: N' line", id="no-version"),
        pytest.param("# version: 1\n막다\n", "line 2: want verb <TAB> nouns", id="no-nouns"),
        pytest.param("# version: 1\n막다\t방지\n막다\t차단\n", "막다 listed twice", id="twice"),
    ],
)
def test_a_malformed_verb_table_is_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_question_verbs(text)


def test_an_adverb_the_analyser_drops_finds_its_nouns_and_stays_in_the_query():
    assert query_word("빨리").parts == ()
    assert topic_nouns((), "빨리?") == ("속도", "가속")
    groups = list(parse_query("AI로 더 빨리").groups)
    assert [c.text for g in topical(groups) for c in g] == ["AI로", "빨리"]


def test_doing_well_is_performance():
    assert query_word("잘").parts == ()
    assert topic_nouns((), "잘") == ("성능", "우수")
    groups = list(parse_query("수학 문제를 잘 푸는 AI").groups)
    assert "잘" in [c.text for g in topical(groups) for c in g]


def test_a_light_verb_with_topic_nouns_stays_in_the_query():
    groups = list(parse_query("생성 AI를 써 본 사람은 얼마나 되나?").groups)
    assert [c.text for g in topical(groups) for c in g] == ["생성", "AI를", "써", "사람은"]
    assert [c.text for g in topical(groups, verbs=False) for c in g] == ["생성", "AI를", "사람은"]


def test_a_question_verb_finds_the_articles_that_name_its_noun(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "MIT, 영상으로 언어를 학습하는 알고리즘 개발"),
            make_article("2024-05-02", "영상 시청 시간 조사"),
        ],
        "sha",
    )
    result = fresh_index.search("영상만 보고 말을 배우는 AI")
    assert ids(result)[0] == "2024-05-01"
    assert result.expansions["배우는"] == ("학습",)
    assert "배우는" not in fresh_index.search("영상만 보고 말을 배우는 AI", verbs=False).expansions


def test_a_small_model_is_what_the_articles_call_compact(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "스타트업, 소형 언어모델 공개"),
            make_article("2024-05-02", "빅테크, 언어모델 성능 경쟁"),
        ],
        "sha",
    )
    hits = fresh_index.search("작은 언어 모델").hits
    assert [(h.id, h.match) for h in hits][0] == ("2024-05-01", "all")


def test_blocking_is_preventing_not_banning(fresh_index):
    # "막는" asks what keeps a harm out (방지, 차단); a ban (금지) is another topic
    assert "금지" not in topic_nouns(query_word("막는").parts)
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "딥페이크 차단 기술 개발"),
            make_article("2024-05-02", "딥페이크 앱 판매 금지"),
        ],
        "sha",
    )
    hits = fresh_index.search("딥페이크를 막는 기술").hits
    assert [(h.id, h.match) for h in hits] == [("2024-05-01", "all"), ("2024-05-02", "partial")]


def test_replacing_a_person_is_outdoing_them(fresh_index):
    # "대신할" asks whether AI can take a person's place; the articles say it outdoes them
    assert topic_nouns(query_word("대신할").parts) == ("능가",)
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "AI 진단 시스템, 의사 능가하는 정확도 기록"),
            make_article("2024-05-02", "의사 대상 AI 활용 설문 조사"),
        ],
        "sha",
    )
    hits = fresh_index.search("AI가 의사를 대신할 수 있을까?").hits
    assert [(h.id, h.match) for h in hits] == [("2024-05-01", "all"), ("2024-05-02", "partial")]


def test_a_head_noun_is_counted_but_not_required_of_a_full_match(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "구글, 유료 구독 요금제 출시"),
            make_article("2024-05-02", "클라우드 서비스 장애 발생"),
            make_article("2024-05-03", "AI 반도체 시장 전망"),
            make_article("2024-05-04", "저작권 소송 판결"),
            make_article("2024-05-05", "딥페이크 규제 강화"),
        ],
        "sha",
    )
    hits = fresh_index.search("유료 구독 서비스").hits
    # the article on a subscription plan that does not say 서비스 matches in full
    assert [(h.id, h.match) for h in hits] == [("2024-05-01", "all"), ("2024-05-02", "partial")]
    assert fresh_index.search("유료 구독 =서비스").hits[0].match == "partial"


def test_an_undertaking_is_a_kind_of_thing(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "대학, 전교생 대상 AI 교육 과정 확대"),
            make_article("2024-05-02", "AI 반도체 시장 전망"),
            make_article("2024-05-03", "스타트업 지원 프로그램 발표"),
        ],
        "sha",
    )
    hits = fresh_index.search("AI 교육 프로그램").hits
    # the courses match in full without the word 프로그램
    assert [(h.id, h.match) for h in hits][0] == ("2024-05-01", "all")


def test_a_head_noun_stays_optional_when_the_other_words_are_broad(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "AI 서비스 출시"),
            make_article("2024-05-02", "AI 반도체 시장 전망"),
            make_article("2024-05-03", "AI 저작권 소송 판결"),
        ],
        "sha",
    )
    hits = fresh_index.search("AI 서비스").hits
    # AI is in every article, so it is required; 서비스 only raises the one that says it
    assert hits[0].id == "2024-05-01"
    assert {h.match for h in hits} == {"all"}
    assert len(hits) == 3


def test_a_word_read_alone_as_light_verbs_is_read_with_the_next_word():
    # "보고하게" alone is 보다 + 하다 (see + do); with "하나?" after it, 보고 (report) + 하다
    groups = topical(list(parse_query("정부는 무엇을 보고하게 하나?").groups))
    assert [query_word(g[0].text).parts for g in groups] == [("정부",), ("보고",)]
    assert query_word("보고하게").parts == ("보다", "하다")


def test_a_question_of_light_verbs_only_is_left_as_it_is():
    groups = list(parse_query("어떻게 하나?").groups)
    assert topical(groups) == groups


def test_assisting_people_is_augmenting_or_complementing_them(fresh_index):
    # "보조할까?" asks whether AI assists people; the articles say augment (증강) or complement
    # (보완), and 보조 alone found 보조금 (subsidies) among the longer nouns it heads
    assert topic_nouns(query_word("보조할까?").parts) == ("증강", "보완")
    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "AI, 근로자 업무 증강 효과 분석"),
            make_article("2024-05-02", "AI 기업 보조금 지원 확대"),
        ],
        "sha",
    )
    hits = fresh_index.search("AI는 근로자를 보조할까?").hits
    assert hits[0].id == "2024-05-01"


def test_replacing_work_is_automating_it():
    # "AI는 사람 일을 대체할까?": the articles on it say 자동화 (automation)
    assert topic_nouns(query_word("대체할까").parts) == ("자동화",)
