"""A concept's forms of several words other than the words typed match in full only with their
words near one another, as the words typed do (query_builder.NEAR_WINDOW): scattered through an
article, they match it in part."""

from __future__ import annotations

import pytest

from index import SearchIndex
from index.concepts import Concept, ConceptTable
from tests.index.conftest import make_article


@pytest.fixture(scope="module")
def forms_index(tmp_path_factory) -> SearchIndex:
    concepts = ConceptTable((Concept("설명 가능 AI", ("설명 가능 AI", "해석 가능성")),), 1)
    index = SearchIndex.open(tmp_path_factory.mktemp("near-forms"), concepts=concepts)
    index.replace_issue(
        "2024-05",
        [
            # the form's words apart, each in another sentence: an article on a summit
            make_article(
                "2024-05-01",
                "AI 정상회의 공동 선언 채택",
                key=("AI 정상회의 개최",),
                bullets=("선언의 의미를 해석", "각국 정부와 기업의 추가 협력 가능성도 열어"),
            ),
            # the form, its words side by side
            make_article("2024-05-02", "신경망의 해석 가능성 높인 연구 공개"),
        ],
        "sha",
    )
    return index


def test_a_form_of_several_words_matches_in_full_only_where_its_words_stand_near(forms_index):
    result = forms_index.search("설명 가능한 AI")
    assert [(hit.id, hit.match) for hit in result.hits] == [
        ("2024-05-02", "all"),
        ("2024-05-01", "partial"),
    ]
    assert (result.total, result.fallback) == (1, False)


def test_its_words_anywhere_apart_match_in_full_when_near_forms_is_off(forms_index):
    result = forms_index.search("설명 가능한 AI", near_forms=False)
    assert {(hit.id, hit.match) for hit in result.hits} == {
        ("2024-05-02", "all"),
        ("2024-05-01", "all"),
    }
    assert result.total == 2
