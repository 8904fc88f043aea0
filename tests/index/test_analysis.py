"""The Kiwi analyzer: which terms a text is indexed under, and where they are."""

from __future__ import annotations

import pickle

import pytest

from index.analysis import STEM_SHARE, analyze, normalize, weighted_terms
from index.dictionary import domain_dictionary, parse_dictionary
from index.query_words import query_word
from index.whoosh_analyzers import KiwiAnalyzer


def terms(text: str) -> list[str]:
    return [t.text for t in analyze(normalize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("규제를", ["규제"], id="object-particle"),
        pytest.param("오픈AI의", ["오픈", "오픈ai", "ai"], id="particle"),
        pytest.param("규제하는", ["규제"], id="verb-ending"),
        pytest.param("미치는", ["미치다"], id="verb-lemma"),
        pytest.param("기업들이", ["기업"], id="plural-suffix"),
        pytest.param("딥페이크를", ["딥페이크"], id="dictionary-word"),
        pytest.param("GPT-4o와", ["gpt", "gpt4", "4", "4o", "o"], id="model-name"),
        pytest.param("1.5배", ["1.5", "1.5배", "배"], id="decimal"),
        pytest.param("OECD는", ["oecd"], id="acronym"),
        pytest.param("美 정부", ["美", "美정부", "정부"], id="hanja"),
        pytest.param("規制", ["規制"], id="hanja-word"),
        pytest.param("의료용", ["의료용", "의료"], id="derived-word-and-stem"),
        pytest.param("군사적으로", ["군사적", "군사"], id="derived-word-particle"),
        pytest.param("미국산", ["미국산"], id="derived-name-kept-whole"),
    ],
)
def test_terms_of_a_word(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("AI안전연구소", id="glued"),
        pytest.param("AI 안전 연구소", id="spaced"),
        pytest.param("AI안전연구소의", id="glued-particle"),
    ],
)
def test_spacing_variants_share_their_parts(text):
    parts = [t.text for t in analyze(text) if t.kind == "part"]
    assert parts == ["ai", "안전", "연구소"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("AI안전연구소의", id="glued"),
        pytest.param("AI 안전 연구소의", id="spaced"),
        pytest.param("AI-안전 연구소의", id="hyphen"),
    ],
)
def test_parts_in_a_row_are_also_indexed_as_pairs_at_the_first_position(text):
    pairs = [(t.text, t.pos) for t in analyze(text) if t.kind == "pair"]
    assert pairs == [("ai안전", 0), ("안전연구소", 1)]


def test_a_particle_between_parts_makes_no_pair():
    assert [t.text for t in analyze("AI의 안전") if t.kind == "pair"] == []


def test_a_line_break_between_parts_makes_no_pair():
    assert [t.text for t in analyze("AI\n안전") if t.kind == "pair"] == []


def test_a_noun_alone_pairs_with_a_dictionary_compound_beside_it():
    found = [(t.text, t.pos, t.kind) for t in analyze("AI 규제샌드박스 도입")]
    assert found == [
        ("ai", 0, "part"),
        ("ai규제", 0, "pair"),
        ("규제", 1, "part"),
        ("규제샌드박스", 1, "pair"),
        ("샌드박스", 2, "part"),
        ("샌드박스도입", 2, "pair"),
        ("도입", 3, "part"),
    ]


def test_dictionary_compounds_are_split_into_their_parts():
    found = [(t.text, t.kind) for t in analyze("규제샌드박스를")]
    assert found == [("규제", "part"), ("규제샌드박스", "pair"), ("샌드박스", "part")]


def test_positions_count_only_emitted_terms():
    found = [(t.text, t.pos) for t in analyze("규제를 강화하는 정부의 노력")]
    assert found == [("규제", 0), ("강화", 1), ("정부", 2), ("노력", 3)]


def test_offsets_are_kiwis_own_and_point_at_the_surface_text():
    text = "앤스로픽의 클로드가 GPT-4o를 앞섰다"
    for term in analyze(text):
        if term.kind == "part":
            assert text[term.start : term.end].lower() == term.text


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param(
            "앤스로픽의 클로드가 GPT-4o를 앞섰다",
            [("gpt4", "pair", "GPT-4"), ("4o", "pair", "4o"), ("앞서다", "lemma", "앞섰")],
            id="pair-across-a-hyphen-and-lemma",
        ),
        pytest.param(
            "초거대 AI와 생성형AI",
            [
                ("거대", "stem", "초거대"),
                ("초거대ai", "pair", "초거대 AI"),
                ("생성형ai", "pair", "생성형AI"),
            ],
            id="stem-and-pairs-spaced-or-glued",
        ),
    ],
)
def test_pairs_stems_and_lemmas_span_the_text_they_stand_for(text, spans):
    found = [(t.text, t.kind, text[t.start : t.end]) for t in analyze(text) if t.kind != "part"]
    assert found == spans


