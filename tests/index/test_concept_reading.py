"""A thesaurus form of several words meets what is typed whichever form the analyser reduces
each word to ("적은 비용으로" is the form 적은 비용), and a word the analyser drops whole ("여러")
is never silently left out of what a form means. The table here is written for these tests."""

from __future__ import annotations

import pytest

from index.aliases import AliasTable
from index.clause_forms import STAND_IN_WEIGHT
from index.concepts import Concept, ConceptTable
from index.joined_words import joined_words, said_by_concept
from index.query_builder import QueryBuilder
from index.query_syntax import Clause, parse_query
from index.query_words import dropped_meaning, query_word, reading

TABLE = ConceptTable(
    (
        Concept("저비용", ("저비용", "적은 비용", "low-cost")),
        Concept("다국어", ("다국어", "여러 언어", "multilingual")),
        Concept("언어", ("언어", "language")),
    ),
    1,
)


@pytest.mark.parametrize(
    ("typed", "form"),
    [
        pytest.param("적은 비용으로", "적은 비용", id="conjugated-and-particle"),
        pytest.param("여러 언어를", "여러 언어", id="determiner"),
    ],
)
def test_typed_words_read_as_the_form_they_are(typed, form):
    assert reading(typed) == reading(form)


def test_a_dropped_determiner_is_read_as_written():
    assert reading("여러 언어를") == ("여러", "언어")
    assert query_word("여러 언어를").parts == ("언어",)  # what the analyser alone keeps


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        pytest.param("여러 언어", ("여러",), id="determiner"),
        pytest.param("수학 문제를 잘 푸는", ("잘",), id="adverb"),
        pytest.param("신뢰할 수 있는 AI", (), id="bound-noun"),
        pytest.param("텍스트 및 데이터 마이닝", (), id="conjunction"),
        pytest.param("적은 비용", (), id="adjective-as-lemma"),
    ],
)
def test_words_dropped_whole_that_carry_meaning(text, dropped):
    assert dropped_meaning(text) == dropped


def _joined(query: str) -> list[str]:
    groups = joined_words(parse_query(query).groups, AliasTable(()), TABLE)
    return [" ".join(c.text for c in group) for group in groups]


def test_a_conjugated_form_typed_is_the_concept():
    assert _joined("적은 비용으로 모델 개발") == ["적은 비용", "모델", "개발"]


def test_a_form_with_a_determiner_is_the_concept_not_the_noun_left():
    assert _joined("여러 언어를 지원") == ["여러 언어", "지원"]
    without = ConceptTable((Concept("언어", ("언어", "language")),), 1)
    groups = joined_words(parse_query("여러 언어를").groups, AliasTable(()), without)
    assert [c.text for g in groups for c in g] == ["여러", "언어를"]  # not the concept 언어


def test_a_concept_typed_with_a_dropped_word_is_looked_for_by_its_other_forms():
    builder = QueryBuilder(AliasTable(()), TABLE)
    weights = {w.parts: x for w, x in builder.looked_up(Clause("여러 언어", loose=True)).words}
    assert ("언어",) not in weights  # 언어 alone is not 여러 언어
    assert weights[("다국어",)] == weights[("multilingual",)] == STAND_IN_WEIGHT


def test_a_form_with_a_dropped_word_is_not_looked_for_as_a_sibling():
    builder = QueryBuilder(AliasTable(()), TABLE)
    looked = builder.looked_up(Clause("다국어"))
    assert ("언어",) not in {w.parts for w, _ in looked.words}
    assert "여러 언어" not in looked.added


def test_the_query_says_the_concept_it_read():
    query = "적은 비용으로 만든 모델"
    compiled = QueryBuilder(AliasTable(()), TABLE).build(parse_query(query), query)
    assert compiled.expansions["적은 비용"] == ["저비용", "low-cost"]


PRIVACY = ConceptTable(
    (
        Concept("프라이버시", ("프라이버시", "개인정보", "개인정보 보호", "privacy")),
        Concept("저작권", ("저작권", "copyright")),
    ),
    1,
)


def _said(query: str) -> list[str]:
    groups = joined_words(parse_query(query).groups, AliasTable(()), PRIVACY)
    return [groups[i][0].text for i in sorted(said_by_concept(groups, PRIVACY))]


@pytest.mark.parametrize(
    ("query", "said"),
    [
        pytest.param("프라이버시 보호", ["보호"], id="after"),
        pytest.param("보호 프라이버시", ["보호"], id="before"),
        pytest.param("저작권 보호", [], id="no-form-holds-it"),
        pytest.param("프라이버시 정책 보호", [], id="not-beside"),
        pytest.param('프라이버시 "보호"', [], id="exact"),
    ],
)
def test_a_word_a_concept_beside_it_holds_in_a_form(query, said):
    assert _said(query) == said


@pytest.fixture
def privacy_index(tmp_path):
    from index import SearchIndex
    from tests.index.conftest import make_article

    index = SearchIndex.open(tmp_path / "index", concepts=PRIVACY)
    articles = [
        make_article("2024-05-01", "챗봇에서 개인정보 추출 공격 성공"),
        make_article("2024-05-02", "소비자 보호 방안 발표"),
        make_article("2024-05-03", "AI 반도체 시장 전망"),
    ]
    index.replace_issue("2024-05", articles, "sha")
    return index


def test_the_word_a_concept_holds_is_counted_not_required(privacy_index):
    hits = privacy_index.search("프라이버시 보호").hits
    assert [(h.id, h.match) for h in hits] == [("2024-05-01", "all"), ("2024-05-02", "partial")]
    strict = privacy_index.search("프라이버시 보호", beside=False)
    assert strict.fallback  # no article holds both 개인정보 and 보호


def test_a_device_is_a_kind_of_thing(fresh_index):
    from tests.index.conftest import make_article

    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "유해 콘텐츠 필터링 도입"),
            make_article("2024-05-02", "보안 장치 공개"),
            make_article("2024-05-03", "AI 반도체 시장 전망"),
        ],
        "sha",
    )
    hits = fresh_index.search("유해 콘텐츠 필터링 장치").hits
    assert [(h.id, h.match) for h in hits][0] == ("2024-05-01", "all")


def test_a_noun_of_worry_is_counted_not_required(fresh_index):
    from tests.index.conftest import make_article

    fresh_index.replace_issue(
        "2024-05",
        [
            make_article("2024-05-01", "기기 안에서 작동해 정보 유출 위험 없는 생성 AI"),
            make_article("2024-05-02", "AI 일자리 걱정 확산"),
            make_article("2024-05-03", "AI 반도체 시장 전망"),
        ],
        "sha",
    )
    hits = fresh_index.search("정보 유출 걱정 없는 AI").hits
    assert (hits[0].id, hits[0].match) == ("2024-05-01", "all")
    assert fresh_index.search("정보 유출 =걱정").fallback  # typed exactly, it is required
