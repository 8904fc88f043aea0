"""The thesaurus: reading the table, and what a query word finds through it, through its
stem, and as a compound typed apart. The table here is written for these tests."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from index import SearchIndex
from index.aliases import AliasTable
from index.concepts import Concept, ConceptTable, parse_concepts
from index.query_builder import QueryBuilder
from index.query_syntax import Clause, parse_query
from index.query_words import query_word
from index.schema import current_stamp
from tests.index.conftest import ARTICLES, make_article

TABLE = """\
# version: 7
# columns: concept <TAB> equivalents <TAB> narrower
일자리\t일자리, 고용, jobs\t채용
영상\t영상, 비디오, video\t영상 생성
영상 생성\t영상 생성, 동영상 생성
생성 AI\t생성 AI, 생성형 AI, generative AI\t영상 생성
발표\t발표, 공개
"""


@pytest.fixture(scope="module")
def table() -> ConceptTable:
    version, concepts = parse_concepts(TABLE)
    return ConceptTable(concepts, version)


@pytest.fixture(scope="module")
def concept_index(tmp_path_factory, table) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("index"), concepts=table)
    for issue, articles in ARTICLES.items():
        index.replace_issue(issue, articles, f"sha-{issue}")
    return index


def ids(result) -> list[str]:
    return [hit.id for hit in result.hits]


def test_the_table_reads_forms_and_narrower_terms(table):
    assert (table.version, len(table)) == (7, 5)
    expansion = table.expand("고용")
    assert (expansion.siblings, expansion.narrower) == (("일자리", "jobs"), ("채용",))


def test_a_narrower_term_that_is_a_concept_brings_its_forms_one_level_deep(table):
    assert table.expand("비디오").narrower == ("영상 생성", "동영상 생성")


def test_a_narrower_term_does_not_bring_its_broader_one(table):
    expansion = table.expand("동영상 생성")
    assert (expansion.siblings, expansion.narrower) == (("영상 생성",), ())


def test_spelling_and_spacing_do_not_matter(table):
    assert table.expand("생성형AI").siblings == ("생성 AI", "generative AI")


def test_a_word_s_expansion_is_worked_out_once(table):
    first = table.expand("고용")
    assert table.expand("고용") is first


PLURALS = """\
# version: 1
일자리\t일자리, 고용, jobs
영상\t영상, video
생성 AI\t생성 AI, generative AI
정책\t정책, policy
API\tAPI, 에이피아이
"""


@pytest.mark.parametrize(
    ("typed", "siblings"),
    [
        pytest.param("videos", ("영상", "video"), id="plural"),
        pytest.param("policies", ("정책", "policy"), id="ies"),
        pytest.param("APIs", ("API", "에이피아이"), id="acronym"),
        pytest.param("generative AIs", ("생성 AI", "generative AI"), id="phrase"),
        pytest.param("jobs", ("일자리", "고용"), id="listed-plural"),
    ],
)
def test_an_english_plural_the_table_does_not_list_is_its_singular(typed, siblings):
    plural_table = ConceptTable(parse_concepts(PLURALS)[1])
    assert plural_table.knows(typed)
    assert plural_table.expand(typed).siblings == siblings


@pytest.mark.parametrize("word", ["status", "access", "analysis", "ais", "CVs", "job"])
def test_a_word_that_is_no_plural_or_of_a_short_acronym_is_not_folded(word):
    _, concepts = parse_concepts("# version: 1\nAI\tAI, jobs, analysi, acces, statu, cv\n")
    assert not ConceptTable(concepts).knows(word)


@pytest.mark.parametrize(
    ("typed", "known"),
    [
        pytest.param("compliance cost", True, id="phrase-listed-in-the-plural"),
        pytest.param("Compliance  Cost", True, id="case-and-spaces"),
        pytest.param("fine", False, id="a-word-alone-is-a-word-of-its-own"),
    ],
)
def test_the_singular_of_a_phrase_listed_in_the_plural_is_that_phrase(typed, known):
    _, concepts = parse_concepts("# version: 1\n규제 부담\t규제 부담, compliance costs, fines\n")
    table = ConceptTable(concepts)
    assert table.knows(typed) is known
    if known:
        assert table.spelled(typed) == "compliance costs"
        assert "규제 부담" in table.expand(typed).siblings


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("반도체\t칩\n", "no '# version: N' line", id="no-version"),
        pytest.param("# version: 1\n반도체\t칩\tGPU\textra\n", "line 2", id="extra-column"),
    ],
)
def test_a_malformed_table_is_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse_concepts(text)


def test_a_concept_word_finds_its_siblings_and_says_what_it_added(concept_index):
    result = concept_index.search("고용")
    assert ids(result) == ["2025-03-12"]
    assert result.expansions == {"고용": ("일자리", "jobs", "채용")}
    hit = result.hits[0]
    assert [hit.snippet[start:end] for start, end in hit.marks] == ["일자리"]


def test_the_word_typed_outranks_its_siblings(concept_index):
    # 2025-03-05 announces (발표) in its headline, 2024-04-07 releases (공개) in its headline
    assert ids(concept_index.search("발표")) == ["2025-03-05", "2024-04-07"]
    assert ids(concept_index.search("공개")) == ["2024-04-07", "2025-03-05"]


def test_expansion_can_be_switched_off(concept_index):
    result = concept_index.search("고용", expand=False)
    assert (result.total, result.expansions) == (0, {})


@pytest.mark.parametrize("query", ['"고용"', "=고용"], ids=["quoted", "equals"])
def test_an_exact_word_is_not_expanded(concept_index, query):
    result = concept_index.search(query)
    assert (result.total, result.expansions) == (0, {})


def test_a_concept_of_several_words_typed_apart_is_one_concept(concept_index):
    result = concept_index.search("생성 AI")
    assert ids(result)[0] == "2024-04-07"
    # 생성형 AI and generative AI are spellings of the name already (index/aliases.tsv)
    assert result.expansions == {"생성 AI": ("영상 생성", "동영상 생성")}
    assert {hit.match for hit in result.hits} == {"all"}


def test_a_concept_of_several_words_is_one_concept_before_a_particle(concept_index):
    result = concept_index.search("생성 AI를")
    assert result.expansions == {"생성 AI": ("영상 생성", "동영상 생성")}
    assert ids(result)[0] == "2024-04-07"


def test_a_compound_typed_apart_is_found_as_the_compound(concept_index):
    assert ids(concept_index.search("딥 페이크")) == ["2025-03-05", "2024-04-01"]
    assert concept_index.search("딥 벤지오").fallback  # not a word: two words, one article each


def test_a_derived_word_finds_its_stem_below_itself(fresh_index):
    fresh_index.replace_issue(
        "2024-05",
        [
            _article("2024-05-01", "병원에서 의료 AI 도입 확대"),
            _article("2024-05-02", "의료용 AI 모델 공개"),
        ],
        "sha",
    )
    assert ids(fresh_index.search("의료용")) == ["2024-05-02", "2024-05-01"]
    assert ids(fresh_index.search("의료용", derived=False)) == ["2024-05-02"]
    assert ids(fresh_index.search("=의료용")) == ["2024-05-02"]
    assert set(ids(fresh_index.search("의료"))) == {"2024-05-01", "2024-05-02"}


def test_the_shipped_table_version_is_in_the_stamp():
    assert "concepts" in current_stamp()


def _article(article_id: str, title: str):
    from tests.index.conftest import make_article

    return make_article(article_id, title)


def test_a_derived_word_brings_the_concept_of_its_stem():
    from index.aliases import AliasTable
    from index.concepts import Concept, ConceptTable
    from index.query_builder import QueryBuilder
    from index.query_syntax import parse_query

    table = ConceptTable((Concept("공공 부문", ("공공 부문", "공공기관", "public sector")),), 1)
    builder = QueryBuilder(AliasTable(()), table)
    compiled = builder.build(parse_query("공공기관용"), "공공기관용")
    assert "public sector" in compiled.expansions["공공기관용"]
    exact = QueryBuilder(AliasTable(()), table, derived=False)
    assert exact.build(parse_query("공공기관용"), "공공기관용").expansions == {}


def test_a_narrower_term_names_its_broader_concepts(table):
    assert table.expand("동영상 생성").broader == (
        "영상",
        "비디오",
        "video",
        "생성 AI",
        "생성형 AI",
        "generative AI",
    )
    assert table.expand("고용").broader == ()


@pytest.mark.parametrize(("few", "added"), [(True, True), (False, False)], ids=["few", "many"])
def test_a_word_that_finds_few_articles_looks_for_its_broader_concept_below_it(table, few, added):
    from index.aliases import AliasTable
    from index.clause_forms import BROADER_WEIGHT
    from index.query_builder import QueryBuilder
    from index.query_syntax import parse_query

    builder = QueryBuilder(AliasTable(()), table, few=lambda q: few)
    compiled = builder.build(parse_query("채용"), "채용")
    assert ("일자리" in compiled.expansions.get("채용", ())) is added
    weights = {t.text: t.boost for t in compiled.all_words.leaves() if hasattr(t, "text")}
    assert weights.get("일자리") == (BROADER_WEIGHT if added else None)


def test_broader_concepts_can_be_switched_off(concept_index):
    # no article holds 채용; 2025-03-12 holds 일자리, the concept 채용 is under
    assert ids(concept_index.search("채용")) == ["2025-03-12"]
    assert concept_index.search("채용", broader=False).total == 0


def test_a_hub_is_not_looked_for_as_a_broader_concept():
    from index.concepts import HUB, Concept, ConceptTable

    many = tuple(f"위험{i}" for i in range(HUB)) + ("허위정보",)
    table = ConceptTable(
        (
            Concept("AI 위험", ("AI 위험", "AI risk"), many),
            Concept("유해 콘텐츠", ("유해 콘텐츠",), ("허위정보",)),
        ),
        1,
    )
    assert table.expand("허위정보").broader == ("유해 콘텐츠",)


@pytest.mark.parametrize(("absent", "weight"), [(True, 1.0), (False, 0.6)])
def test_the_forms_of_a_word_no_article_holds_stand_in_for_it(table, absent, weight):
    builder = QueryBuilder(AliasTable([]), table, absent=lambda q: absent)
    weights = {w.parts: x for w, x in builder.looked_up(Clause("jobs")).words}
    assert weights[query_word("일자리").parts] == weights[query_word("고용").parts] == weight
    assert weights[query_word("jobs").parts] == 1.0
    # narrower terms stay below it
    assert weights[query_word("채용").parts] == 0.5


def test_forms_spelled_apart_alike_are_looked_up_once():
    # both forms analyse to the same parts, looked up apart: one subquery, not two
    forms = ("데이터 마이닝", "텍스트 데이터 마이닝", "텍스트 및 데이터 마이닝")
    table = ConceptTable((Concept("데이터 마이닝", forms),), 1)
    query = "데이터 마이닝"
    compiled = QueryBuilder(AliasTable(()), table).build(parse_query(query), query)

    def groups(q):
        if isinstance(q, wq.DisjunctionMax):
            yield q
        for sub in getattr(q, "subqueries", ()):
            yield from groups(sub)

    found = list(groups(compiled.all_words))
    assert found
    for q in found:
        assert len(set(q.subqueries)) == len(q.subqueries)


@pytest.fixture(scope="module")
def near_index(tmp_path_factory) -> SearchIndex:
    forms = ("설명 가능 AI", "AI 설명 가능", "explainable AI")  # AI 설명 가능: the same words
    concepts = ConceptTable((Concept("설명 가능 AI", forms),), 1)
    index = SearchIndex.open(tmp_path_factory.mktemp("near"), concepts=concepts)
    index.replace_issue(
        "2024-05",
        [
            # the concept's words apart, each in another sentence: an article on chips
            make_article(
                "2024-05-01",
                "AI 반도체 기업 실적 발표",
                key=("AI 반도체 매출 증가",),
                bullets=("투자자에게 실적을 설명", "내년 생산 확대도 가능할 전망"),
            ),
            # the concept, its words next to one another but for the ending
            make_article("2024-05-02", "설명 가능한 AI 연구 공개"),
        ],
        "sha",
    )
    return index


def test_a_concept_typed_in_words_matches_in_full_only_where_they_stand_near(near_index):
    result = near_index.search("설명 가능한 AI")
    assert [(hit.id, hit.match) for hit in result.hits] == [
        ("2024-05-02", "all"),
        ("2024-05-01", "partial"),
    ]
    assert (result.total, result.fallback) == (1, False)


def test_the_concept_words_anywhere_apart_match_in_full_when_near_is_off(near_index):
    result = near_index.search("설명 가능한 AI", near=False)
    assert {(hit.id, hit.match) for hit in result.hits} == {
        ("2024-05-02", "all"),
        ("2024-05-01", "all"),
    }
    assert result.total == 2


@pytest.mark.parametrize(
    ("query", "found"),
    [
        pytest.param("고용", {"고용": {"일자리": 1}}, id="one-hit"),
        pytest.param("발표", {"발표": {"공개": 1}}, id="sibling-in-a-headline"),
        pytest.param(
            "동영상 생성",
            {"동영상 생성": {"영상 생성": 1, "영상": 1, "생성형 AI": 1}},
            id="several",
        ),
        pytest.param("일자리", {}, id="none-held"),  # it adds 고용, jobs and 채용
    ],
)
def test_a_result_counts_the_hits_shown_that_hold_each_form_added(concept_index, query, found):
    """Of the forms the thesaurus added, those the hits hold, each with how many hold it."""
    assert concept_index.search(query).expansions_found == found


def test_forms_held_count_only_the_hits_of_the_page(concept_index):
    assert concept_index.search("발표", page=2, per_page=1).expansions_found == {
        "발표": {"공개": 1}
    }
    assert concept_index.search("발표", per_page=1).expansions_found == {}