def test_normalize_folds_compatibility_forms():
    assert normalize("정책･법제 ⼤") == "정책・법제 大"


@pytest.mark.parametrize(
    ("word", "parts", "pairs"),
    [
        pytest.param("오픈AI", ("오픈", "ai"), ("오픈ai",), id="mixed-script"),
        pytest.param("오픈AI의", ("오픈", "ai"), ("오픈ai",), id="particle"),
        pytest.param("딥페이크", ("딥페이크",), (), id="one-word"),
        pytest.param("GPT-4o", ("gpt", "4", "o"), ("gpt4", "4o"), id="hyphenated"),
        pytest.param("안전연구소의", ("안전", "연구소"), ("안전연구소",), id="compound"),
        # Kiwi alone read the glued name as 제미나이 + 노, 나 taken for a particle
        pytest.param("제미나이나노", ("제미나이", "나노"), ("제미나이나노",), id="glued-name"),
        # Kiwi alone read 도 as a particle, and the query as 확신 (conviction)
        pytest.param("확신도를", ("확신도",), (), id="noun-of-degree"),
    ],
)
def test_query_words_keep_their_parts_together(word, parts, pairs):
    analysed = query_word(word)
    assert (analysed.parts, analysed.pairs, analysed.adjacent) == (parts, pairs, True)


def test_a_phrase_with_a_particle_inside_is_not_adjacent():
    analysed = query_word("AI가 일자리")
    assert (analysed.parts, analysed.pairs, analysed.adjacent) == (("ai", "일자리"), (), False)


def test_the_analyzer_pickles_with_the_schema():
    analyzer = pickle.loads(pickle.dumps(KiwiAnalyzer()))
    tokens = [(t.text, t.pos) for t in analyzer("규제를 강화", positions=True)]
    assert tokens == [("규제", 0), ("강화", 1)]


def test_the_shipped_dictionary_has_a_version_and_consistent_parts():
    dictionary = domain_dictionary()
    assert dictionary.version >= 1
    assert dictionary.parts_of()["오픈ai"] == ("오픈", "ai")


def test_a_dictionary_line_whose_parts_do_not_spell_the_word_is_refused():
    with pytest.raises(ValueError, match="do not spell"):
        parse_dictionary("# version: 1\n오픈AI\tNNP\t오픈 A\n")


def test_a_dictionary_without_a_version_is_refused():
    with pytest.raises(ValueError, match="version"):
        parse_dictionary("딥페이크\tNNG\n")


def test_a_stem_counts_less_than_the_word_written():
    title = "의료용 AI와 의료"
    weights = {}
    for text, _pos, weight, _term in weighted_terms(title):
        weights.setdefault(text, []).append(weight)
    assert weights["의료용"] == [4.0]
    assert sorted(weights["의료"]) == [4.0 * STEM_SHARE, 4.0]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        # Kiwi alone read 다 as an adverb and the rest as 국어 (the national language)
        pytest.param("다국어는", ("다국어",), id="multilingual"),
        # ... 사기가 as the verb 사다 (buy) and a nominal ending
        pytest.param("사기가", ("사기",), id="fraud"),
        pytest.param("컴플라이언스가", ("컴플라이언스",), id="loanword-with-particle"),
        pytest.param("보건의", ("보건",), id="health-not-a-doctor"),
        pytest.param("알고리듬이", ("알고리듬",), id="not-rhythm"),
        pytest.param("하원을", ("하원",), id="lower-house"),
        pytest.param("아세안을", ("아세안",), id="asean"),
        # ... 안보는 as 안 (not) + 보다 (see)
        pytest.param("안보는", ("안보",), id="security-not-not-seeing"),
    ],
)
def test_a_word_of_the_field_is_read_whole_before_a_particle(word, parts):
    """Dictionary v8: words of the tables that Kiwi read apart, or as another word, before a
    particle (python -m bench.dictionary_check lists them)."""
    assert query_word(word).parts == parts
