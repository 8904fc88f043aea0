"""The Kiwi analyzer: which terms a text is indexed under, and where they are."""

from __future__ import annotations

import pickle

import pytest

from index.analysis import KiwiAnalyzer, analyze, normalize
from index.dictionary import domain_dictionary, parse_dictionary
from index.query_builder import query_word


def terms(text: str) -> list[str]:
    return [t.text for t in analyze(normalize(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("규제를", ["규제"], id="object-particle"),
        pytest.param("오픈AI의", ["오픈ai", "오픈", "ai"], id="particle"),
        pytest.param("규제하는", ["규제"], id="verb-ending"),
        pytest.param("미치는", ["미치다"], id="verb-lemma"),
        pytest.param("기업들이", ["기업"], id="plural-suffix"),
        pytest.param("딥페이크를", ["딥페이크"], id="dictionary-word"),
        pytest.param("GPT-4o와", ["gpt", "4", "o", "gpt-4o"], id="model-name"),
        pytest.param("1.5배", ["1.5", "배", "1.5배"], id="decimal"),
        pytest.param("OECD는", ["oecd"], id="acronym"),
        pytest.param("美 정부", ["美", "정부"], id="hanja"),
        pytest.param("規制", ["規制"], id="hanja-word"),
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


def test_a_glued_chain_is_also_indexed_whole_at_its_first_position():
    compound = [t for t in analyze("AI안전연구소의") if t.kind == "compound"]
    assert [(t.text, t.pos, t.start, t.end) for t in compound] == [("ai안전연구소", 0, 0, 7)]


def test_dictionary_compounds_are_split_into_their_parts():
    found = [(t.text, t.kind) for t in analyze("규제샌드박스를")]
    assert found == [("규제샌드박스", "compound"), ("규제", "part"), ("샌드박스", "part")]


def test_positions_count_only_emitted_terms():
    found = [(t.text, t.pos) for t in analyze("규제를 강화하는 정부의 노력")]
    assert found == [("규제", 0), ("강화", 1), ("정부", 2), ("노력", 3)]


def test_offsets_are_kiwis_own_and_point_at_the_surface_text():
    text = "앤스로픽의 클로드가 GPT-4o를 앞섰다"
    for term in analyze(text):
        if term.kind in ("part", "compound"):
            assert text[term.start : term.end].lower() == term.text


def test_normalize_folds_compatibility_forms():
    assert normalize("정책･법제 ⼤") == "정책・법제 大"


@pytest.mark.parametrize(
    ("word", "parts", "compound"),
    [
        pytest.param("오픈AI", ("오픈", "ai"), "오픈ai", id="mixed-script"),
        pytest.param("오픈AI의", ("오픈", "ai"), "오픈ai", id="particle"),
        pytest.param("딥페이크", ("딥페이크",), None, id="one-word"),
        pytest.param("GPT-4o", ("gpt", "4", "o"), "gpt-4o", id="hyphenated"),
        pytest.param("안전연구소의", ("안전", "연구소"), "안전연구소", id="compound"),
    ],
)
def test_query_words_keep_their_parts_together(word, parts, compound):
    assert query_word(word) == query_word(word)
    analysed = query_word(word)
    assert (analysed.parts, analysed.compound) == (parts, compound)


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
